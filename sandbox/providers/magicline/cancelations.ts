/** Membership and additional-module cancelations (self-service endpoints). */
import { isIsoDate } from '../../dates';
import { failWith, jsonResponse, route, type Route, type RouteCall } from '../../http';
import { num, type JsonObject } from '../../json';
import type { MagiclineContract, MagiclineModuleContract, MagiclineState } from '../../state';
import type { ProviderResponse } from '../../types';
import {
	jsonBody,
	magiclineError,
	notFound,
	pathId,
	requiredInteger,
	requiredString,
	statusError,
} from './common';
import {
	lastPossibleCancelationDate,
	money,
	months,
	orAbsent,
	priceDetails,
	voidResult,
} from './wire';

const invalidDate = (errorMessage: string) =>
	magiclineError(400, 'INVALID_CANCELATION_DATE', errorMessage, 'cancelationDate');
const cancelationNotFound = () =>
	magiclineError(400, 'CANCELATION_NOT_FOUND', 'There is no cancelation to withdraw.');

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

/** The customer's main contracts (none for a prospect); 404 for an unknown customer. */
function customerContracts(state: MagiclineState, customerId: string): MagiclineContract[] {
	if (!state.customers.has(customerId)) failWith(notFound(`customer ${customerId}`));
	return [...state.contracts.values()].filter((contract) => contract.customerId === customerId);
}

function findCustomerContract(
	state: MagiclineState,
	customerId: string,
	contractId: string,
): MagiclineContract {
	const contract = customerContracts(state, customerId).find((c) => c.contractId === contractId);
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

/** Name of a cancelation reason by id (the answers name the reason, the requests give its id). */
function reasonName(state: MagiclineState, reasonId: string | null): string | undefined {
	return state.cancelationReasons.find((reason) => reason.cancelationReasonId === reasonId)
		?.cancelationReasonName;
}

/** `AdditionalModuleContractExtended`: the cancelation fields only while the module is canceled. */
function moduleContractToWire(state: MagiclineState, module: MagiclineModuleContract) {
	const canceled = module.status === 'CANCELED';
	return {
		name: module.name,
		price: money(module.price),
		startDate: module.startDate,
		// A canceled module ends on its cancelation date (as in GET /v1/customers/{id}/contracts).
		endDate: orAbsent(module.cancelationDate),
		cancelationDate: orAbsent(module.cancelationDate),
		cancelationReason: reasonName(state, module.cancelationReasonId),
		contractCancelationStatus: canceled ? 'CANCELED' : undefined,
		contractCancelationCanBeWithdrawn: canceled,
	};
}

function getModuleContract(call: RouteCall): ProviderResponse {
	const state = call.context.state.magicline;
	const { module } = findModule(state, pathId(call, 'contractId'), pathId(call, 'moduleId'));
	return jsonResponse(200, moduleContractToWire(state, module));
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
	return voidResult();
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
	return voidResult();
}

/**
 * `MembershipSelfServiceContractData`, one per main contract of the customer. The cancelation fields are sent only
 * while the contract is canceled: `cancelationStatus` is required, but its enum names only states of a cancelation,
 * so an uncanceled contract comes without it (deviation `magicline-cancelation-status-absent`).
 */
function contractDataToWire(state: MagiclineState, contract: MagiclineContract) {
	const canceled = contract.cancelationStatus === 'CANCELED';
	return {
		id: num(contract.contractId),
		startDate: contract.startDate,
		endDate: contract.endDate,
		rateName: contract.rateName,
		contractStatus: contract.contractStatus,
		cancelationPeriod: months(1),
		cancelationStatus: canceled ? 'CANCELED' : undefined,
		cancelationDate: orAbsent(contract.cancelationDate),
		cancelationReason: reasonName(state, contract.cancelationReasonId),
		price: num(contract.price),
		priceDetails: priceDetails(contract.price),
		lastPossibleCancelationDate: lastPossibleCancelationDate(contract),
		availableCancelationDates: contract.availableCancelationDates,
		cancelationOrigin: canceled ? 'CUSTOMER' : undefined,
	};
}

function getContractData(call: RouteCall): ProviderResponse {
	const state = call.context.state.magicline;
	const customerId = pathId(call, 'customerId');
	const owned = customerContracts(state, customerId);
	return jsonResponse(
		200,
		owned.map((contract) => contractDataToWire(state, contract)),
	);
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
	return voidResult();
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
	return voidResult();
}

const MODULE_PATH =
	'/v1/memberships/:contractId/self-service/additional-module-contracts/:moduleId';

export const CANCELATION_ROUTES: Route[] = [
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
