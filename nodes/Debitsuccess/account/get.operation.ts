import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../shared/types';
import { childElement } from '../../shared/xml';
import type { XmlElement } from '../../shared/xml';
import { accountReferenceFields, readAccountFields, requestInitiatorField } from '../fields';
import type { SoapRequest, SoapResult } from '../soap';

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

export const getAccount: OperationDefinition<SoapRequest> = {
	resource: 'account',
	operation: 'get',
	name: 'Get',
	action: 'Get an account',
	description:
		'Get the account(s) matching a reference: status, next billing date, overdue amount and more',
	fields: [...accountReferenceFields, requestInitiatorField],
	build: (parameters) => ({
		request: { operation: 'GetCustomerAccountByAccountId', fields: readAccountFields(parameters) },
	}),
	output: (answer) =>
		(childElement((answer as SoapResult).result, 'Accounts')?.children ?? []).map((account) =>
			elementToObject(account),
		),
};
