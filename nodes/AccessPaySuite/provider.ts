import { accessPaySuiteBaseUrl } from '../../common/accessPaySuite';
import { faultFor } from '../shared/engine/faults';
import { ItemFailure } from '../shared/engine/failure';
import type { ResourceValue } from '../shared/engine/types';
import { encodeUrlValue } from '../shared/transport/route';
import { asObject, looksLikeHtml, plainText, restProvider, textField } from '../shared/wire/rest';
import { contract } from './contract';
import { customer } from './customer';
import { ACCESS_PAYSUITE_FAULTS } from './faults';
import { payment } from './payment';
import { schedule } from './schedule';

/** A DDCMS fault: `Message` (or `error`, or the text) and `Detail`; `ErrorCode` when sent, else the status. */
function accessPaySuiteFailure(status: number, body: unknown, text: string): ItemFailure {
	const entry = faultFor(ACCESS_PAYSUITE_FAULTS, undefined, status);
	const html = looksLikeHtml(text);
	const bodyText = typeof body === 'string' && !html ? body.trim() : undefined;
	const errorCode = asObject(body).ErrorCode;
	return new ItemFailure({
		message:
			textField(body, 'Message') ??
			textField(body, 'error') ??
			(bodyText || undefined) ??
			entry.message,
		description: textField(body, 'Detail') ?? (html ? plainText(text) : null),
		httpCode: status,
		code: errorCode === undefined || errorCode === null ? String(status) : String(errorCode),
		category: entry.category,
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
