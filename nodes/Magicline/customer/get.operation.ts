import { getByFields } from '../../shared/engine/fields';
import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { customerIdField } from '../fields';

/** The look-ups of `GET /v1/customers/by`, each a query parameter of the same name. */
const LOOKUPS = ['customerNumber', 'cardNumber', 'barcode', 'debtorId'] as const;

export const get = restOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a customer',
	description:
		'Get one customer with their contact data, status and bank account. Needs the Magicline customer ID, or their customer number, card number, barcode or debtor ID.',
	fields: getByFields({
		idField: customerIdField,
		idValue: 'id',
		lookups: [
			{ name: 'Barcode', value: 'barcode' },
			{ name: 'Card Number', value: 'cardNumber' },
			{ name: 'Customer Number', value: 'customerNumber' },
			{ name: 'Debtor ID', value: 'debtorId' },
		],
		valueDescription: 'The customer number, card number, barcode or debtor ID to look for',
	}),
	build(parameters) {
		const getBy = parameters.oneOf('getBy', ['id', ...LOOKUPS]) ?? 'id';
		if (getBy === 'id') {
			return {
				request: rest('GET v1/customers/{customerId}', {
					customerId: parameters.digits('customerId'),
				}),
			};
		}
		const value = parameters.text('value');
		return { request: rest('GET v1/customers/by', {}, { query: { [getBy]: value } }) };
	},
	output: (answer) => asObject(answer),
});
