import type { IDataObject } from 'n8n-workflow';

import { childElement } from '../../shared/wire/xml';
import type { XmlElement } from '../../shared/wire/xml';
import { accountReferenceFields, readAccountFields, requestInitiatorField } from '../fields';
import { soapOperation } from '../soap';

/** `NextBillingDate` → `nextBillingDate`. */
function camelCase(name: string): string {
	return name.charAt(0).toLowerCase() + name.slice(1);
}

/** An element's children as an object with camelCased keys; leaf elements give their text. */
function elementToObject(element: XmlElement): IDataObject {
	const object: IDataObject = {};
	for (const child of element.children) {
		object[camelCase(child.localName)] = child.children.length
			? elementToObject(child)
			: child.text;
	}
	return object;
}

export const get = soapOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get an account',
	description:
		'Get the account(s) matching a reference, one item per account: status, next billing date, overdue amount and more. Needs the Debitsuccess account reference or your external reference.',
	fields: [...accountReferenceFields, requestInitiatorField],
	build: (parameters) => ({
		request: { operation: 'GetCustomerAccountByAccountId', fields: readAccountFields(parameters) },
	}),
	output: (answer) =>
		(childElement(answer.result, 'Accounts')?.children ?? []).map((account) =>
			elementToObject(account),
		),
});
