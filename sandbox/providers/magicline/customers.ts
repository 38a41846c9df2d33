/**
 * Customers: get by id, get by an identifier, search, create (prospect), and a customer's contracts. Shapes from
 * the Open API 1.5.0 schemas Customer, CustomerSearchRequest, MembershipSignupCustomer and Contract.
 * The sandbox refuses query parameters and body properties the spec does not declare (the real service may ignore
 * them), so a client sending `phonePrivate` where create wants `phoneNumberPrivate` fails its test.
 */
import { isIsoDate } from '../../dates';
import { failWith, jsonResponse, route, type Route, type RouteCall } from '../../http';
import { isJsonObject, JsonNumber, num, type JsonObject, type JsonValue } from '../../json';
import type {
	MagiclineContract,
	MagiclineCustomer,
	MagiclineModuleContract,
	MagiclineState,
} from '../../state';
import type { ProviderRequest, ProviderResponse } from '../../types';
import { jsonBody, notFound, pathId, validationError } from './common';
import { lastPossibleCancelationDate, months, orAbsent, priceDetails } from './wire';

const STUDIO_ID = '1238735970';
const CARD_NUMBER_FORMATS = ['DECIMAL', 'HEX_MSB', 'HEX_LSB'];
const GENDERS = ['MALE', 'FEMALE', 'UNISEX'];
const CONTRACT_STATUSES = ['ACTIVE', 'INACTIVE'];
/** The identifiers `GET /v1/customers/by` takes; exactly one of them. */
const BY_IDENTIFIERS = ['cardNumber', 'debtorId', 'qrCodeUuid', 'barcode', 'customerNumber'];

function invalid(errorMessage: string, reference: string): never {
	failWith(validationError(errorMessage, reference));
}

// ---- request reading ------------------------------------------------------------------------------------------

/** The query of a GET, refusing names the operation does not declare. */
function readQuery(request: ProviderRequest, declared: readonly string[]): Record<string, string> {
	for (const name of new URLSearchParams(request.rawQuery).keys()) {
		if (!declared.includes(name)) invalid(`Unknown query parameter ${name}.`, name);
	}
	return request.query;
}

function checkEnum(value: string | undefined, values: readonly string[], reference: string): void {
	if (value !== undefined && !values.includes(value))
		invalid(`${reference} must be one of ${values.join(', ')}.`, reference);
}

function checkProperties(body: JsonObject, declared: readonly string[], parent = ''): void {
	for (const key of Object.keys(body)) {
		if (!declared.includes(key)) invalid(`Unknown property ${parent}${key}.`, `${parent}${key}`);
	}
}

function optionalString(body: JsonObject, field: string, reference = field): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') invalid(`${reference} must be a string.`, reference);
	return value;
}

function requiredText(body: JsonObject, field: string, reference = field): string {
	const value = optionalString(body, field, reference);
	if (value === undefined || value.trim() === '')
		invalid(`${reference} must not be blank.`, reference);
	return value;
}

function checkDate(value: string | undefined, reference: string): void {
	if (value !== undefined && !isIsoDate(value))
		invalid(`${reference} must be a date in the form YYYY-MM-DD.`, reference);
}

function checkPattern(value: string | undefined, pattern: RegExp, rule: string, reference: string) {
	if (value !== undefined && !pattern.test(value)) invalid(`${reference} ${rule}.`, reference);
}

// ---- wire format ----------------------------------------------------------------------------------------------

/** A decimal card number in the asked format: hex of the number, most or least significant byte first. */
function formatCard(decimal: string, format: string): string {
	if (format === 'DECIMAL') return decimal;
	let hex = BigInt(decimal).toString(16).toUpperCase();
	if (hex.length % 2 === 1) hex = `0${hex}`;
	return format === 'HEX_MSB' ? hex : (hex.match(/../g) ?? []).reverse().join('');
}

function customerToWire(customer: MagiclineCustomer, cardFormat: string) {
	const card = customer.cardNumber === null ? null : formatCard(customer.cardNumber, cardFormat);
	const accessMediums = [
		card === null
			? null
			: { id: num(`${customer.customerId}01`), type: 'CARD_NUMBER', value: card },
		customer.barcode === null
			? null
			: { id: num(`${customer.customerId}02`), type: 'BARCODE', value: customer.barcode },
	].filter((medium) => medium !== null);
	// Absent fields are left out (null members become undefined, which the writer skips).
	return {
		id: num(customer.customerId),
		customerNumber: customer.customerNumber,
		firstName: customer.firstName,
		lastName: customer.lastName,
		dateOfBirth: customer.dateOfBirth,
		email: customer.email,
		gender: orAbsent(customer.gender),
		street: customer.street,
		houseNumber: orAbsent(customer.houseNumber),
		zipCode: customer.zipCode,
		city: customer.city,
		country: customer.countryCode,
		status: customer.status,
		cardNumbers: card === null ? [] : [card],
		phonePrivate: orAbsent(customer.phonePrivate),
		phonePrivateMobile: orAbsent(customer.phonePrivateMobile),
		phoneBusiness: orAbsent(customer.phoneBusiness),
		phoneBusinessMobile: orAbsent(customer.phoneBusinessMobile),
		idlePeriods: [],
		bankAccount: orAbsent(customer.bankAccount),
		accessRefusal: false,
		accessRestrictions: [],
		uuid: customer.uuid,
		studioId: num(STUDIO_ID),
		preferredLanguage: {
			languageCode: customer.languageCode,
			countryCode: orAbsent(customer.languageCountryCode),
		},
		additionalInformationFieldAssignments: [],
		thirdPartyId: orAbsent(customer.thirdPartyId),
		accessMediums,
	};
}

function moduleToWire(module: MagiclineModuleContract) {
	return {
		id: num(module.additionalModuleContractId),
		rateName: module.name,
		startDate: module.startDate,
		endDate: module.cancelationDate ?? undefined,
		paymentFrequency: 'RECURRING',
		price: num(module.price),
		priceDetails: priceDetails(module.price),
		cancelled: module.status === 'CANCELED',
		cancellationDate: module.cancelationDate ?? undefined,
		contractStatus: 'ACTIVE',
	};
}

/** Terms are fixed in the sandbox: 12 months, extended by 1, one month's notice (inferred). */
function contractToWire(contract: MagiclineContract, state: MagiclineState) {
	const modules = [...state.moduleContracts.values()].filter(
		(module) => module.contractId === contract.contractId,
	);
	return {
		id: num(contract.contractId),
		createdDate: contract.startDate,
		startDate: contract.startDate,
		endDate: contract.endDate,
		rateName: contract.rateName,
		contractStatus: contract.contractStatus,
		cancellationPeriod: months(1),
		cancelled: contract.cancelationStatus === 'CANCELED',
		cancellationDate: contract.cancelationDate ?? undefined,
		price: num(contract.price),
		priceDetails: priceDetails(contract.price),
		lastPossibleCancellationDate: lastPossibleCancelationDate(contract),
		term: months(12),
		extensionTerm: months(1),
		flatFeeContracts: [],
		moduleContracts: modules.map(moduleToWire),
	};
}

// ---- routes ---------------------------------------------------------------------------------------------------

function findCustomer(state: MagiclineState, customerId: string): MagiclineCustomer {
	const customer = state.customers.get(customerId);
	if (!customer) failWith(notFound(`customer ${customerId}`));
	return customer;
}

function cardFormatOf(value: string | undefined, reference = 'cardNumberFormat'): string {
	checkEnum(value, CARD_NUMBER_FORMATS, reference);
	return value ?? 'DECIMAL';
}

function getCustomer(call: RouteCall): ProviderResponse {
	const customerId = pathId(call, 'customerId');
	const query = readQuery(call.request, ['cardNumberFormat']);
	const format = cardFormatOf(query.cardNumberFormat);
	const customer = findCustomer(call.context.state.magicline, customerId);
	return jsonResponse(200, customerToWire(customer, format));
}

function getCustomerBy(call: RouteCall): ProviderResponse {
	const query = readQuery(call.request, [...BY_IDENTIFIERS, 'cardNumberFormat']);
	const format = cardFormatOf(query.cardNumberFormat);
	const given = BY_IDENTIFIERS.filter((name) => query[name] !== undefined);
	if (given.length !== 1)
		invalid(`Exactly one of ${BY_IDENTIFIERS.join(', ')} must be given.`, given[1] ?? 'cardNumber');
	const [name] = given;
	const value = query[name];
	const matchesCustomer: Record<string, (customer: MagiclineCustomer) => boolean> = {
		cardNumber: (c) =>
			c.cardNumber !== null && formatCard(c.cardNumber, format) === value.toUpperCase(),
		debtorId: (c) => c.debtorId === value,
		qrCodeUuid: (c) => c.uuid === value,
		barcode: (c) => c.barcode === value,
		customerNumber: (c) => c.customerNumber === value,
	};
	const customer = [...call.context.state.magicline.customers.values()].find(matchesCustomer[name]);
	if (!customer) failWith(notFound(`customer with ${name} ${value}`));
	return jsonResponse(200, customerToWire(customer, format));
}

const SEARCH_PROPERTIES = ['firstName', 'lastName', 'email', 'dateOfBirth', 'cardNumberFormat'];

/** Names match from their beginning ("Substring … starts from beginning"), email and date in full; any case. */
function searchCustomers(call: RouteCall): ProviderResponse {
	const body = jsonBody(call.request);
	checkProperties(body, SEARCH_PROPERTIES);
	const [firstName, lastName, email, dateOfBirth] = SEARCH_PROPERTIES.slice(0, 4).map((field) =>
		optionalString(body, field)?.toLowerCase(),
	);
	checkDate(dateOfBirth, 'dateOfBirth');
	const format = cardFormatOf(optionalString(body, 'cardNumberFormat'));
	// Inferred: a search without any criterion would list the whole studio; the sandbox refuses it.
	if (
		[firstName, lastName, email, dateOfBirth].every((value) => value === undefined || value === '')
	)
		invalid('At least one of firstName, lastName, email, dateOfBirth must be given.', 'firstName');
	const found = [...call.context.state.magicline.customers.values()].filter(
		(customer) =>
			(!firstName || customer.firstName.toLowerCase().startsWith(firstName)) &&
			(!lastName || customer.lastName.toLowerCase().startsWith(lastName)) &&
			(!email || customer.email.toLowerCase() === email) &&
			(!dateOfBirth || customer.dateOfBirth === dateOfBirth),
	);
	return jsonResponse(
		200,
		found.map((customer) => customerToWire(customer, format)),
	);
}

/** MembershipSignupCustomer: its required members, then its optional text members. */
const CREATE_REQUIRED = [
	'firstName',
	'lastName',
	'dateOfBirth',
	'email',
	'street',
	'city',
	'zipCode',
	'countryCode',
];
const CREATE_OPTIONAL_TEXT = [
	'thirdPartyId',
	'secondFirstName',
	'secondLastName',
	'gender',
	'phoneNumberPrivate',
	'phoneNumberMobile',
	'secondStreet',
	'cityPart',
	'district',
	'streetType',
	'streetBlock',
	'portal',
	'stairway',
	'door',
	'province',
	'additionalAddressInformation',
	'floor',
	'houseNumber',
	'buildingName',
	'paymentRequestToken',
];
/** Structured members accepted with a type check only. */
const CREATE_STRUCTURED: Record<string, (value: JsonValue) => boolean> = {
	communicationPreferences: Array.isArray,
	documentIdentification: (value) => isJsonObject(value),
	additionalInformationFieldAssignments: Array.isArray,
};
const ALPHA_2 = /^[A-Z]{2}$/;

function readLanguage(body: JsonObject): { languageCode: string; countryCode: string | undefined } {
	const language = body.language;
	if (language === undefined || language === null)
		invalid('language must not be null.', 'language');
	if (!isJsonObject(language)) invalid('language must be an object.', 'language');
	checkProperties(language, ['languageCode', 'countryCode'], 'language.');
	const languageCode = requiredText(language, 'languageCode', 'language.languageCode');
	checkPattern(languageCode, /^[a-z]{2}$/, 'must be an ISO 639-1 code', 'language.languageCode');
	const countryCode = optionalString(language, 'countryCode', 'language.countryCode');
	checkPattern(countryCode, ALPHA_2, 'must be an ISO 3166-1 alpha-2 code', 'language.countryCode');
	return { languageCode, countryCode };
}

function createCustomer(call: RouteCall): ProviderResponse {
	const state = call.context.state.magicline;
	const body = jsonBody(call.request);
	checkProperties(body, [
		...CREATE_REQUIRED,
		'language',
		...CREATE_OPTIONAL_TEXT,
		...Object.keys(CREATE_STRUCTURED),
	]);
	const [firstName, lastName, dateOfBirth, email, street, city, zipCode, countryCode] =
		CREATE_REQUIRED.map((field) => requiredText(body, field));
	const language = readLanguage(body);
	const text = Object.fromEntries(
		CREATE_OPTIONAL_TEXT.map((field) => [field, optionalString(body, field) ?? null]),
	);
	for (const [field, isValid] of Object.entries(CREATE_STRUCTURED)) {
		if (body[field] !== undefined && !isValid(body[field]))
			invalid(`${field} has the wrong type.`, field);
	}
	checkDate(dateOfBirth, 'dateOfBirth');
	if (dateOfBirth > call.context.today) invalid('dateOfBirth must be in the past.', 'dateOfBirth');
	checkPattern(email, /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be a well-formed email address', 'email');
	checkPattern(countryCode, ALPHA_2, 'must be an ISO 3166-1 alpha-2 code', 'countryCode');
	checkEnum(text.gender ?? undefined, GENDERS, 'gender');

	const customerId = String(state.nextCustomerId++);
	state.customers.set(customerId, {
		customerId,
		customerNumber: `1-${customerId}`,
		status: 'PROSPECT',
		firstName,
		lastName,
		dateOfBirth,
		email,
		gender: text.gender as MagiclineCustomer['gender'],
		street,
		houseNumber: text.houseNumber,
		zipCode,
		city,
		countryCode,
		languageCode: language.languageCode,
		languageCountryCode: language.countryCode ?? null,
		phonePrivate: text.phoneNumberPrivate,
		phonePrivateMobile: text.phoneNumberMobile,
		phoneBusiness: null,
		phoneBusinessMobile: null,
		thirdPartyId: text.thirdPartyId,
		cardNumber: null,
		barcode: null,
		debtorId: null,
		uuid: `7be3932c-825b-4401-abff-${customerId.padStart(12, '0')}`,
		bankAccount: null,
	});
	return jsonResponse(200, { customerId: new JsonNumber(customerId) });
}

function listCustomerContracts(call: RouteCall): ProviderResponse {
	const state = call.context.state.magicline;
	const customerId = pathId(call, 'customerId');
	const { status } = readQuery(call.request, ['status']);
	checkEnum(status, CONTRACT_STATUSES, 'status');
	findCustomer(state, customerId);
	const contracts = [...state.contracts.values()].filter(
		(contract) =>
			contract.customerId === customerId &&
			(status === undefined || contract.contractStatus === status),
	);
	return jsonResponse(
		200,
		contracts.map((contract) => contractToWire(contract, state)),
	);
}

/** The POSTs that only read (scope CUSTOMER_READ): the read-only key may call them. */
export const READING_POSTS = ['/v1/customers/search'];

export const CUSTOMER_ROUTES: Route[] = [
	// Fixed paths before `/v1/customers/:customerId`, which would otherwise take "by" as an id.
	route('GET', '/v1/customers/by', getCustomerBy),
	route('POST', '/v1/customers/search', searchCustomers),
	route('POST', '/v1/customers/create', createCustomer),
	route('GET', '/v1/customers/:customerId', getCustomer),
	route('GET', '/v1/customers/:customerId/contracts', listCustomerContracts),
];
