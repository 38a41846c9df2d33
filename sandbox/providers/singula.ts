/**
 * Singula Decisions contracts API (REST, JSON, HMAC-signed). Fault codes, HTTP statuses and suggested user
 * messages come from the provider's fault tables (seeds/002 and reference/PROVIDERS.md).
 */
import { createHmac } from 'node:crypto';
import { secretsEqual, SANDBOX_CREDENTIALS } from '../credentials';
import { isIsoDate } from '../dates';
import {
	dispatch,
	failWith,
	jsonResponse,
	reasonPhrase,
	route,
	type Route,
	type RouteCall,
} from '../http';
import {
	canonicalInteger,
	isJsonObject,
	JsonNumber,
	num,
	parseJsonObject,
	type JsonObject,
	type JsonValue,
} from '../json';
import type { SingulaContract, SingulaState } from '../state';
import type { ProviderContext, ProviderModule, ProviderRequest, ProviderResponse } from '../types';

const TIMESTAMP_TOLERANCE_SECONDS = 300;
const MAX_REFERRER_ID_LENGTH = 50;
const KNOWN_DISCOUNT_CODE = 'WELCOME10';
const VIEWING_CARD_IN_USE = '1111111111';
const VIEWING_CARD_OTHER_CURRENCY = '2222222222';
const CURRENCY = 'GBP';

// ---- HMAC authentication ----------------------------------------------------------------------------------------

/** Upper-case hex HMAC-SHA256(secret, `<timestamp><METHOD><path>`), the path as sent (no host, no query). */
export function singulaSignature(
	apiSecret: string,
	timestamp: string,
	method: string,
	path: string,
): string {
	return createHmac('sha256', apiSecret)
		.update(`${timestamp}${method}${path}`, 'utf8')
		.digest('hex')
		.toUpperCase();
}

export interface SingulaAuthHeaders {
	authorization?: string;
	timestamp?: string;
}

/** Checks `Authorization: hmac <apiKey>:<SIG>` and a `Timestamp` within ±300 s of `nowMs`. */
export function verifySingulaHmac(
	headers: SingulaAuthHeaders,
	method: string,
	path: string,
	nowMs: number,
	credentials: { apiKey: string; apiSecret: string } = SANDBOX_CREDENTIALS.singula,
): boolean {
	const match = /^hmac\s+(.+):([^:]+)$/i.exec(headers.authorization ?? '');
	const timestamp = headers.timestamp ?? '';
	if (!match || !/^\d{1,12}$/.test(timestamp)) return false;
	if (Math.abs(nowMs / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return false;
	const [, apiKey, signature] = match;
	return (
		secretsEqual(apiKey, credentials.apiKey) &&
		secretsEqual(signature, singulaSignature(credentials.apiSecret, timestamp, method, path))
	);
}

// ---- faults ---------------------------------------------------------------------------------------------------

/** How much of the error body the real API sends for a fault (some send no messages at all). */
type FaultBodyShape = 'full' | 'developerMessageOnly' | 'codeOnly';

interface FaultDefinition {
	status: number;
	fault: string;
	userMessage: string;
	shape?: FaultBodyShape;
}

const FAULTS = {
	90001: { status: 400, fault: 'InvalidRequestFault', userMessage: 'Invalid request' },
	90006: {
		status: 500,
		fault: 'ContractCancellation',
		userMessage: 'The contract could not be cancelled',
	},
	90016: {
		status: 400,
		fault: 'InvalidCancellationDate',
		userMessage: 'Cancellation date is not valid',
	},
	90017: {
		status: 400,
		fault: 'InvalidContractState',
		userMessage: 'Contract is not in a valid state for this action',
	},
	90018: {
		status: 400,
		fault: 'InvalidCrossgradePathFault',
		userMessage: 'Contract cannot be crossgraded to this item',
	},
	90022: { status: 404, fault: 'InvalidDiscountCodeFault', userMessage: 'Discount does not exist' },
	90025: { status: 400, fault: 'InvalidPaymentMethod', userMessage: 'Payment method is not valid' },
	90029: {
		status: 400,
		fault: 'InvalidStateForCrossgradeFault',
		userMessage: 'Contract cannot be crossgraded',
	},
	90031: { status: 400, fault: 'InvalidVCNFault', userMessage: 'Viewing Card provided is Invalid' },
	90041: { status: 404, fault: 'NoContractFoundFault', userMessage: 'Contract ID does not exist' },
	90045: { status: 400, fault: 'PaymentAuthorisationFault', userMessage: 'Payment attempt failed' },
	90050: {
		status: 500,
		fault: 'PaymentSystemFault',
		userMessage: 'Payment collection cannot be attempted at this time',
		shape: 'codeOnly',
	},
	90061: {
		status: 500,
		fault: 'SystemFailureFault',
		userMessage: 'System Failure, Please try again later',
	},
	90063: {
		status: 400,
		fault: 'UnableToCrossgradeFault',
		userMessage: 'Crossgrade cannot be completed',
		shape: 'developerMessageOnly',
	},
	90077: {
		status: 400,
		fault: 'VCNCurrencyMismatchFault',
		userMessage: 'Viewing Card is not set for provided currency',
	},
	90078: {
		status: 400,
		fault: 'VCNInUseFault',
		userMessage: 'This viewing card is already in use on another record',
	},
	90079: {
		status: 400,
		fault: 'VCNRequiredFault',
		userMessage: 'A Viewing Card is required for this purchase',
	},
} satisfies Record<number, FaultDefinition>;

type FaultCode = keyof typeof FAULTS;

function faultBody(code: FaultCode, developerMessage: string): Record<string, unknown> {
	const definition: FaultDefinition = FAULTS[code];
	const moreInfo = `https://docs.example/errors/${code}`;
	switch (definition.shape ?? 'full') {
		case 'codeOnly':
			return { errorCode: code };
		case 'developerMessageOnly':
			return { errorCode: code, developerMessage };
		default:
			return {
				errorCode: code,
				developerMessage: `${definition.fault}: ${developerMessage}`,
				userMessage: definition.userMessage,
				moreInfo,
			};
	}
}

/** Answers with the fault `code` (status and body shape from {@link FAULTS}). */
function fault(code: FaultCode, developerMessage: string): never {
	failWith(jsonResponse(FAULTS[code].status, faultBody(code, developerMessage)));
}

function statusError(status: number): ProviderResponse {
	const text = reasonPhrase(status);
	return jsonResponse(status, {
		errorCode: status,
		developerMessage: text,
		userMessage: text,
		moreInfo: `https://docs.example/errors/${status}`,
	});
}

const authenticationFailed = () =>
	jsonResponse(401, {
		errorCode: 401,
		developerMessage: 'HMAC authentication failed',
		userMessage: 'Authentication failed',
	});

// ---- catalogue --------------------------------------------------------------------------------------------------

interface CatalogueItem {
	name: string;
	/** Monthly price in pence; a change costs the difference. */
	monthlyPricePence: number;
	requiresViewingCard: boolean;
}

/** In the order change paths are listed. */
const CATALOGUE: Record<string, CatalogueItem> = {
	PREMIUM: { name: 'Premium', monthlyPricePence: 2000, requiresViewingCard: false },
	SPORTS: { name: 'Sports', monthlyPricePence: 1000, requiresViewingCard: false },
	LITE: { name: 'Lite', monthlyPricePence: 500, requiresViewingCard: false },
	VCN_BOX: { name: 'Viewing Card Box', monthlyPricePence: 2500, requiresViewingCard: true },
	BASIC: { name: 'Basic', monthlyPricePence: 1000, requiresViewingCard: false },
};

type ChangeType = 'UPGRADE' | 'CROSSGRADE' | 'DOWNGRADE';

interface ChangePath {
	itemCode: string;
	changeType: ChangeType;
	costPence: number;
}

function changePaths(contract: SingulaContract): ChangePath[] {
	if (!contract.hasChangePaths) return [];
	const current = CATALOGUE[contract.itemCode].monthlyPricePence;
	return Object.entries(CATALOGUE)
		.filter(([itemCode]) => itemCode !== contract.itemCode)
		.map(([itemCode, item]) => {
			const costPence = item.monthlyPricePence - current;
			return {
				itemCode,
				costPence,
				changeType: costPence > 0 ? 'UPGRADE' : costPence < 0 ? 'DOWNGRADE' : 'CROSSGRADE',
			};
		});
}

function formatPence(pence: number): string {
	const sign = pence < 0 ? '-' : '';
	return `${sign}${(Math.abs(pence) / 100).toFixed(2)}`;
}

// ---- request reading ------------------------------------------------------------------------------------------

/** Every POST carries a JSON object (at least `{}`); anything else is 90001. */
function jsonBody(request: ProviderRequest): JsonObject {
	const body = parseJsonObject(request.body);
	if (!body)
		fault(
			90001,
			request.body.trim() === ''
				? 'A JSON request body is required'
				: 'The request body is not a JSON object',
		);
	return body;
}

function findContract(
	state: SingulaState,
	customerId: string,
	contractIdParam: string,
): SingulaContract {
	// Ids are compared as digit text (never via Number) so ids above 2^53 stay distinct.
	const contractId = canonicalInteger(contractIdParam) ?? contractIdParam;
	const contract = state.contracts.get(contractId);
	if (!contract || contract.customerId !== customerId)
		fault(90041, `No contract ${contractIdParam} for customer ${customerId}`);
	return contract;
}

function contractFor(call: RouteCall): SingulaContract {
	return findContract(call.context.state.singula, call.params.customerId, call.params.contractId);
}

interface ChangeRequest {
	itemCode: string;
	immediateDowngrade: boolean;
	discountCode?: JsonObject;
	/** Digits of the viewing card, when one was sent (string or number). */
	viewingCard?: string;
}

function readChangeRequest(body: JsonObject): ChangeRequest {
	const { itemCode, referrerId, immediateDowngrade, discountCode, viewingCard } = body;
	if (typeof itemCode !== 'string' || itemCode === '') fault(90001, 'itemCode is required');
	if (
		referrerId !== undefined &&
		(typeof referrerId !== 'string' || referrerId.length > MAX_REFERRER_ID_LENGTH)
	) {
		fault(90001, `referrerId must be a string of at most ${MAX_REFERRER_ID_LENGTH} characters`);
	}
	if (immediateDowngrade !== undefined && typeof immediateDowngrade !== 'boolean')
		fault(90001, 'immediateDowngrade must be a boolean');
	if (discountCode !== undefined && !isJsonObject(discountCode))
		fault(90001, 'discountCode must be an object');
	return {
		itemCode,
		immediateDowngrade: immediateDowngrade === true,
		discountCode,
		viewingCard: scalarText(viewingCard),
	};
}

function scalarText(value: JsonValue | undefined): string | undefined {
	if (value instanceof JsonNumber) return value.text;
	return typeof value === 'string' ? value : undefined;
}

function isKnownDiscount(discountCode: JsonObject): boolean {
	return Object.values(discountCode).some((value) => value === KNOWN_DISCOUNT_CODE);
}

function checkViewingCard(viewingCard: string | undefined): void {
	if (viewingCard === undefined || viewingCard === '')
		fault(90079, 'viewingCard is required for this item');
	if (!/^\d{10}$/.test(viewingCard)) fault(90031, 'viewingCard must be 10 digits');
	if (viewingCard === VIEWING_CARD_IN_USE)
		fault(90078, `Viewing card ${viewingCard} is registered to another customer`);
	if (viewingCard === VIEWING_CARD_OTHER_CURRENCY)
		fault(90077, `Viewing card ${viewingCard} is not set up for ${CURRENCY}`);
}

/** Payment is only taken when the change costs something; these contracts fail at that step. */
function takePayment(contract: SingulaContract, path: ChangePath): void {
	if (contract.behaviour === 'systemFailure')
		fault(90061, 'Contract change failed with an internal error');
	if (path.costPence <= 0) return;
	if (contract.behaviour === 'paymentDeclined') fault(90045, 'The payment method was declined');
	if (contract.behaviour === 'paymentSystemDown') fault(90050, 'The payment system is unavailable');
}

// ---- routes ---------------------------------------------------------------------------------------------------

function listContracts({ params, request, context }: RouteCall): ProviderResponse {
	const activeOnly = request.query.activeOnly;
	if (activeOnly !== undefined && activeOnly !== 'true' && activeOnly !== 'false')
		fault(90001, 'activeOnly must be true or false');
	const contracts = [...context.state.singula.contracts.values()]
		.filter((contract) => contract.customerId === params.customerId)
		.filter((contract) => activeOnly !== 'true' || isActive(contract));
	return jsonResponse(200, {
		contractCount: contracts.length,
		contracts: contracts.map((contract) => ({
			contractId: num(contract.contractId),
			orderId: num(contract.orderId),
			itemCode: contract.itemCode,
			name: CATALOGUE[contract.itemCode].name,
			startDate: contract.startDate,
			status: contract.status,
			active: isActive(contract),
		})),
	});
}

function isActive(contract: SingulaContract): boolean {
	return contract.status === 'ACTIVE' || contract.status === 'DOWNGRADE_SCHEDULED';
}

function getContract(call: RouteCall): ProviderResponse {
	const contract = contractFor(call);
	return jsonResponse(200, {
		contractId: num(contract.contractId),
		itemCode: contract.itemCode,
		name: CATALOGUE[contract.itemCode].name,
		status: contract.status,
		startDate: contract.startDate,
		nextPaymentDate: contract.nextPaymentDate,
		paidUpToDate: contract.paidUpToDate,
		changeDate: contract.changeDate,
		changeToItem: contract.changeToItem,
		cancellationDate: contract.cancellationDate,
	});
}

function getChangePaths(call: RouteCall): ProviderResponse {
	const paths = changePaths(contractFor(call));
	if (paths.length === 0) return jsonResponse(200, {});
	return jsonResponse(200, {
		crossgradePaths: paths.map((path) => ({
			itemCode: path.itemCode,
			name: CATALOGUE[path.itemCode].name,
			changeCost: { amount: num(formatPence(path.costPence)), currency: CURRENCY },
			changeType: path.changeType,
		})),
	});
}

/** Faults are checked in the order the README lists them (a fixed order, so each one can be triggered alone). */
function changeContract(call: RouteCall): ProviderResponse {
	const request = readChangeRequest(jsonBody(call.request));
	const contract = contractFor(call);
	if (contract.status !== 'ACTIVE')
		fault(90029, `Contract ${contract.contractId} is ${contract.status}`);
	if (contract.behaviour === 'crossgradeBlocked')
		fault(90063, `Contract ${contract.contractId} has a pending order`);
	const path = changePaths(contract).find((candidate) => candidate.itemCode === request.itemCode);
	if (!path)
		fault(90018, `${request.itemCode} is not a change path of contract ${contract.contractId}`);
	if (request.discountCode && !isKnownDiscount(request.discountCode))
		fault(90022, 'The discount code is not known');
	if (CATALOGUE[path.itemCode].requiresViewingCard) checkViewingCard(request.viewingCard);
	takePayment(contract, path);
	applyChange(contract, path, request.immediateDowngrade);
	return jsonResponse(200, {
		href: `/customer/${call.params.customerId}/contract/${contract.contractId}`,
		rel: 'Get contract details',
		type: 'application/json',
	});
}

function applyChange(
	contract: SingulaContract,
	path: ChangePath,
	immediateDowngrade: boolean,
): void {
	if (path.changeType === 'DOWNGRADE' && !immediateDowngrade) {
		// A downgrade waits for the next charge unless asked to happen now.
		contract.status = 'DOWNGRADE_SCHEDULED';
		contract.changeDate = contract.nextPaymentDate;
		contract.changeToItem = path.itemCode;
		return;
	}
	contract.itemCode = path.itemCode;
	contract.changeDate = null;
	contract.changeToItem = null;
}

function withdrawChange(call: RouteCall): ProviderResponse {
	jsonBody(call.request);
	const contract = contractFor(call);
	if (contract.status !== 'DOWNGRADE_SCHEDULED')
		fault(90017, `Contract ${contract.contractId} has no scheduled change`);
	contract.status = 'ACTIVE';
	contract.changeDate = null;
	contract.changeToItem = null;
	return jsonResponse(200, { status: contract.status });
}

function cancelContract(call: RouteCall): ProviderResponse {
	const { cancelDate } = jsonBody(call.request);
	const contract = contractFor(call);
	if (contract.behaviour === 'invalidPaymentMethod')
		fault(90025, `Contract ${contract.contractId} has an invalid payment method`);
	if (contract.behaviour === 'cancellationFails')
		fault(90006, `Cancellation of contract ${contract.contractId} failed`);
	if (contract.status !== 'ACTIVE')
		fault(90017, `Contract ${contract.contractId} is ${contract.status}`);
	const cancellationDate =
		cancelDate === undefined
			? contract.nextPaymentDate
			: validCancelDate(cancelDate, call.context.today);
	contract.status = 'CUSTOMER_CANCELLED';
	contract.cancellationDate = cancellationDate;
	return jsonResponse(200, {
		status: contract.status,
		cancellationDate: contract.cancellationDate,
	});
}

function validCancelDate(value: JsonValue, today: string): string {
	if (typeof value !== 'string' || !isIsoDate(value) || value < today)
		fault(90016, 'cancelDate must be a date (YYYY-MM-DD) that is not in the past');
	return value;
}

function withdrawCancellation(call: RouteCall): ProviderResponse {
	jsonBody(call.request);
	const contract = contractFor(call);
	if (contract.status !== 'CUSTOMER_CANCELLED')
		fault(90017, `Contract ${contract.contractId} is not cancelled`);
	contract.status = 'ACTIVE';
	contract.cancellationDate = null;
	return jsonResponse(200, { status: contract.status });
}

const CUSTOMER_PATH = '/apis/contracts/v1/customer/:customerId';
const CONTRACT_PATH = `${CUSTOMER_PATH}/contract/:contractId`;

const ROUTES: Route[] = [
	route('GET', `${CUSTOMER_PATH}/contract`, listContracts),
	route('GET', CONTRACT_PATH, getContract),
	route('GET', `${CONTRACT_PATH}/change`, getChangePaths),
	route('POST', `${CONTRACT_PATH}/change`, changeContract),
	route('POST', `${CONTRACT_PATH}/change/withdraw`, withdrawChange),
	route('POST', `${CONTRACT_PATH}/cancel`, cancelContract),
	route('POST', `${CONTRACT_PATH}/cancel/withdraw`, withdrawCancellation),
];

// ---- module ---------------------------------------------------------------------------------------------------

function handle(request: ProviderRequest, context: ProviderContext): ProviderResponse {
	// The client signs the path it requests, so the /singula prefix is part of what is verified.
	if (!verifySingulaHmac(request.headers, request.method, request.path, context.nowMs))
		return authenticationFailed();
	return dispatch(ROUTES, request.providerPath, request, context, {
		notFound: () => statusError(404),
		methodNotAllowed: () => statusError(405),
	});
}

export const singula: ProviderModule = {
	name: 'singula',
	prefix: '/singula',
	basePath: '/singula',
	handle,
	faultResponse: statusError,
};
