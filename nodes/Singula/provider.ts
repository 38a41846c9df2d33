import { categoryForHttpStatus, ItemFailure } from '../shared/failure';
import { MAGICLINE_STATUS_FAULTS } from '../Magicline/faults';
import { readRestResponse, restHttpRequest, textField } from '../shared/rest';
import type { RestRequest } from '../shared/rest';
import { trimTrailingSlashes } from '../shared/url';
import type { ProviderDefinition } from '../shared/types';
import { contractOperations } from './contract';
import { SINGULA_FAULTS } from './faults';

/** The contracts API below the gateway root. */
export const SINGULA_CONTRACTS_API = '/apis/contracts/v1';

/** A Singula fault `{errorCode, developerMessage, userMessage}`; unknown codes map by status as Magicline's do. */
function singulaFailure(status: number, body: unknown): ItemFailure {
	const code = textField(body, 'errorCode');
	const known = code ? SINGULA_FAULTS[code] : undefined;
	const byStatus = MAGICLINE_STATUS_FAULTS[status];
	const developerMessage = textField(body, 'developerMessage');
	return new ItemFailure({
		message:
			textField(body, 'userMessage') ??
			developerMessage ??
			known?.message ??
			byStatus?.meaning ??
			`HTTP ${status}`,
		description: developerMessage ?? null,
		httpCode: status,
		code: code ?? String(status),
		fault: known?.fault ?? null,
		category: known?.category ?? byStatus?.category ?? categoryForHttpStatus(status),
		...((known ?? byStatus)?.retryable ? { retryable: true } : {}),
	});
}

export const singulaProvider: ProviderDefinition<RestRequest> = {
	name: 'singula',
	credentialType: 'singulaApi',
	resources: [
		{ name: 'Contract', value: 'contract', description: "A customer's subscription contract" },
	],
	operations: [...contractOperations],
	toHttpRequest: (request, credentials) =>
		restHttpRequest(
			`${trimTrailingSlashes(String(credentials.baseUrl ?? ''))}${SINGULA_CONTRACTS_API}`,
			request,
		),
	readResponse: (response) =>
		readRestResponse(response, (status, body) => singulaFailure(status, body)),
};
