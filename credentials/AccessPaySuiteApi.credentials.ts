import type { IAuthenticate, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { ACCESS_PAYSUITE_ENVIRONMENTS, signAccessPaySuiteRequest } from '../common/accessPaySuite';

export class AccessPaySuiteApi implements ICredentialType {
	name = 'accessPaySuiteApi';

	displayName = 'Access PaySuite DDCMS API';

	icon: Icon = {
		light: 'file:../nodes/AccessPaySuite/accessPaySuite.svg',
		dark: 'file:../nodes/AccessPaySuite/accessPaySuite.dark.svg',
	};

	documentationUrl = 'https://www.accesspaysuite.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Live', value: 'live', description: ACCESS_PAYSUITE_ENVIRONMENTS.live },
				{
					name: 'Sandbox (Playpen)',
					value: 'sandbox',
					description: ACCESS_PAYSUITE_ENVIRONMENTS.sandbox,
				},
				{ name: 'Custom URL', value: 'custom' },
			],
			default: 'live',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://ecm3.eazycollect.co.uk',
			description:
				'The DDCMS host, without /api/v3, a query or a user name. Plain http:// is accepted only for localhost.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Client Prefix',
			name: 'clientPrefix',
			type: 'string',
			default: '',
			required: true,
			description: 'Your client code, given to you by Access PaySuite support',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		signAccessPaySuiteRequest(credentials, requestOptions);
}
