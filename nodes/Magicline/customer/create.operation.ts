import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../shared/engine/description';
import { invalidParameter } from '../../shared/engine/failure';
import type { ItemParameters } from '../../shared/engine/parameters';
import { rest, restOperation, textField } from '../../shared/wire/rest';

function textProperty(
	name: string,
	displayName: string,
	description: string,
	more: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, ...more };
}

/** A text matching `pattern` (an ISO code, say), sent as typed. */
function readCode(parameters: ItemParameters, name: string, pattern: RegExp, rule: string): string {
	const value = parameters.text(name);
	if (!pattern.test(value)) throw invalidParameter(name, rule);
	return value;
}

export const create = restOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a customer',
	description:
		'Create a new customer (a prospect, without a membership) from their name, date of birth, email and address. Needs all of those. Gives the new Magicline customer ID.',
	fields: [
		textProperty('firstName', 'First Name', "The customer's first name", { required: true }),
		textProperty('lastName', 'Last Name', "The customer's last name", { required: true }),
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				"The customer's date of birth; only the calendar date is used (a date with a time keeps the date in its own time zone)",
		},
		textProperty('email', 'Email', "The customer's email address", {
			required: true,
			placeholder: 'name@email.com',
		}),
		textProperty(
			'street',
			'Street',
			'Street of the address (the house number can go in Additional Fields)',
			{
				required: true,
			},
		),
		textProperty('zipCode', 'Zip Code', 'Postal code of the address', { required: true }),
		textProperty('city', 'City', 'City of the address', { required: true }),
		textProperty(
			'countryCode',
			'Country Code',
			'Country of the address as a two-letter ISO code in capitals',
			{
				required: true,
				placeholder: 'e.g. DE',
			},
		),
		textProperty(
			'languageCode',
			'Language Code',
			"The customer's language as a two-letter ISO 639-1 code, e.g. de or en",
			{ required: true, default: 'de' },
		),
		additionalFieldsCollection([
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				options: [
					{ name: 'Female', value: 'FEMALE' },
					{ name: 'Male', value: 'MALE' },
					{ name: 'Unisex', value: 'UNISEX' },
				],
				default: 'FEMALE',
				description: "The customer's gender as Magicline records it",
			},
			textProperty('houseNumber', 'House Number', 'House number of the address'),
			textProperty('phoneNumberMobile', 'Mobile Phone Number', 'Mobile phone number'),
			textProperty('phoneNumberPrivate', 'Private Phone Number', 'Private (home) phone number'),
			textProperty(
				'thirdPartyId',
				'Third Party ID',
				'The ID of this customer in your own system, such as your CRM',
			),
		]),
	],
	build(parameters) {
		const additional = parameters.collection('additionalFields');
		const body = {
			firstName: parameters.text('firstName'),
			lastName: parameters.text('lastName'),
			dateOfBirth: parameters.date('dateOfBirth'),
			email: parameters.text('email'),
			street: parameters.text('street'),
			zipCode: parameters.text('zipCode'),
			city: parameters.text('city'),
			countryCode: readCode(
				parameters,
				'countryCode',
				/^[A-Z]{2}$/,
				'must be a two-letter ISO 3166-1 country code in capitals, like DE',
			),
			language: {
				languageCode: readCode(
					parameters,
					'languageCode',
					/^[a-z]{2}$/,
					'must be a two-letter ISO 639-1 language code in small letters, like de',
				),
			},
			houseNumber: additional.optionalText('houseNumber'),
			gender: additional.oneOf('gender', ['MALE', 'FEMALE', 'UNISEX']),
			phoneNumberPrivate: additional.optionalText('phoneNumberPrivate'),
			phoneNumberMobile: additional.optionalText('phoneNumberMobile'),
			thirdPartyId: additional.optionalText('thirdPartyId'),
		};
		return { request: rest('POST v1/customers/create', {}, { body }) };
	},
	// The new ID as text: Magicline's IDs are int64 and keep every digit.
	output: (answer) => ({ success: true, customerId: textField(answer, 'customerId') ?? null }),
});
