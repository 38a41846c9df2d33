import { accessPaySuiteBaseUrl } from '../../common/accessPaySuite';
import { entryRetryable, faultFor } from '../shared/engine/faults';
import { ItemFailure } from '../shared/engine/failure';
import type { ResourceValue } from '../shared/engine/types';
import { encodeUrlValue } from '../shared/transport/route';
import { asObject, looksLikeHtml, plainText, restProvider, textField } from '../shared/wire/rest';
import { contract } from './contract';
import { customer } from './customer';
import { ACCESS_PAYSUITE_FAULTS, DUPLICATE_CUSTOMER_REF_FAULT } from './faults';
import { payment } from './payment';
import { schedule } from './schedule';

/** A DDCMS fault: `Message` (or `error`, or the text) and `Detail`; `ErrorCode` when sent, else the status. */
function accessPaySuiteFailure(status: number, body: unknown, text: string): ItemFailure {
	const html = looksLikeHtml(text);
	const bodyText = typeof body === 'string' && !html ? body.trim() : undefined;
	const errorCode = asObject(body).ErrorCode;
	const detail = textField(body, 'Detail');
	const duplicateReference =
		status === 400 &&
		String(errorCode) === DUPLICATE_CUSTOMER_REF_FAULT.errorCode &&
		DUPLICATE_CUSTOMER_REF_FAULT.detail.test(detail ?? '');
	const entry = duplicateReference
		? DUPLICATE_CUSTOMER_REF_FAULT.entry
		: faultFor(ACCESS_PAYSUITE_FAULTS, undefined, status);
	return new ItemFailure({
		message:
			textField(body, 'Message') ??
			textField(body, 'error') ??
			(bodyText || undefined) ??
			entry.message,
		description: detail ?? (html ? plainText(text) : null),
		httpCode: status,
		code: errorCode === undefined || errorCode === null ? String(status) : String(errorCode),
		category: entry.category,
		...entryRetryable(entry),
	});
}

export const accessPaySuiteProvider = restProvider({
	name: 'accessPaySuite',
	credentialType: 'accessPaySuiteApi',
	resources: [contract, customer, payment, schedule],
	baseUrl: accessPaySuiteBaseUrl,
	apiRoots: {
		default: (credentials) =>
			`/api/v3/client/${encodeUrlValue('clientPrefix', String(credentials.clientPrefix ?? ''))}`,
	},
	toFailure: accessPaySuiteFailure,
});

export type AccessPaySuiteResource = ResourceValue<typeof accessPaySuiteProvider>;
