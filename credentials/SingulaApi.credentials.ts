import type { IAuthenticate, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { signSingulaRequest } from '../common/singula';

export class SingulaApi implements ICredentialType {
	name = 'singulaApi';

	displayName = 'Singula Decisions API';

	icon: Icon = {
		light: 'file:../nodes/Singula/singula.svg',
		dark: 'file:../nodes/Singula/singula.dark.svg',
	};

	documentationUrl = 'https://singuladecisions.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.yourtenant.example.com',
			description:
				'The root of your Singula API gateway, without a path, query or user name (the node adds /apis/contracts/v1 and /apis/customers/v1). Plain http:// is accepted only for localhost.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The HMAC key ID your Singula administrator gave you',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The HMAC secret that signs every request; it is never sent itself',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		signSingulaRequest(credentials, requestOptions);
}
