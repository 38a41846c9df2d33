import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { contractIdField, customerIdField, readContractIds } from './fields';

export const get = restOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a contract',
	description:
		'Get a contract with its status, payment dates and any scheduled change. Needs the customer ID and the contract ID.',
	fields: [customerIdField, contractIdField],
	build: (parameters) => ({
		request: rest('GET customer/{customerId}/contract/{contractId}', readContractIds(parameters)),
	}),
	output: (answer) => asObject(answer),
});
