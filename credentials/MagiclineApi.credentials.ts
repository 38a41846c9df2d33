import type { IAuthenticate, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { signMagiclineRequest } from '../common/magicline';

export class MagiclineApi implements ICredentialType {
	name = 'magiclineApi';

	displayName = 'Magicline API';

	icon: Icon = {
		light: 'file:../nodes/Magicline/magicline.svg',
		dark: 'file:../nodes/Magicline/magicline.dark.svg',
	};

	documentationUrl = 'https://developer.magicline.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://open-api-demo.open-api.magicline.com',
			description:
				"Your studio's Open API address, like https://yourstudio.open-api.magicline.com, without a path, query or user name. Plain http:// is accepted only for localhost.",
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API key of your studio (one key per studio). Cancellations need the contract scopes; the customer operations need CUSTOMER_READ, CUSTOMER_WRITE and CUSTOMER_CONTRACT_READ.',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		signMagiclineRequest(credentials, requestOptions);
}
