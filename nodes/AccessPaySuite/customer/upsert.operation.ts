import type { IDataObject } from 'n8n-workflow';

import { ItemFailure } from '../../shared/engine/failure';
import { actionItem, rest, restOperation } from '../../shared/wire/rest';
import { recordsOf } from '../message';
import { createCustomerRequest, createdCustomerItem } from './create.operation';
import { customerCreateFields, readNewCustomer } from './fields';

/** More than one customer carries the reference: which one to update is not ours to guess. */
function duplicateReference(customerRef: string, matches: IDataObject[]): ItemFailure {
	return new ItemFailure({
		message: `${matches.length} DDCMS customers have the reference "${customerRef}": nothing was written`,
		description: 'Merge or re-reference the duplicate customers in DDCMS, then run this row again',
		category: 'conflict',
		code: 'DUPLICATE_CUSTOMER_REF',
		retryable: false,
		details: { customerIds: matches.map((match) => match.Id ?? null) },
	});
}

export const upsert = restOperation({
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a customer',
	description:
		'Find the customer by your customer reference, then create them when there is none or update their details when there is one; safe to run again for the same row. Needs the same fields as Create. Gives the DDCMS customer ID and "created" (true for a new customer). Two customers with the reference fail with category "conflict" and nothing is written.',
	fields: customerCreateFields,
	async run(parameters, send) {
		// The whole row is checked before the look-up: a bad row sends nothing.
		const query = readNewCustomer(parameters);
		const customerRef = query.customerRef as string;
		const found = await send(rest('GET customer', {}, { query: { customerRef } }));
		// DDCMS matches the reference partially ("CUST-001" finds "CUST-0010"): keep exact matches only.
		const matches = recordsOf(found, 'Customers').filter(
			(record) => record.CustomerRef === customerRef,
		);
		if (matches.length > 1) throw duplicateReference(customerRef, matches);
		if (matches.length === 0) {
			const answer = await send(createCustomerRequest(query));
			return createdCustomerItem(answer, { customerRef, created: true });
		}
		const customerId = String(matches[0].Id);
		// The reference is what matched; every other given field is sent.
		const changes = Object.fromEntries(
			Object.entries(query).filter(([name]) => name !== 'customerRef'),
		);
		const answer = await send(
			rest('PATCH customer/{customerId}', { customerId }, { query: changes }),
		);
		return actionItem(answer, { customerId, customerRef, created: false });
	},
});
