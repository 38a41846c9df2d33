import { invalidParameter } from '../../shared/engine/failure';
import { asObject, rest, restOperation } from '../../shared/wire/rest';

export const search = restOperation({
	operation: 'search',
	name: 'Search',
	action: 'Search customers',
	description:
		'Find customers by first name, last name (both match from the start), email or date of birth, one item per customer. Needs at least one of them.',
	list: true,
	fields: [
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: 'Customers whose first name starts with this',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			description: 'Customers whose last name starts with this',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Customers with this email address',
		},
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'dateTime',
			default: '',
			description:
				'Customers born on this day; only the calendar date is used (a date with a time keeps the date in its own time zone)',
		},
	],
	build(parameters) {
		const filters = {
			firstName: parameters.optionalText('firstName'),
			lastName: parameters.optionalText('lastName'),
			email: parameters.optionalText('email'),
			dateOfBirth: parameters.optionalDate('dateOfBirth'),
		};
		if (Object.values(filters).every((value) => value === undefined)) {
			throw invalidParameter(
				'firstName',
				'or "lastName", "email" or "dateOfBirth" is required: give at least one of them',
			);
		}
		return { request: rest('POST v1/customers/search', {}, { body: filters }) };
	},
	output: (answer) => (Array.isArray(answer) ? answer.map((customer) => asObject(customer)) : []),
});
