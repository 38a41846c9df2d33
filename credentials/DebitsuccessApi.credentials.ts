import type { IAuthenticate, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { DEBITSUCCESS_TEST_ENDPOINT, signDebitsuccessRequest } from '../common/debitsuccess';

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
	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		signDebitsuccessRequest(credentials, requestOptions);
}
