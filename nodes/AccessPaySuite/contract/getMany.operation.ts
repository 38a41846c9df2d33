import { rest, restOperation } from '../../shared/wire/rest';
import { customerIdField, readCustomerId } from '../customer/fields';
import { recordsOf } from '../message';

export const getMany = restOperation({
	operation: 'getMany',
	name: 'Get Many',
	action: "Get a customer's contracts",
	description: "List a customer's contracts, one item per contract. Needs the DDCMS customer ID.",
	list: true,
	fields: [customerIdField],
	build: (parameters) => ({
		request: rest('GET customer/{customerId}/contract', { customerId: readCustomerId(parameters) }),
	}),
	output: (answer) => recordsOf(answer, 'Contracts'),
});
