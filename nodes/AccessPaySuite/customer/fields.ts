import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../shared/engine/description';
import { invalidParameter } from '../../shared/engine/failure';
import type { ItemParameters } from '../../shared/engine/parameters';
import { DDCMS_SPEC_CHOICES } from '../specChoices';

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	description: 'The DDCMS customer ID (use Customer → Search to find it)',
};

/** A DDCMS customer ID: any text that is one URL path segment. */
export function readCustomerId(parameters: ItemParameters): string {
	return parameters.text('customerId', { pathSegment: true });
}

/** The titles DDCMS knows (the spec's Customer.Title), sorted as n8n lists options. */
const TITLES = [
	'Dr',
	'Lady',
	'Lord',
	'Master',
	'Miss',
	'Mr',
	'Mrs',
	'Ms',
	'Mx',
	'Prof.',
	'Rev.',
	'Sir',
] as const;

/** How a customer field's value is checked before it is sent. */
type FieldKind = 'text' | 'title' | 'accountNumber' | 'sortCode' | 'date';

interface CustomerField {
	/** The n8n parameter name (fixed for saved workflows). */
	name: string;
	/** The query parameter's name, when it is not the parameter name. */
	wireName?: string;
	displayName: string;
	description: string;
	kind: FieldKind;
	maxLength?: number;
	placeholder?: string;
}

const PHONE_WIRE_NAMES = DDCMS_SPEC_CHOICES.phoneParameters;

/** The fields a new customer needs, in the order they go on the wire. */
const MAIN_FIELDS: CustomerField[] = [
	{
		name: 'customerRef',
		displayName: 'Customer Reference',
		kind: 'text',
		maxLength: 255,
		placeholder: 'e.g. CRM-10042',
		description:
			'Your own unique reference for the customer, such as the ID in your CRM (up to 255 characters). DDCMS refuses a second customer with the same reference.',
	},
	{
		name: 'email',
		displayName: 'Email',
		kind: 'text',
		maxLength: 255,
		placeholder: 'name@email.com',
		description: "The customer's email address (up to 255 characters)",
	},
	{
		name: 'title',
		displayName: 'Title',
		kind: 'title',
		description: "The customer's title, as DDCMS lists them",
	},
	{
		name: 'firstName',
		displayName: 'First Name',
		kind: 'text',
		maxLength: 255,
		description: "The customer's first name (up to 255 characters)",
	},
	{
		name: 'surname',
		displayName: 'Surname',
		kind: 'text',
		maxLength: 255,
		description: "The customer's surname (up to 255 characters)",
	},
	{
		name: 'line1',
		displayName: 'Address Line 1',
		kind: 'text',
		maxLength: 50,
		description: 'First line of the postal address (up to 50 characters)',
	},
	{
		name: 'postCode',
		displayName: 'Post Code',
		kind: 'text',
		maxLength: 8,
		placeholder: 'e.g. GL52 2NF',
		description: 'UK post code of the address (up to 8 characters)',
	},
	{
		name: 'accountNumber',
		displayName: 'Account Number',
		kind: 'accountNumber',
		placeholder: 'e.g. 01234567',
		description:
			'The bank account number to collect from: exactly 8 digits, leading zeros included',
	},
	{
		name: 'bankSortCode',
		displayName: 'Bank Sort Code',
		kind: 'sortCode',
		placeholder: 'e.g. 08-92-86',
		description: "The bank's sort code: 6 digits; hyphens and spaces are removed",
	},
	{
		name: 'accountHolderName',
		displayName: 'Account Holder Name',
		kind: 'text',
		maxLength: 18,
		placeholder: 'e.g. MRS K BOOTH',
		description: 'The name on the bank account (up to 18 characters)',
	},
];

/** Optional customer fields, in the order they go on the wire. */
const EXTRA_FIELDS: CustomerField[] = [
	...[2, 3, 4].map(
		(line): CustomerField => ({
			name: `line${line}`,
			displayName: `Address Line ${line}`,
			kind: 'text',
			maxLength: 30,
			description: `Line ${line} of the postal address (up to 30 characters)`,
		}),
	),
	{
		name: 'companyName',
		displayName: 'Company Name',
		kind: 'text',
		maxLength: 255,
		description: "The customer's company, if any (up to 255 characters)",
	},
	{
		name: 'dateOfBirth',
		displayName: 'Date of Birth',
		kind: 'date',
		description:
			"The customer's date of birth; only the calendar date is used (a date with a time keeps the date in its own time zone)",
	},
	{
		name: 'initials',
		displayName: 'Initials',
		kind: 'text',
		maxLength: 5,
		description: "The customer's initials (up to 5 characters)",
	},
	{
		name: 'homePhoneNumber',
		wireName: PHONE_WIRE_NAMES.homePhoneNumber,
		displayName: 'Home Phone Number',
		kind: 'text',
		maxLength: 20,
		description: 'Home phone number (up to 20 characters)',
	},
	{
		name: 'workPhoneNumber',
		wireName: PHONE_WIRE_NAMES.workPhoneNumber,
		displayName: 'Work Phone Number',
		kind: 'text',
		maxLength: 18,
		description: 'Work phone number (up to 18 characters)',
	},
	{
		name: 'mobilePhoneNumber',
		wireName: PHONE_WIRE_NAMES.mobilePhoneNumber,
		displayName: 'Mobile Phone Number',
		kind: 'text',
		maxLength: 18,
		description: 'Mobile phone number (up to 18 characters)',
	},
];

function toProperty(field: CustomerField, required: boolean): INodeProperties {
	const { name, displayName, description, placeholder } = field;
	const property: INodeProperties = {
		displayName,
		name,
		type: field.kind === 'date' ? 'dateTime' : 'string',
		default: '',
		description,
		...(placeholder ? { placeholder } : {}),
		...(required ? { required: true } : {}),
	};
	if (field.kind === 'title') {
		return {
			...property,
			type: 'options',
			options: TITLES.map((title) => ({ name: title, value: title })),
			default: 'Mr',
		};
	}
	return property;
}

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** The create fields: the main ones, then an Additional Fields collection with the rest. */
export const customerCreateFields: INodeProperties[] = [
	...MAIN_FIELDS.map((field) => toProperty(field, true)),
	additionalFieldsCollection(
		EXTRA_FIELDS.map((field) => toProperty(field, false)).sort(byDisplayName),
	),
];

/** Update Fields: any customer field, each sent only when given. */
export const customerUpdateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'The fields to change; the others are left as they are',
	options: [...MAIN_FIELDS, ...EXTRA_FIELDS]
		.map((field) => toProperty(field, false))
		.sort(byDisplayName),
};

/** One field's value as it goes on the wire, checked; `label` names it in errors. */
function readField(
	parameters: ItemParameters,
	field: CustomerField,
	label: string,
): string | undefined {
	const { name, maxLength } = field;
	switch (field.kind) {
		case 'title':
			return parameters.oneOf(name, TITLES);
		case 'date':
			return parameters.optionalDate(name);
		case 'text':
			return parameters.optionalText(name, { maxLength });
		case 'accountNumber': {
			const value = parameters.optionalText(name);
			if (value !== undefined && !/^[0-9]{8}$/.test(value)) {
				throw invalidParameter(label, 'must be exactly 8 digits (keep any leading zeros)');
			}
			return value;
		}
		case 'sortCode': {
			const value = parameters.optionalText(name)?.replace(/[-\s]/g, '');
			if (value !== undefined && !/^[0-9]{6}$/.test(value)) {
				throw invalidParameter(label, 'must be 6 digits, like 08-92-86');
			}
			return value;
		}
	}
}

function readFields(
	parameters: ItemParameters,
	fields: CustomerField[],
	prefix: string,
	required: boolean,
): Record<string, string | undefined> {
	return Object.fromEntries(
		fields.map((field) => {
			const label = `${prefix}${field.name}`;
			const value = readField(parameters, field, label);
			if (required && value === undefined) throw invalidParameter(label, 'is required');
			return [field.wireName ?? field.name, value];
		}),
	);
}

/** The create request's query: every main field (required), then the additional fields given. */
export function readNewCustomer(parameters: ItemParameters): Record<string, string | undefined> {
	return {
		...readFields(parameters, MAIN_FIELDS, '', true),
		...readFields(
			parameters.collection('additionalFields'),
			EXTRA_FIELDS,
			'additionalFields.',
			false,
		),
	};
}

/** The update request's query: the fields given in Update Fields, at least one. */
export function readCustomerChanges(
	parameters: ItemParameters,
): Record<string, string | undefined> {
	const changes = readFields(
		parameters.collection('updateFields'),
		[...MAIN_FIELDS, ...EXTRA_FIELDS],
		'updateFields.',
		false,
	);
	if (Object.values(changes).every((value) => value === undefined)) {
		throw invalidParameter('updateFields', 'needs at least one field to change');
	}
	return changes;
}
