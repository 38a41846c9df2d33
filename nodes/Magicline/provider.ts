import { categoryForHttpStatus, ItemFailure } from '../shared/failure';
import {
	asObject,
	looksLikeHtml,
	plainText,
	readRestResponse,
	restHttpRequest,
	textField,
} from '../shared/rest';
import type { RestRequest } from '../shared/rest';
import { trimTrailingSlashes } from '../shared/url';
import type { ProviderDefinition } from '../shared/types';
import { additionalModuleContractOperations } from './additionalModuleContract';
import { cancelationReasonOperations } from './cancelationReason';
import { membershipOperations } from './membership';
import { MAGICLINE_STATUS_FAULTS } from './faults';

/** A Magicline fault: `{errorMessage, errorCode, traceId, reference}`. */
function magiclineFailure(status: number, body: unknown, text: string): ItemFailure {
	const known = MAGICLINE_STATUS_FAULTS[status];
	const reference = asObject(body).reference;
	return new ItemFailure({
		message: textField(body, 'errorMessage') ?? known?.meaning ?? `HTTP ${status}`,
		description:
			typeof body === 'string' && body ? (looksLikeHtml(text) ? plainText(text) : body) : null,
		httpCode: status,
		code: textField(body, 'errorCode') ?? String(status),
		category: known?.category ?? categoryForHttpStatus(status),
		...(known?.retryable ? { retryable: true } : {}),
		traceId: textField(body, 'traceId') ?? null,
		details: reference === undefined ? null : reference,
	});
}

export const magiclineProvider: ProviderDefinition<RestRequest> = {
	name: 'magicline',
	credentialType: 'magiclineApi',
	resources: [
		{
			name: 'Additional Module Contract',
			value: 'additionalModuleContract',
			description: 'An add-on (module) booked on top of a membership contract',
		},
		{
			name: 'Cancelation Reason',
			value: 'cancelationReason',
			description: 'A reason a contract can be canceled for',
		},
		{
			name: 'Membership',
			value: 'membership',
			description: "A customer's main membership contract",
		},
	],
	operations: [
		...additionalModuleContractOperations,
		...membershipOperations,
		...cancelationReasonOperations,
	],
	toHttpRequest: (request, credentials) =>
		restHttpRequest(trimTrailingSlashes(String(credentials.baseUrl ?? '')), request),
	readResponse: (response) => readRestResponse(response, magiclineFailure),
};
