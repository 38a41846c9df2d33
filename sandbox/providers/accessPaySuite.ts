/**
 * Access PaySuite DDCMS API v3 (REST). Parameters come in the query string even on POST/PATCH; responses are JSON
 * in PascalCase, errors `{"ErrorCode","Detail","Message"}` (ASP.NET Web API behind IIS).
 */
import { secretsEqual, SANDBOX_CREDENTIALS } from '../credentials';
import {
	decodeSegment,
	dispatch,
	failWith,
	jsonResponse,
	reasonPhrase,
	route,
	textResponse,
	type Route,
	type RouteCall,
} from '../http';
import { num } from '../json';
import {
	DDCMS_CALLBACK_ENTITIES,
	type DdcmsCallbackEntity,
	type DdcmsContract,
	type DdcmsCustomer,
	type DdcmsPayment,
} from '../state';
import type { ProviderContext, ProviderModule, ProviderRequest, ProviderResponse } from '../types';

const CLIENT_PATH = /^\/api\/v3\/client\/([^/]*)(\/.*)$/;
const AMOUNT_PATTERN = /^\d+(\.\d{1,2})?$/;
const MAX_COMMENT_LENGTH = 255;
const DEFAULT_PAYMENT_ROWS = 10;
const MAX_PAYMENT_ROWS = 100;

// ---- responses ------------------------------------------------------------------------------------------------

function ddcmsError(
	status: number,
	errorCode: number,
	detail: string | null,
	message: string,
): ProviderResponse {
	return jsonResponse(status, { ErrorCode: errorCode, Detail: detail, Message: message });
}

const validationError = (detail: string) => ddcmsError(400, 3, detail, 'Validation error');
const contractNotFound = () => ddcmsError(404, 4, null, 'No contract found for the provided ID');
const unauthorised = () =>
	jsonResponse(401, { Message: 'Authorization has been denied for this request.' });
const unexpectedError = () => jsonResponse(500, { Message: 'An error has occurred.' });
const message = (text: string | null) => jsonResponse(200, { Message: text });

/** IIS answers unknown paths with an HTML page, not JSON: clients must cope with a non-JSON 404. */
function noResourcePage(request: ProviderRequest): ProviderResponse {
	const html = `<!DOCTYPE html>
<html><head><title>404 - Not Found</title></head>
<body><h1>Server Error in '/' Application.</h1>
<h2>No HTTP resource was found that matches the request URI '${escapeHtml(request.path)}'.</h2>
<p>HTTP Error 404.0 - Not Found</p></body></html>`;
	return textResponse(404, html, 'text/html; charset=utf-8');
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/'/g, '&#39;');
}

// ---- wire format ----------------------------------------------------------------------------------------------

const dateTime = (isoDate: string) => `${isoDate}T00:00:00.000`;

function customerToWire(customer: DdcmsCustomer) {
	return {
		Id: customer.id,
		CustomerRef: customer.customerRef,
		Title: customer.title,
		FirstName: customer.firstName,
		Surname: customer.surname,
		Email: customer.email,
		Line1: customer.line1,
		Town: customer.town,
		PostCode: customer.postCode,
	};
}

function contractToWire(contract: DdcmsContract) {
	return {
		Id: contract.id,
		CustomerId: contract.customerId,
		Reference: contract.reference,
		Status: contract.directDebitStatus,
		ScheduleStatus: contract.scheduleStatus,
		ScheduleId: contract.scheduleId,
		ScheduleName: contract.scheduleName,
		Amount: num(contract.amount),
		Start: dateTime(contract.startDate),
	};
}

function paymentToWire(payment: DdcmsPayment) {
	return {
		Id: payment.id,
		Date: dateTime(payment.date),
		Amount: num(payment.amount),
		Status: payment.status,
	};
}

// ---- routes ---------------------------------------------------------------------------------------------------

type ContractWrite = (contract: DdcmsContract, call: RouteCall) => ProviderResponse;

/** Every write first finds the contract, then honours its protected (403) and broken (500) flags. */
function contractWrite(apply: ContractWrite): Route['handler'] {
	return (call) => {
		const contract = call.context.state.accessPaySuite.contracts.get(call.params.contractId);
		if (!contract) return contractNotFound();
		if (contract.isProtected)
			return ddcmsError(
				403,
				5,
				`Contract ${contract.id} is protected`,
				'Contract is protected and cannot be modified',
			);
		if (contract.failsOnWrite) return unexpectedError();
		return apply(contract, call);
	};
}

/**
 * After a status change, DDCMS POSTs to the callback URL registered for entity `contract` (if any). The sandbox
 * sends it once the write is answered. Source 'API' is ours: the documented sources (ADDACS, ARUDD, DDIC) are
 * BACS reports, and an API-initiated change is none of them.
 */
function notifyContractCallback(
	call: RouteCall,
	contract: DdcmsContract,
	newStatus: string,
	comment: string | null,
): void {
	const url = call.context.state.accessPaySuite.callbacks.get('contract');
	if (url === undefined) return;
	call.context.emit({
		provider: 'accessPaySuite',
		entity: 'contract',
		url,
		body: {
			Id: contract.id,
			NewStatus: newStatus,
			ChangeDate: call.context.today,
			Source: 'API',
			ReportMessage: null,
			Comment: comment,
		},
	});
}

/** The optional `comment` query parameter (null when absent or empty). */
function readComment(call: RouteCall): string | null {
	const comment = call.request.query.comment;
	if (comment === undefined || comment === '') return null;
	if (comment.length > MAX_COMMENT_LENGTH)
		failWith(
			validationError(`The comment must not be longer than ${MAX_COMMENT_LENGTH} characters`),
		);
	return comment;
}

const cancelSchedule: ContractWrite = (contract, call) => {
	if (contract.scheduleStatus === 'Terminated')
		return validationError('The contract schedule is already terminated');
	contract.scheduleStatus = 'Terminated';
	notifyContractCallback(call, contract, contract.scheduleStatus, null);
	return message('Contract schedule was cancelled successfully.');
};

const restartSchedule: ContractWrite = (contract, call) => {
	const comment = readComment(call);
	if (contract.scheduleStatus !== 'Terminated')
		return validationError('Only schedules in a Terminated state can be restarted');
	contract.scheduleStatus = 'Active';
	contract.lastComment = comment;
	notifyContractCallback(call, contract, contract.scheduleStatus, comment);
	// Seen in the wild: this endpoint answers with a bare JSON string, not an object.
	return jsonResponse(200, 'Contract schedule was restarted successfully.');
};

const cancelDirectDebit: ContractWrite = (contract, call) => {
	if (contract.directDebitStatus === 'Cancelled')
		return validationError('The contract is already cancelled');
	contract.directDebitStatus = 'Cancelled';
	notifyContractCallback(call, contract, contract.directDebitStatus, null);
	return message('Contract cancelled');
};

const reactivate: ContractWrite = (contract, call) => {
	if (contract.directDebitStatus !== 'Cancelled')
		return validationError('Only cancelled contracts can be reactivated');
	contract.directDebitStatus = 'Active';
	notifyContractCallback(call, contract, contract.directDebitStatus, null);
	return message('Contract reactivated');
};

const updateAmount: ContractWrite = (contract, call) => {
	const amount = call.request.query.amount ?? '';
	if (!AMOUNT_PATTERN.test(amount) || !/[1-9]/.test(amount))
		return validationError('The amount must be a positive number with at most two decimal places');
	const comment = readComment(call);
	contract.amount = toTwoDecimals(amount);
	contract.lastComment = comment;
	return message('Contract amount updated');
};

function toTwoDecimals(amount: string): string {
	const [whole, fraction = ''] = amount.split('.');
	return `${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
}

const CUSTOMER_FILTERS: Array<[queryName: string, field: keyof DdcmsCustomer]> = [
	['email', 'email'],
	['customerRef', 'customerRef'],
	['surname', 'surname'],
	['postCode', 'postCode'],
];

function searchCustomers({ request, context }: RouteCall): ProviderResponse {
	const filters = CUSTOMER_FILTERS.filter(([name]) => request.query[name] !== undefined);
	const matches = [...context.state.accessPaySuite.customers.values()].filter((customer) =>
		filters.every(
			([name, field]) => customer[field].toLowerCase() === request.query[name].toLowerCase(),
		),
	);
	return jsonResponse(200, { Customers: matches.map(customerToWire) });
}

function listCustomerContracts({ params, context }: RouteCall): ProviderResponse {
	const { customers, contracts } = context.state.accessPaySuite;
	if (!customers.has(params.customerId))
		return ddcmsError(404, 4, null, 'No customer found for the provided ID');
	const owned = [...contracts.values()].filter(
		(contract) => contract.customerId === params.customerId,
	);
	return jsonResponse(200, { Contracts: owned.map(contractToWire) });
}

function listPayments({ params, request, context }: RouteCall): ProviderResponse {
	const { contracts, payments } = context.state.accessPaySuite;
	if (!contracts.has(params.contractId)) return contractNotFound();
	const rowsText = request.query.rows ?? String(DEFAULT_PAYMENT_ROWS);
	const rows = /^\d{1,3}$/.test(rowsText) ? Number(rowsText) : NaN;
	if (!(rows >= 1 && rows <= MAX_PAYMENT_ROWS))
		return validationError(`rows must be between 1 and ${MAX_PAYMENT_ROWS}`);
	const contractPayments = payments
		.filter((payment) => payment.contractId === params.contractId)
		.slice(0, rows);
	return jsonResponse(200, { Payments: contractPayments.map(paymentToWire) });
}

function listSchedules({ context }: RouteCall): ProviderResponse {
	const services = context.state.accessPaySuite.services.map((service) => ({
		Name: service.name,
		Schedules: service.schedules.map((s) => ({
			Id: s.id,
			Name: s.name,
			Frequency: s.frequency,
			Description: s.description,
		})),
	}));
	return jsonResponse(200, { Services: services });
}

type CallbackAction = (entity: DdcmsCallbackEntity, call: RouteCall) => ProviderResponse;

function callbackRoute(action: CallbackAction): Route['handler'] {
	return (call) => {
		const entity = call.params.entity as DdcmsCallbackEntity;
		if (!DDCMS_CALLBACK_ENTITIES.includes(entity)) {
			return validationError(
				`Unknown callback entity '${call.params.entity}'. Use one of: ${DDCMS_CALLBACK_ENTITIES.join(', ')}`,
			);
		}
		return action(entity, call);
	};
}

const readCallback: CallbackAction = (entity, { context }) =>
	message(context.state.accessPaySuite.callbacks.get(entity) ?? null);

const registerCallback: CallbackAction = (entity, { request, context }) => {
	const url = request.query.url;
	if (!url) return validationError('The url parameter is required');
	if (!/^https?:\/\/[^\s]+$/i.test(url))
		return validationError('The url parameter must be an absolute http(s) URL');
	context.state.accessPaySuite.callbacks.set(entity, url);
	return message('Updated');
};

const deleteCallback: CallbackAction = (entity, { context }) => {
	context.state.accessPaySuite.callbacks.delete(entity);
	return message('Deleted');
};

/** Paths below `/api/v3/client/{clientPrefix}`. */
const ROUTES: Route[] = [
	route('POST', '/contract/:contractId/cancelSchedule', contractWrite(cancelSchedule)),
	route('POST', '/contract/:contractId/restartSchedule', contractWrite(restartSchedule)),
	route('POST', '/contract/:contractId/cancel', contractWrite(cancelDirectDebit)),
	route('POST', '/contract/:contractId/reactivate', contractWrite(reactivate)),
	route('PATCH', '/contract/:contractId/amount', contractWrite(updateAmount)),
	route('GET', '/contract/:contractId/payment', listPayments),
	route('GET', '/customer', searchCustomers),
	route('GET', '/customer/:customerId/contract', listCustomerContracts),
	route('GET', '/schedules', listSchedules),
	route('GET', '/BACS/:entity/callback', callbackRoute(readCallback)),
	route('POST', '/BACS/:entity/callback', callbackRoute(registerCallback)),
	route('DELETE', '/BACS/:entity/callback', callbackRoute(deleteCallback)),
];

// ---- module ---------------------------------------------------------------------------------------------------

/** Both the key and the client prefix must be right; either wrong gives the same 401 (no hint which). */
function isAuthorised(request: ProviderRequest, encodedClientPrefix: string): boolean {
	const expected = SANDBOX_CREDENTIALS.accessPaySuite;
	return (
		secretsEqual(request.headers.apikey, expected.apiKey) &&
		decodeSegment(encodedClientPrefix) === expected.clientPrefix
	);
}

function handle(request: ProviderRequest, context: ProviderContext): ProviderResponse {
	const clientPath = CLIENT_PATH.exec(request.providerPath);
	if (!clientPath) return noResourcePage(request);
	if (!isAuthorised(request, clientPath[1])) return unauthorised();
	return dispatch(ROUTES, clientPath[2], request, context, {
		notFound: () => noResourcePage(request),
		methodNotAllowed: () =>
			jsonResponse(405, {
				Message: `The requested resource does not support http method '${request.method}'.`,
			}),
	});
}

function faultResponse(status: number): ProviderResponse {
	if (status === 401) return unauthorised();
	if (status === 500) return unexpectedError();
	return jsonResponse(status, { Message: reasonPhrase(status) });
}

export const accessPaySuite: ProviderModule = {
	name: 'accessPaySuite',
	prefix: '/ddcms',
	basePath: '/ddcms',
	handle,
	faultResponse,
};
