import { trimTrailingSlashes } from '../../common/url';
import { entryRetryable, faultFor } from '../shared/engine/faults';
import { ItemFailure } from '../shared/engine/failure';
import type { ResourceValue } from '../shared/engine/types';
import { asObject, looksLikeHtml, plainText, restProvider, textField } from '../shared/wire/rest';
import { additionalModuleContract } from './additionalModuleContract';
import { cancelationReason } from './cancelationReason';
import { customer } from './customer';
import { MAGICLINE_FAULTS, MAGICLINE_REQUESTS_PER_MINUTE } from './faults';
import { membership } from './membership';

/** A Magicline fault: `{errorMessage, errorCode, traceId, reference}`, mapped by HTTP status. */
function magiclineFailure(status: number, body: unknown, text: string): ItemFailure {
	const entry = faultFor(MAGICLINE_FAULTS, undefined, status);
	const reference = asObject(body).reference;
	return new ItemFailure({
		message: textField(body, 'errorMessage') ?? entry.message,
		description:
			typeof body === 'string' && body ? (looksLikeHtml(text) ? plainText(text) : body) : null,
		httpCode: status,
		code: textField(body, 'errorCode') ?? String(status),
		category: entry.category,
		...entryRetryable(entry),
		traceId: textField(body, 'traceId') ?? null,
		details: reference === undefined ? null : reference,
	});
}

export const magiclineProvider = restProvider({
	name: 'magicline',
	credentialType: 'magiclineApi',
	// Magicline's documented limit: 1,000 requests per minute.
	defaultMaxRequestsPerMinute: MAGICLINE_REQUESTS_PER_MINUTE,
	resources: [additionalModuleContract, cancelationReason, membership, customer],
	baseUrl: (credentials) => trimTrailingSlashes(String(credentials.baseUrl ?? '')),
	apiRoots: { default: () => '' },
	toFailure: magiclineFailure,
});

export type MagiclineResource = ResourceValue<typeof magiclineProvider>;
