import { debitsuccessEndpoint } from '../../credentials/DebitsuccessApi.credentials';
import type { ProviderDefinition } from '../shared/types';
import { accountOperations } from './account';
import { readSoapResponse, soapHttpRequest } from './soap';
import type { SoapRequest } from './soap';
import { suspensionOperations } from './suspension';

export const debitsuccessProvider: ProviderDefinition<SoapRequest> = {
	name: 'debitsuccess',
	credentialType: 'debitsuccessApi',
	resources: [
		{ name: 'Account', value: 'account', description: "A customer's billing account" },
		{
			name: 'Suspension',
			value: 'suspension',
			description: 'A pause of the payments of an account',
		},
	],
	operations: [...accountOperations, ...suspensionOperations],
	toHttpRequest: (request, credentials) =>
		soapHttpRequest(debitsuccessEndpoint(credentials), request),
	readResponse: (response) => readSoapResponse(response),
};
