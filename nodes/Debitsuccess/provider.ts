import { debitsuccessEndpoint } from '../../common/debitsuccess';
import { urlProblem } from '../../common/url';
import type { ProviderDefinition, ResourceValue } from '../shared/engine/types';
import { baseUrlRefused } from '../shared/transport/http';
import { account } from './account';
import { readSoapResponse, soapHttpRequest } from './soap';
import type { SoapRequest, SoapResult } from './soap';
import { suspension } from './suspension';

const resources = [account, suspension] as const;

export const debitsuccessProvider: ProviderDefinition<SoapRequest, SoapResult, typeof resources> = {
	name: 'debitsuccess',
	credentialType: 'debitsuccessApi',
	resources,
	toHttpRequest(request, credentials) {
		const endpoint = debitsuccessEndpoint(credentials);
		const refused = urlProblem(endpoint, 'base');
		if (refused) throw baseUrlRefused(refused);
		return soapHttpRequest(endpoint, request);
	},
	readResponse: (response) => readSoapResponse(response),
};

export type DebitsuccessResource = ResourceValue<typeof debitsuccessProvider>;
