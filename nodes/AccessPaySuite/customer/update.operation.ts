import { messageAction } from '../action';
import {
	customerIdField,
	customerUpdateFields,
	readCustomerChanges,
	readCustomerId,
} from './fields';

export const update = messageAction({
	operation: 'update',
	name: 'Update',
	action: 'Update a customer',
	description:
		"Change a customer's details, such as address, email or bank details; only the fields you add are sent. Needs the DDCMS customer ID.",
	route: 'PATCH customer/{customerId}',
	fields: [customerIdField, customerUpdateFields],
	ids: (parameters) => ({ customerId: readCustomerId(parameters) }),
	query: readCustomerChanges,
});
