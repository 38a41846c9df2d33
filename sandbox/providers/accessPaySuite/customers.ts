/** Customer create, update, get and search (spec tag "Customer Manipulation"). */
import { failWith, jsonResponse, type Route, type RouteCall } from '../../http';
import type { AccessPaySuiteState, DdcmsCustomer } from '../../state';
import type { ProviderResponse } from '../../types';
import {
	date,
	ddcmsRoute,
	integer,
	flag,
	oneOf,
	required,
	text,
	type ParamSpec,
	type QueryValues,
} from './query';
import { ddcmsError, message, validationError } from './responses';
import { findCustomer, nextId } from './records';
import { customerToWire } from './wire';

/** The enum of the spec's Customer.Title. */
const TITLES = [
	'Mrs',
	'Mr',
	'Miss',
	'Ms',
	'Dr',
	'Sir',
	'Lord',
	'Lady',
	'Prof.',
	'Rev.',
	'Master',
	'Mx',
] as const;

/** UK formats (A9 9AA … AA9A 9AA, GIR 0AA), the provider's Python SDK's pattern. */
const UK_POSTCODE =
	/^([A-Za-z][A-Ha-hJ-Yj-y]?[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}|[Gg][Ii][Rr] ?0[Aa]{2})$/;
const POSTCODE_RULE = 'Invalid Postcode. The postcode must have 5, 6 or 7 characters only';
/**
 * The characters the server accepts (its own message, quoted by a production client). The spec's pattern
 * `[0-9a-zA-Z ]` is narrower; the server's message is what a real request meets (CRM-SYNC.md D5).
 */
const ACCOUNT_HOLDER_RULE =
	'Account holder name must contain only: upper case letters (A-Z), numbers (0-9), full stop (.), forward slash (/), dash (-), Ampersand (&) and space';
const DUPLICATE_REF =
	'There is an existing Customer with the same Client and Customer ref in the database already.';

const ACCOUNT_NUMBER = text('accountNumber', 8, {
	pattern: { regex: /^[0-9]{8}$/, rule: 'accountNumber must be eight digits' },
});
const SORT_CODE = text('bankSortCode', 6, {
	pattern: { regex: /^[0-9]{6}$/, rule: 'bankSortCode must be six digits' },
});
const ACCOUNT_HOLDER = text('accountHolderName', 18, {
	pattern: { regex: /^[0-9A-Za-z .\/&-]*$/, rule: ACCOUNT_HOLDER_RULE },
});
const POST_CODE = text('postCode', 8, { pattern: { regex: UK_POSTCODE, rule: POSTCODE_RULE } });
const PHONES = [
	text('homePhoneNumber', 20),
	text('workPhoneNumber', 18),
	text('mobilePhoneNumber', 18),
];

/** The customer fields a request can set: every one but the id and the date added. */
type CustomerField = Exclude<keyof DdcmsCustomer, 'id' | 'dateAdded'>;
type CustomerParam = ParamSpec & { name: CustomerField };

/** The fields of POST customer, in the spec's order, as optional; create marks its required ones. */
const CUSTOMER_FIELDS = [
	text('email', 255),
	oneOf('title', TITLES),
	date('dateOfBirth'),
	text('customerRef', 255),
	text('firstName', 255),
	text('surname', 255),
	text('companyName', 255),
	POST_CODE,
	ACCOUNT_NUMBER,
	SORT_CODE,
	ACCOUNT_HOLDER,
	...PHONES,
	text('line1', 50),
	// The spec marks line2 required; every SDK and production client treats it as optional (CRM-SYNC.md D4).
	text('line2', 30),
	text('line3', 30),
	text('line4', 30),
	text('initials', 5),
] as CustomerParam[];

/** Required on create (email too, but it has its own documented fault). */
const CREATE_REQUIRED = [
	'title',
	'customerRef',
	'surname',
	'postCode',
	'accountNumber',
	'bankSortCode',
	'accountHolderName',
	'line1',
];
const CREATE_PARAMS = CUSTOMER_FIELDS.map((spec) =>
	CREATE_REQUIRED.includes(spec.name) ? required(spec) : spec,
);

function checkUniqueRef(state: AccessPaySuiteState, customerRef: string, ownId?: string): void {
	const taken = [...state.customers.values()].some(
		(other) => other.id !== ownId && other.customerRef.toLowerCase() === customerRef.toLowerCase(),
	);
	if (taken) failWith(validationError(DUPLICATE_REF));
}

function createCustomer({ context }: RouteCall, query: QueryValues): ProviderResponse {
	const state = context.state.accessPaySuite;
	// The sandbox client has CustomerEmailMandatory (the default), so a missing email is the spec's ErrorCode 2.
	if (query.email === undefined)
		return ddcmsError(400, 2, null, 'Customer email is mandatory for this client');
	checkUniqueRef(state, query.customerRef!);
	// readQuery has checked the required ones.
	const given = (name: string) => query[name]!;
	const optional = (name: string) => query[name] ?? null;
	const customer: DdcmsCustomer = {
		id: nextId(state, 'c'),
		customerRef: given('customerRef'),
		title: given('title'),
		firstName: optional('firstName'),
		surname: given('surname'),
		email: given('email'),
		companyName: optional('companyName'),
		initials: optional('initials'),
		dateOfBirth: optional('dateOfBirth'),
		line1: given('line1'),
		line2: optional('line2'),
		line3: optional('line3'),
		line4: optional('line4'),
		postCode: given('postCode'),
		accountNumber: given('accountNumber'),
		bankSortCode: given('bankSortCode'),
		accountHolderName: given('accountHolderName'),
		homePhoneNumber: optional('homePhoneNumber'),
		workPhoneNumber: optional('workPhoneNumber'),
		mobilePhoneNumber: optional('mobilePhoneNumber'),
		dateAdded: context.today,
	};
	state.customers.set(customer.id, customer);
	return jsonResponse(200, { CustomerRef: customer.customerRef, Id: customer.id });
}

function updateCustomer(call: RouteCall, query: QueryValues): ProviderResponse {
	const customer = findCustomer(call);
	const state = call.context.state.accessPaySuite;
	if (query.customerRef !== undefined) checkUniqueRef(state, query.customerRef, customer.id);
	// Only the fields given change.
	for (const spec of CUSTOMER_FIELDS) {
		const value = query[spec.name];
		if (value !== undefined) customer[spec.name] = value;
	}
	return message('Customer updated');
}

function getCustomer(call: RouteCall): ProviderResponse {
	return jsonResponse(200, customerToWire(findCustomer(call), call.context.state.accessPaySuite));
}

/**
 * Search filters and how each matches (case-insensitive). The SDK docs: reference, names, company, post code and
 * phones match "full or partial"; email and account number in full. The others are taken as full (inferred).
 */
const PARTIAL_FILTERS: CustomerField[] = [
	'customerRef',
	'firstName',
	'surname',
	'companyName',
	'postCode',
	'homePhoneNumber',
	'workPhoneNumber',
	'mobilePhoneNumber',
];
const FULL_FILTERS: CustomerField[] = [
	'email',
	'title',
	'dateOfBirth',
	'accountNumber',
	'bankSortCode',
	'accountHolderName',
];

const SEARCH_PARAMS: ParamSpec[] = [
	integer('pageSize', 0, 1_000_000),
	integer('pageNumber', 1, 1_000_000),
	flag('includePagingDetail'),
	flag('includeMemos'),
	text('email', 255),
	text('title', 10),
	date('from'),
	date('to'),
	date('dateOfBirth'),
	text('customerRef', 255),
	text('firstName', 255),
	text('surname', 255),
	text('companyName', 255),
	text('postCode', 8),
	ACCOUNT_NUMBER,
	SORT_CODE,
	ACCOUNT_HOLDER,
	...PHONES,
];

function matches(customer: DdcmsCustomer, query: QueryValues): boolean {
	const field = (name: CustomerField) => (customer[name] ?? '').toLowerCase();
	const wanted = (name: string) => query[name]?.toLowerCase();
	return (
		PARTIAL_FILTERS.every(
			(name) => wanted(name) === undefined || field(name).includes(wanted(name)!),
		) &&
		FULL_FILTERS.every((name) => wanted(name) === undefined || field(name) === wanted(name)) &&
		(query.from === undefined || customer.dateAdded >= query.from) &&
		(query.to === undefined || customer.dateAdded <= query.to)
	);
}

function searchCustomers({ context }: RouteCall, query: QueryValues): ProviderResponse {
	const state = context.state.accessPaySuite;
	const found = [...state.customers.values()].filter((customer) => matches(customer, query));
	// pageSize absent or 0: no pagination.
	const pageSize = Number(query.pageSize ?? 0);
	const pageNumber = Number(query.pageNumber ?? 1);
	const page =
		pageSize > 0 ? found.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) : found;
	const includeMemos = query.includeMemos !== 'false';
	return jsonResponse(200, {
		Customers: page.map((customer) => customerToWire(customer, state, includeMemos)),
		Metadata:
			query.includePagingDetail === 'true'
				? {
						TotalPages: pageSize > 0 ? Math.ceil(found.length / pageSize) : 1,
						TotalRecords: found.length,
						PageSize: pageSize > 0 ? pageSize : found.length,
						PageNumber: pageSize > 0 ? pageNumber : 1,
					}
				: undefined,
	});
}

export const CUSTOMER_ROUTES: Route[] = [
	ddcmsRoute('GET', '/customer', SEARCH_PARAMS, searchCustomers),
	ddcmsRoute('POST', '/customer', CREATE_PARAMS, createCustomer),
	ddcmsRoute('GET', '/customer/:customerId', [], getCustomer),
	ddcmsRoute('PATCH', '/customer/:customerId', CUSTOMER_FIELDS, updateCustomer),
];
