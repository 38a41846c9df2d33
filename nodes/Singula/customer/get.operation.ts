import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { customerIdField } from '../contract/fields';

/** The look-ups of the customer search, each the JSON property of the same name. */
const LOOKUPS = ['email', 'externalUniqueIdentifier'] as const;

export const get = restOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a customer',
	description:
		'Get one customer with their contact data, addresses and status. Needs the Singula customer ID, or their email or external unique identifier (the ID in your own system).',
	fields: [
		{
			displayName: 'Get By',
			name: 'getBy',
			type: 'options',
			options: [
				{ name: 'Customer ID', value: 'customerId' },
				{ name: 'Email', value: 'email' },
				{ name: 'External Unique Identifier', value: 'externalUniqueIdentifier' },
			],
			default: 'customerId',
			description: 'Which identifier to find the customer by',
		},
		{ ...customerIdField, displayOptions: { show: { getBy: ['customerId'] } } },
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			description: 'The email address or external unique identifier to look for',
			displayOptions: { show: { getBy: [...LOOKUPS] } },
		},
	],
	build(parameters) {
		const getBy = parameters.oneOf('getBy', ['customerId', ...LOOKUPS]) ?? 'customerId';
		if (getBy === 'customerId') {
			return {
				request: rest(
					'GET customer/{customerId}',
					{ customerId: parameters.uuid('customerId') },
					{ api: 'customers' },
				),
			};
		}
		return {
			request: rest(
				'POST customer/search',
				{},
				{ api: 'customers', body: { [getBy]: parameters.text('value') } },
			),
		};
	},
	output: (answer) => asObject(answer),
});
