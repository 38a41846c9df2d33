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
	fields: [
		{
			displayName: 'Get By',
			name: 'getBy',
			type: 'options',
			options: [
				{ name: 'Barcode', value: 'barcode' },
				{ name: 'Card Number', value: 'cardNumber' },
				{ name: 'Customer ID', value: 'id' },
				{ name: 'Customer Number', value: 'customerNumber' },
				{ name: 'Debtor ID', value: 'debtorId' },
			],
			default: 'id',
			description: 'Which identifier to find the customer by',
		},
		{ ...customerIdField, displayOptions: { show: { getBy: ['id'] } } },
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			description: 'The customer number, card number, barcode or debtor ID to look for',
			displayOptions: { show: { getBy: [...LOOKUPS] } },
		},
	],
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
