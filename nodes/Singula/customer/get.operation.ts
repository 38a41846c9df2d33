import { getByFields } from '../../shared/engine/fields';
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
	fields: getByFields({
		idField: customerIdField,
		idValue: 'customerId',
		lookups: [
			{ name: 'Email', value: 'email' },
			{ name: 'External Unique Identifier', value: 'externalUniqueIdentifier' },
		],
		valueDescription: 'The email address or external unique identifier to look for',
	}),
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
