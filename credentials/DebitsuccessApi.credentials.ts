import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { USER_PLACEHOLDER, userElement } from '../nodes/Debitsuccess/soap';
import { assertSendableUrl, effectiveUrl, trimTrailingSlashes } from '../nodes/shared/url';

/** Debitsuccess's published test endpoint; no live URL is public, so live tenants use Custom. */
export const DEBITSUCCESS_TEST_ENDPOINT =
	'https://oc-test.services.debitsuccess.com/DSWebService/DSServices.svc';

export function debitsuccessEndpoint(credentials: ICredentialDataDecryptedObject): string {
	return credentials.environment === 'custom'
		? trimTrailingSlashes(String(credentials.baseUrl ?? ''))
		: DEBITSUCCESS_TEST_ENDPOINT;
}

export class DebitsuccessApi implements ICredentialType {
	name = 'debitsuccessApi';

	displayName = 'Debitsuccess API';

	icon: Icon = {
		light: 'file:../nodes/Debitsuccess/debitsuccess.svg',
		dark: 'file:../nodes/Debitsuccess/debitsuccess.dark.svg',
	};

	documentationUrl = 'https://www.debitsuccess.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Test', value: 'test', description: DEBITSUCCESS_TEST_ENDPOINT },
				{ name: 'Custom URL', value: 'custom' },
			],
			default: 'test',
		},
		{
			displayName: 'Service URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.debitsuccess.com/DSWebService/DSServices.svc',
			description:
				'The full address of the DSServices.svc endpoint Debitsuccess gave you. Plain http:// is accepted only for localhost.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	// The web service takes the credentials inside the SOAP body, so they are filled in here,
	// at the last moment, into the envelope the node built.
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		assertSendableUrl(effectiveUrl(requestOptions));
		const body = typeof requestOptions.body === 'string' ? requestOptions.body : '';
		return {
			...requestOptions,
			// A replacer function, so "$&" and the like in a password are not read as patterns.
			body: body.replace(USER_PLACEHOLDER, () =>
				userElement(String(credentials.username ?? ''), String(credentials.password ?? '')),
			),
		};
	};
}
