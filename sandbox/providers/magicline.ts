/**
 * Magicline Open API (REST, JSON). Ids are int64: path ids and body integers are read as exact digit text and
 * written back verbatim, so a client that rounds 9007199254740993 is caught.
 */
import { randomBytes } from 'node:crypto';
import { secretsEqual, SANDBOX_CREDENTIALS } from '../credentials';
import { isIsoDate } from '../dates';
import {
	dispatch,
	emptyResponse,
	failWith,
	jsonResponse,
	mediaType,
	route,
	type Route,
	type RouteCall,
} from '../http';
import { canonicalInteger, jsonIntegerText, num, parseJsonObject, type JsonObject } from '../json';
import type { MagiclineContract, MagiclineModuleContract, MagiclineState } from '../state';
import type { ProviderContext, ProviderModule, ProviderRequest, ProviderResponse } from '../types';

const INT64_DIGITS = /^\d{1,19}$/;
const INT64_MAX = 9223372036854775807n;

/** Status → errorCode and the message the published spec gives for it. */
const STATUS_ERRORS: Record<number, [errorCode: string, errorMessage: string]> = {
	400: ['VALIDATION_ERROR', 'Validation of the request failed.'],
	401: ['UNAUTHORIZED', 'Authentication failed. No api-key, wrong api-key or wrong header name.'],
	403: ['FORBIDDEN', 'Authorization failed. The caller has no privilege to the given resource.'],
	404: ['ENTITY_NOT_FOUND', 'Entity does not exist.'],
	405: ['METHOD_NOT_ALLOWED', 'Request method not supported.'],
	409: [
		'CONCURRENT_MODIFICATION',
		'Concurrent modification detected. The entity was modified by another request.',
	],
	415: ['UNSUPPORTED_MEDIA_TYPE', 'Content type not supported. Send application/json.'],
	429: ['TOO_MANY_REQUESTS', 'Access denied - rate limit is exceeded.'],
	500: ['UNEXPECTED_ERROR', 'Unexpected system error.'],
	503: ['SERVICE_UNAVAILABLE', 'Service temporarily unavailable.'],
};

// ---- responses ------------------------------------------------------------------------------------------------

function magiclineError(
	status: number,
	errorCode: string,
	errorMessage: string,
	reference?: string,
): ProviderResponse {
	// traceId: 16 hex chars, like the Datadog ids Magicline returns.
	return jsonResponse(status, {
		errorMessage,
		errorCode,
		traceId: randomBytes(8).toString('hex'),
		reference,
	});
}

/** The standard error for a status (errorCode and message from {@link STATUS_ERRORS}). */
function statusError(status: number, reference?: string): ProviderResponse {
	const [errorCode, errorMessage] = STATUS_ERRORS[status] ?? [
		`HTTP_${status}`,
		'Unexpected response.',
	];
	return magiclineError(status, errorCode, errorMessage, reference);
}

const validationError = (errorMessage: string, reference: string) =>
	magiclineError(400, 'VALIDATION_ERROR', errorMessage, reference);
const notFound = (what: string) =>
	magiclineError(404, 'ENTITY_NOT_FOUND', `Entity does not exist: ${what}.`);
const invalidDate = (errorMessage: string) =>
	magiclineError(400, 'INVALID_CANCELATION_DATE', errorMessage, 'cancelationDate');
const cancelationNotFound = () =>
	magiclineError(400, 'CANCELATION_NOT_FOUND', 'There is no cancelation to withdraw.');

// ---- request reading ------------------------------------------------------------------------------------------

/** An int64 path parameter as canonical digit text (400 when it is not one, as Spring's binding would). */
function pathId(call: RouteCall, name: string): string {
	const text = call.params[name];
	const id = INT64_DIGITS.test(text) ? canonicalInteger(text) : undefined;
	if (id === undefined || BigInt(id) > INT64_MAX)
		failWith(validationError(`${name} must be an int64`, name));
	return id;
}

function jsonBody(request: ProviderRequest): JsonObject {
	if (mediaType(request.headers['content-type']) !== 'application/json') failWith(statusError(415));
	const body = parseJsonObject(request.body);
	if (!body) failWith(validationError('The request body must be a JSON object.', 'body'));
	return body;
}

function requiredInteger(body: JsonObject, field: string): string {
	const value = jsonIntegerText(body[field]);
	if (value === undefined)
		failWith(validationError(`${field} is required and must be an integer`, field));
	return value;
}

function requiredString(body: JsonObject, field: string): string {
	const value = body[field];
	if (typeof value !== 'string')
		failWith(validationError(`${field} is required and must be a string`, field));
	return value;
}

/** The parts of a cancelation request every cancel endpoint shares. */
interface CancelationRequest {
	cancelationDate: string;
	cancelationReasonId: string;
}

function readCancelationRequest(body: JsonObject): CancelationRequest {
	return {
		cancelationDate: requiredString(body, 'cancelationDate'),
		cancelationReasonId: requiredInteger(body, 'cancelationReasonId'),
	};
}

function checkReason(state: MagiclineState, reasonId: string): void {
	if (!state.cancelationReasons.some((reason) => reason.cancelationReasonId === reasonId)) {
		failWith(
			magiclineError(
				400,
				'INVALID_CANCELATION_REASON',
				`Unknown cancelation reason ${reasonId}.`,
				'cancelationReasonId',
			),
		);
	}
}

// ---- lookups --------------------------------------------------------------------------------------------------

function findModule(
	state: MagiclineState,
	contractId: string,
	moduleId: string,
): { contract: MagiclineContract; module: MagiclineModuleContract } {
	const contract = state.contracts.get(contractId);
	if (!contract) failWith(notFound(`contract ${contractId}`));
	const module = state.moduleContracts.get(moduleId);
	if (!module || module.contractId !== contractId)
		failWith(notFound(`additional module contract ${moduleId} of contract ${contractId}`));
	return { contract, module };
}

/** A write on a contract (or one of its modules) fails when the contract is broken (500) or the module LOCKED (409). */
function checkWritable(contract: MagiclineContract, module?: MagiclineModuleContract): void {
	if (contract.failsOnWrite) failWith(statusError(500));
	if (module?.status === 'LOCKED') failWith(statusError(409));
}

function findCustomerContract(
	state: MagiclineState,
	customerId: string,
	contractId?: string,
): MagiclineContract {
	const owned = [...state.contracts.values()].filter(
		(contract) => contract.customerId === customerId,
	);
	if (owned.length === 0) failWith(notFound(`customer ${customerId}`));
	const contract =
		contractId === undefined ? owned[0] : owned.find((c) => c.contractId === contractId);
	if (!contract) failWith(notFound(`contract ${contractId} of customer ${customerId}`));
	return contract;
}

// ---- routes ---------------------------------------------------------------------------------------------------

function listCancelationReasons({ context }: RouteCall): ProviderResponse {
	const reasons = context.state.magicline.cancelationReasons.map((reason) => ({
		cancelationReasonId: num(reason.cancelationReasonId),
		cancelationReasonName: reason.cancelationReasonName,
	}));
	return jsonResponse(200, reasons);
}

function getModuleContract(call: RouteCall): ProviderResponse {
	const { module } = findModule(
		call.context.state.magicline,
		pathId(call, 'contractId'),
		pathId(call, 'moduleId'),
	);
	return jsonResponse(200, {
		additionalModuleContractId: num(module.additionalModuleContractId),
		contractId: num(module.contractId),
		status: module.status,
		cancelationDate: module.cancelationDate,
		name: module.name,
		startDate: module.startDate,
	});
}

function cancelModuleContract(call: RouteCall): ProviderResponse {
	const state = call.context.state.magicline;
	const contractId = pathId(call, 'contractId');
	const moduleId = pathId(call, 'moduleId');
	const request = readCancelationRequest(jsonBody(call.request));
	const { contract, module } = findModule(state, contractId, moduleId);
	checkWritable(contract, module);
	if (!isIsoDate(request.cancelationDate))
		failWith(invalidDate('cancelationDate must be a date in the form YYYY-MM-DD.'));
	if (request.cancelationDate < call.context.today)
		failWith(invalidDate('cancelationDate must not be in the past.'));
	checkReason(state, request.cancelationReasonId);
	if (module.status === 'CANCELED')
		failWith(
			magiclineError(
				400,
				'ALREADY_CANCELED',
				'The additional module contract is already canceled.',
			),
		);
	module.status = 'CANCELED';
	module.cancelationDate = request.cancelationDate;
	module.cancelationReasonId = request.cancelationReasonId;
	return jsonResponse(200, {
		moduleContractId: num(module.additionalModuleContractId),
		cancelationDate: module.cancelationDate,
		status: 'CANCELED',
	});
}

function withdrawModuleCancelation(call: RouteCall): ProviderResponse {
	const { contract, module } = findModule(
		call.context.state.magicline,
		pathId(call, 'contractId'),
		pathId(call, 'moduleId'),
	);
	checkWritable(contract, module);
	if (module.status !== 'CANCELED') failWith(cancelationNotFound());
	module.status = 'ACTIVE';
	module.cancelationDate = null;
	module.cancelationReasonId = null;
	return emptyResponse(200);
}

function getContractData(call: RouteCall): ProviderResponse {
	const contract = findCustomerContract(call.context.state.magicline, pathId(call, 'customerId'));
	return jsonResponse(200, {
		contractId: num(contract.contractId),
		contractStatus: contract.contractStatus,
		cancelationStatus: contract.cancelationStatus,
		availableCancelationDates: contract.availableCancelationDates,
		cancelationDate: contract.cancelationDate,
	});
}

function cancelMembership(call: RouteCall): ProviderResponse {
	const state = call.context.state.magicline;
	const customerId = pathId(call, 'customerId');
	const body = jsonBody(call.request);
	const contractId = requiredInteger(body, 'contractId');
	const request = readCancelationRequest(body);
	const contract = findCustomerContract(state, customerId, contractId);
	checkWritable(contract);
	if (!contract.availableCancelationDates.includes(request.cancelationDate)) {
		failWith(
			invalidDate(
				`cancelationDate must be one of the availableCancelationDates: ${contract.availableCancelationDates.join(', ')}.`,
			),
		);
	}
	checkReason(state, request.cancelationReasonId);
	if (contract.cancelationStatus === 'CANCELED')
		failWith(magiclineError(400, 'ALREADY_CANCELED', 'The contract is already canceled.'));
	contract.cancelationStatus = 'CANCELED';
	contract.cancelationDate = request.cancelationDate;
	contract.cancelationReasonId = request.cancelationReasonId;
	return jsonResponse(200, {
		contractId: num(contract.contractId),
		cancelationDate: contract.cancelationDate,
		cancelationStatus: 'CANCELED',
	});
}

function withdrawMembershipCancelation(call: RouteCall): ProviderResponse {
	const contract = findCustomerContract(
		call.context.state.magicline,
		pathId(call, 'customerId'),
		pathId(call, 'contractId'),
	);
	checkWritable(contract);
	if (contract.cancelationStatus !== 'CANCELED') failWith(cancelationNotFound());
	contract.cancelationStatus = 'NOT_CANCELED';
	contract.cancelationDate = null;
	contract.cancelationReasonId = null;
	return emptyResponse(200);
}

const MODULE_PATH =
	'/v1/memberships/:contractId/self-service/additional-module-contracts/:moduleId';

const ROUTES: Route[] = [
	route('GET', '/v1/memberships/self-service/contract-cancelation-reasons', listCancelationReasons),
	route('GET', MODULE_PATH, getModuleContract),
	route('POST', `${MODULE_PATH}/ordinary-cancelation`, cancelModuleContract),
	route('POST', `${MODULE_PATH}/withdraw-cancelation`, withdrawModuleCancelation),
	route('GET', '/v1/memberships/:customerId/self-service/contract-data', getContractData),
	route(
		'POST',
		'/v1/memberships/:customerId/self-service/ordinary-contract-cancelation',
		cancelMembership,
	),
	route(
		'POST',
		'/v1/memberships/:customerId/self-service/withdraw-ordinary-contract-cancelation/:contractId',
		withdrawMembershipCancelation,
	),
];

// ---- module ---------------------------------------------------------------------------------------------------

type KeyScope = 'all' | 'readOnly';

function keyScope(request: ProviderRequest): KeyScope | undefined {
	const key = request.headers['x-api-key'];
	const { apiKey, readOnlyApiKey } = SANDBOX_CREDENTIALS.magicline;
	if (secretsEqual(key, apiKey)) return 'all';
	if (secretsEqual(key, readOnlyApiKey)) return 'readOnly';
	return undefined;
}

function handle(request: ProviderRequest, context: ProviderContext): ProviderResponse {
	const scope = keyScope(request);
	if (!scope) return statusError(401);
	// The read-only key lacks every write scope; all Magicline writes are POSTs.
	if (scope === 'readOnly' && request.method === 'POST') return statusError(403);
	return dispatch(ROUTES, request.providerPath, request, context, {
		notFound: () =>
			magiclineError(404, 'NOT_FOUND', `No endpoint ${request.method} ${request.providerPath}.`),
		methodNotAllowed: () => statusError(405),
	});
}

export const magicline: ProviderModule = {
	name: 'magicline',
	prefix: '/magicline',
	basePath: '/magicline',
	handle,
	faultResponse: (status) => statusError(status),
};
