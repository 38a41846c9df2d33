import { accessPaySuiteBaseUrl } from '../../credentials/AccessPaySuiteApi.credentials';
import { categoryForHttpStatus, ItemFailure } from '../shared/failure';
import {
	asObject,
	looksLikeHtml,
	pathSegment,
	plainText,
	readRestResponse,
	restHttpRequest,
	textField,
} from '../shared/rest';
import type { RestRequest } from '../shared/rest';
import type { ProviderDefinition } from '../shared/types';
import { contractOperations } from './contract';
import { customerOperations } from './customer';
import { paymentOperations } from './payment';
import { scheduleOperations } from './schedule';
import { ACCESS_PAYSUITE_FAULTS } from './faults';

/** A DDCMS fault: `Message` (or `error`, or the text) and `Detail`; `ErrorCode` when sent, else the status. */
function accessPaySuiteFailure(status: number, body: unknown, text: string): ItemFailure {
	const known = ACCESS_PAYSUITE_FAULTS[status];
	const html = looksLikeHtml(text);
	const bodyText = typeof body === 'string' && !html ? body.trim() : undefined;
	const errorCode = asObject(body).ErrorCode;
	return new ItemFailure({
		message:
			textField(body, 'Message') ??
			textField(body, 'error') ??
			(bodyText || undefined) ??
			known?.meaning ??
			`HTTP ${status}`,
		description: textField(body, 'Detail') ?? (html ? plainText(text) : null),
		httpCode: status,
		code: errorCode === undefined || errorCode === null ? String(status) : String(errorCode),
		category: known?.category ?? categoryForHttpStatus(status),
	});
}

export const accessPaySuiteProvider: ProviderDefinition<RestRequest> = {
	name: 'accessPaySuite',
	credentialType: 'accessPaySuiteApi',
	resources: [
		{ name: 'Contract', value: 'contract', description: "A customer's Direct Debit contract" },
		{ name: 'Customer', value: 'customer', description: 'A customer paying by Direct Debit' },
		{ name: 'Payment', value: 'payment', description: 'A payment collected for a contract' },
		{
			name: 'Schedule',
			value: 'schedule',
			description: 'A payment schedule of your client account',
		},
	],
	operations: [
		...contractOperations,
		...customerOperations,
		...paymentOperations,
		...scheduleOperations,
	],
	toHttpRequest: (request, credentials) =>
		restHttpRequest(
			`${accessPaySuiteBaseUrl(credentials)}/api/v3/client/${pathSegment(String(credentials.clientPrefix ?? ''))}`,
			request,
		),
	readResponse: (response) => readRestResponse(response, accessPaySuiteFailure),
};
