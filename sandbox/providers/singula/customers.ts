/**
 * The customers API (`/apis/customers/v1`): get by id and search. Shapes from the TV4 client's recorded answers
 * (CRM-SYNC.md 3.2): `externalUniqueIdentifier` comes back as a number when it is digits.
 */
import { failWith, jsonResponse, route, type Route, type RouteCall } from '../../http';
import { JsonNumber, num } from '../../json';
import type { SingulaCustomer, SingulaState } from '../../state';
import type { ProviderResponse } from '../../types';
import { fault, jsonBody } from './faults';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The user the sandbox's records were "created by" in auditInfo. */
const API_USER = '89d83946-b4b5-4a7b-a92d-7b999c62e8a0';
/** The keys the search takes, and how a miss is worded for each (the external ID wording is seen). */
const SEARCH_KEYS: Record<string, (value: string) => string> = {
	customerId: (value) => `Customer ${value} not located`,
	email: (value) => `Customer with email ${value} not located`,
	externalUniqueIdentifier: (value) => `Customer with external ID ${value} not located`,
};

function customerToWire(customer: SingulaCustomer) {
	const { externalUniqueIdentifier: external } = customer;
	return {
		customerId: customer.customerId,
		externalUniqueIdentifier: /^\d+$/.test(external) ? num(external) : external,
		username: customer.username,
		firstName: customer.firstName,
		lastName: customer.lastName,
		email: customer.email,
		dateOfBirth: customer.dateOfBirth ?? undefined,
		title: customer.title,
		phone: customer.phone ?? undefined,
		active: customer.active,
		addresses: customer.addresses,
		customAttributes: customer.customAttributes,
		auditInfo: {
			createdByUser: API_USER,
			creationDate: customer.creationDate,
			modifiedByUser: API_USER,
			modifiedDate: customer.creationDate,
		},
		referAFriend: { active: false, code: customer.referAFriendCode },
	};
}

/** Seen: a customer id that is not a UUID fails inside the service (HTTP 500) rather than as "not located". */
function checkUuid(customerId: string): void {
	if (!UUID.test(customerId)) {
		failWith(
			jsonResponse(500, {
				errorCode: 500,
				developerMessage: `java.lang.IllegalArgumentException: Invalid UUID string: ${customerId}`,
				userMessage: 'System Failure - please retry later.',
			}),
		);
	}
}

function findById(state: SingulaState, customerId: string): SingulaCustomer | undefined {
	return state.customers.get(customerId.toLowerCase());
}

function getCustomer(call: RouteCall): ProviderResponse {
	const { customerId } = call.params;
	checkUuid(customerId);
	const customer = findById(call.context.state.singula, customerId);
	if (!customer) fault(90068, SEARCH_KEYS.customerId(customerId));
	return jsonResponse(200, customerToWire(customer));
}

/** Every key given must match (inferred: the public client sends one or all three). Returns one customer. */
function searchCustomer(call: RouteCall): ProviderResponse {
	const body = jsonBody(call.request);
	const criteria: Array<[key: string, value: string]> = [];
	for (const [key, value] of Object.entries(body)) {
		if (!(key in SEARCH_KEYS))
			fault(
				90001,
				`Following key(s) are invalid: ["${key}"]. Use customerId, email or externalUniqueIdentifier`,
			);
		const text = value instanceof JsonNumber ? value.text : value;
		if (typeof text !== 'string' || text === '') fault(90001, `${key} must be a non-empty string`);
		criteria.push([key, text]);
	}
	if (criteria.length === 0)
		fault(90001, 'Give one of customerId, email or externalUniqueIdentifier');
	const byId = criteria.find(([key]) => key === 'customerId');
	if (byId) checkUuid(byId[1]);
	const matches = (customer: SingulaCustomer) =>
		criteria.every(([key, value]) => {
			if (key === 'customerId') return customer.customerId === value.toLowerCase();
			if (key === 'email') return customer.email.toLowerCase() === value.toLowerCase();
			return customer.externalUniqueIdentifier === value;
		});
	const customer = [...call.context.state.singula.customers.values()].find(matches);
	if (!customer) fault(90068, SEARCH_KEYS[criteria[0][0]](criteria[0][1]));
	return jsonResponse(200, customerToWire(customer));
}

export const CUSTOMER_ROUTES: Route[] = [
	// Before the id route, which would otherwise read "search" as an id.
	route('POST', '/apis/customers/v1/customer/search', searchCustomer),
	route('GET', '/apis/customers/v1/customer/:customerId', getCustomer),
];
