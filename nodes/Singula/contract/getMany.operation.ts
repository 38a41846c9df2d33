import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { customerIdField } from './fields';

export const getMany = restOperation({
	operation: 'getMany',
	name: 'Get Many',
	action: "Get a customer's contracts",
	description:
		"List a customer's contracts, one item per contract (only active ones unless Active Only is off). Needs the customer ID.",
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
			request: rest(
				'GET customer/{customerId}/contract',
				{ customerId },
				{ query: { activeOnly: String(activeOnly) } },
			),
		};
	},
	output: (answer) => {
		const contracts = asObject(answer).contracts;
		return Array.isArray(contracts) ? contracts.map((contract) => asObject(contract)) : [];
	},
});
