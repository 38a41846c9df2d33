import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { signedPath, singulaSignature } from '../common/singula';
import { effectiveUrl, guardRequest, trimTrailingSlashes } from '../common/url';

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

	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const guarded = guardRequest(
			requestOptions,
			trimTrailingSlashes(String(credentials.baseUrl ?? '')),
		);
		const url = effectiveUrl(guarded);
		const timestamp = Math.floor(Date.now() / 1000).toString();
		const method = (requestOptions.method ?? 'GET').toUpperCase();
		const signature = singulaSignature(
			String(credentials.apiSecret ?? ''),
			timestamp,
			method,
			signedPath(url),
		);
		return {
			...guarded,
			headers: {
				...guarded.headers,
				Authorization: `hmac ${String(credentials.apiKey ?? '')}:${signature}`,
				Timestamp: timestamp,
			},
		};
	};

	// A signed read of a customer that has no contracts: a wrong key or secret answers 401 (inferred:
	// the gateway's behaviour for an unknown customer is not documented).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/apis/contracts/v1/customer/00000000-0000-0000-0000-000000000000/contract?activeOnly=true',
			method: 'GET',
		},
	};
}
