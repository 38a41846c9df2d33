import type { IDataObject } from 'n8n-workflow';

import { actionItem, rest, restOperation, textField } from '../../shared/wire/rest';
import { customerCreateFields, readNewCustomer } from './fields';

/** The create request for a validated new customer. */
export function createCustomerRequest(query: Record<string, string | undefined>) {
	return rest('POST customer', {}, { query });
}

/** The success item of a create: the provider's fields, the new ID and the reference. */
export function createdCustomerItem(answer: unknown, echo: IDataObject): IDataObject {
	return actionItem(answer, { customerId: textField(answer, 'Id') ?? null, ...echo });
}

export const create = restOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a customer',
	description:
		'Create a customer with their address and bank details, ready for a Direct Debit contract. Needs your customer reference, email, title, name, address line 1, post code and bank details. Gives the new DDCMS customer ID. A reference already in use fails with category "conflict".',
	fields: customerCreateFields,
	build(parameters) {
		const query = readNewCustomer(parameters);
		return { request: createCustomerRequest(query), echo: { customerRef: query.customerRef } };
	},
	output: createdCustomerItem,
});
