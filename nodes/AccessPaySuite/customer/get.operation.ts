import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { customerIdField, readCustomerId } from './fields';

export const get = restOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a customer',
	description:
		'Get one customer with their address, bank details and whether they are archived. Needs the DDCMS customer ID.',
	fields: [customerIdField],
	build: (parameters) => ({
		request: rest('GET customer/{customerId}', { customerId: readCustomerId(parameters) }),
	}),
	output: (answer) => asObject(answer),
});
