import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { customerIdField } from '../fields';

export const getMany = restOperation({
	operation: 'getMany',
	name: 'Get Many',
	action: "Get a customer's membership contracts",
	description:
		"List a customer's membership contracts, one item per contract with its module contracts (their IDs are the additional module contract IDs). Needs the customer ID.",
	list: true,
	fields: [
		customerIdField,
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'ACTIVE' },
				{ name: 'All', value: 'all' },
				{ name: 'Inactive', value: 'INACTIVE' },
			],
			default: 'all',
			description: 'Which contracts to list',
		},
	],
	build(parameters) {
		const customerId = parameters.digits('customerId');
		const status = parameters.oneOf('status', ['all', 'ACTIVE', 'INACTIVE']) ?? 'all';
		return {
			request: rest(
				'GET v1/customers/{customerId}/contracts',
				{ customerId },
				{ query: { status: status === 'all' ? undefined : status } },
			),
		};
	},
	output: (answer) => (Array.isArray(answer) ? answer.map((contract) => asObject(contract)) : []),
});
