import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { customerIdField, readCustomerPath } from '../fields';

export const getContractData: OperationDefinition<RestRequest> = {
	resource: 'membership',
	operation: 'getContractData',
	name: 'Get Contract Data',
	action: "Get a customer's membership contract data",
	description: 'Get the contract status, cancelation status and the dates it can be canceled to',
	fields: [customerIdField],
	build: (parameters) => ({
		request: { method: 'GET', path: `${readCustomerPath(parameters).path}/contract-data` },
	}),
	output: (body) => asObject(body),
};
