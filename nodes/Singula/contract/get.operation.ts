import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { contractIdField, customerIdField, readContractPath } from './fields';

export const getContract: OperationDefinition<RestRequest> = {
	resource: 'contract',
	operation: 'get',
	name: 'Get',
	action: 'Get a contract',
	description: 'Get a contract with its status, payment dates and any scheduled change',
	fields: [customerIdField, contractIdField],
	build: (parameters) => ({ request: { method: 'GET', path: readContractPath(parameters).path } }),
	output: (body) => asObject(body),
};
