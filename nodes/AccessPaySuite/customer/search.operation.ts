import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { recordsOf } from '../message';

/** The documented customer search filters, sent as query parameters of the same names. */
const FILTERS = [
	['email', 'Email', "The customer's email address"],
	['customerRef', 'Customer Reference', 'Your reference for the customer'],
	['surname', 'Surname', "The customer's surname"],
	['postCode', 'Post Code', "The customer's post code"],
] as const;

export const searchCustomers: OperationDefinition<RestRequest> = {
	resource: 'customer',
	operation: 'search',
	name: 'Search',
	action: 'Search customers',
	description: 'Find customers by email, reference, surname or post code',
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
		return { request: { method: 'GET', path: 'customer', query } };
	},
	output: (body) => recordsOf(body, 'Customers'),
};
