import { rest, restOperation } from '../../shared/wire/rest';
import { recordsOf } from '../message';

/** The documented customer search filters, sent as query parameters of the same names. */
const FILTERS = [
	['email', 'Email', "The customer's email address"],
	['customerRef', 'Customer Reference', 'Your reference for the customer'],
	['surname', 'Surname', "The customer's surname"],
	['postCode', 'Post Code', "The customer's post code"],
] as const;

export const search = restOperation({
	operation: 'search',
	name: 'Search',
	action: 'Search customers',
	description:
		'Find customers by email, customer reference, surname or post code, one item per customer. Needs at least one filter to narrow the search.',
	list: true,
	fields: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: FILTERS.map(([name, displayName, description]) => ({
				displayName,
				name,
				type: 'string' as const,
				default: '',
				description,
			})),
		},
	],
	build(parameters) {
		const filters = parameters.collection('filters');
		const query = Object.fromEntries(FILTERS.map(([name]) => [name, filters.optionalText(name)]));
		return { request: rest('GET customer', {}, { query }) };
	},
	output: (answer) => recordsOf(answer, 'Customers'),
});
