/**
 * The lifecycle routes (schedule/Direct Debit status, amount, listings, callbacks). They keep the sandbox's first
 * fault bodies (ErrorCode 4/5), which the lifecycle nodes were written against; the CRM routes use the spec's.
 */
import { failWith, jsonResponse, route, type Route, type RouteCall } from '../../http';
import { DDCMS_CALLBACK_ENTITIES, type DdcmsCallbackEntity, type DdcmsContract } from '../../state';
import type { ProviderResponse } from '../../types';
import { toTwoDecimals } from './query';
import { ddcmsError, message, unexpectedError, validationError } from './responses';
import { contractToWire, paymentRowToWire } from './wire';

const AMOUNT_PATTERN = /^\d+(\.\d{1,2})?$/;
export const MAX_COMMENT_LENGTH = 255;
const DEFAULT_PAYMENT_ROWS = 10;
const MAX_PAYMENT_ROWS = 100;

const contractNotFound = () => ddcmsError(404, 4, null, 'No contract found for the provided ID');

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
export function notifyContractCallback(
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
	return message('Contract schedule was restarted successfully.');
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

function listCustomerContracts({ params, context }: RouteCall): ProviderResponse {
	const { customers, contracts } = context.state.accessPaySuite;
	if (!customers.has(params.customerId))
		return ddcmsError(404, 4, null, 'No customer found for the provided ID');
	const owned = [...contracts.values()].filter(
		(contract) => contract.customerId === params.customerId,
	);
	return jsonResponse(200, { CustomerId: params.customerId, Contracts: owned.map(contractToWire) });
}

function listPayments({ params, request, context }: RouteCall): ProviderResponse {
	const { contracts, payments } = context.state.accessPaySuite;
	if (!contracts.has(params.contractId)) return contractNotFound();
	const rowsText = request.query.rows ?? String(DEFAULT_PAYMENT_ROWS);
	const rows = /^\d{1,3}$/.test(rowsText) ? Number(rowsText) : NaN;
	if (!(rows >= 1 && rows <= MAX_PAYMENT_ROWS))
		return validationError(`rows must be between 1 and ${MAX_PAYMENT_ROWS}`);
	// "Payments are always returned ordered by Date descending" (a stable sort keeps same-day order).
	const contractPayments = payments
		.filter((payment) => payment.contractId === params.contractId)
		.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
		.slice(0, rows);
	return jsonResponse(200, { Payments: contractPayments.map(paymentRowToWire) });
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

export const LIFECYCLE_ROUTES: Route[] = [
	route('POST', '/contract/:contractId/cancelSchedule', contractWrite(cancelSchedule)),
	route('POST', '/contract/:contractId/restartSchedule', contractWrite(restartSchedule)),
	route('POST', '/contract/:contractId/cancel', contractWrite(cancelDirectDebit)),
	route('POST', '/contract/:contractId/reactivate', contractWrite(reactivate)),
	route('PATCH', '/contract/:contractId/amount', contractWrite(updateAmount)),
	route('GET', '/contract/:contractId/payment', listPayments),
	route('GET', '/customer/:customerId/contract', listCustomerContracts),
	route('GET', '/schedules', listSchedules),
	route('GET', '/BACS/:entity/callback', callbackRoute(readCallback)),
	route('POST', '/BACS/:entity/callback', callbackRoute(registerCallback)),
	route('DELETE', '/BACS/:entity/callback', callbackRoute(deleteCallback)),
];
