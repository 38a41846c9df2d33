import { signedPath, singulaSignature } from '../../common/singula';
import { effectiveUrl, trimTrailingSlashes } from '../../common/url';
import { entryRetryable, faultFor } from '../shared/engine/faults';
import { ItemFailure } from '../shared/engine/failure';
import type { ResourceValue } from '../shared/engine/types';
import { restProvider, textField } from '../shared/wire/rest';
import { contract } from './contract';
import { customer } from './customer';
import { SINGULA_FAULTS } from './faults';

/** The Singula APIs below the gateway root, by the `api` name routes use. */
export const SINGULA_APIS = {
	default: () => '/apis/contracts/v1',
	customers: () => '/apis/customers/v1',
};

/** A Singula fault `{errorCode, developerMessage, userMessage}`; unknown codes map by HTTP status. */
function singulaFailure(status: number, body: unknown): ItemFailure {
	const code = textField(body, 'errorCode');
	const entry = faultFor(SINGULA_FAULTS, code, status);
	const developerMessage = textField(body, 'developerMessage');
	return new ItemFailure({
		message: textField(body, 'userMessage') ?? developerMessage ?? entry.message,
		description: developerMessage ?? null,
		httpCode: status,
		code: code ?? String(status),
		fault: entry.fault ?? null,
		category: entry.category,
		...entryRetryable(entry),
	});
}

export const singulaProvider = restProvider({
	name: 'singula',
	credentialType: 'singulaApi',
	resources: [contract, customer],
	baseUrl: (credentials) => trimTrailingSlashes(String(credentials.baseUrl ?? '')),
	apiRoots: SINGULA_APIS,
	toFailure: singulaFailure,
	// The credential signs each request with the second it is sent in: every signature the
	// request may have carried is redacted from the answer.
	derivedSecrets(credentials, request, from, to) {
		const secret = String(credentials.apiSecret ?? '');
		const path = signedPath(effectiveUrl(request));
		const signatures: string[] = [];
		for (let second = Math.floor(from / 1000) - 1; second <= Math.floor(to / 1000) + 1; second++) {
			signatures.push(singulaSignature(secret, String(second), request.method ?? 'GET', path));
		}
		return signatures;
	},
});

export type SingulaResource = ResourceValue<typeof singulaProvider>;
