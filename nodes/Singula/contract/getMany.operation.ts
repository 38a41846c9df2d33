import { asObject, pathSegment } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { customerIdField } from './fields';

export const getManyContracts: OperationDefinition<RestRequest> = {
	resource: 'contract',
	operation: 'getMany',
	name: 'Get Many',
	action: "Get a customer's contracts",
	description: 'List the contracts of a customer',
	list: true,
	fields: [
		customerIdField,
		{
			displayName: 'Active Only',
			name: 'activeOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to list only active contracts',
		},
	],
	build(parameters) {
		const customerId = parameters.uuid('customerId');
		const activeOnly = parameters.boolean('activeOnly') ?? true;
		return {
			request: {
				method: 'GET',
				path: `customer/${pathSegment(customerId)}/contract`,
				query: { activeOnly: String(activeOnly) },
			},
		};
	},
	output: (body) => {
		const contracts = asObject(body).contracts;
		return Array.isArray(contracts) ? contracts.map((contract) => asObject(contract)) : [];
	},
};
