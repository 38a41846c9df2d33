/** The contracts API (`/apis/contracts/v1`): list, get, change paths, change, cancel and their withdrawals. */
import { isIsoDate } from '../../dates';
import { jsonResponse, route, type Route, type RouteCall } from '../../http';
import {
	canonicalInteger,
	isJsonObject,
	JsonNumber,
	num,
	type JsonObject,
	type JsonValue,
} from '../../json';
import type { SingulaContract, SingulaState } from '../../state';
import type { ProviderResponse } from '../../types';
import { fault, jsonBody } from './faults';

const MAX_REFERRER_ID_LENGTH = 50;
const KNOWN_DISCOUNT_CODE = 'WELCOME10';
const VIEWING_CARD_IN_USE = '1111111111';
const VIEWING_CARD_OTHER_CURRENCY = '2222222222';
const CURRENCY = 'GBP';

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

export const CONTRACT_ROUTES: Route[] = [
	route('GET', `${CUSTOMER_PATH}/contract`, listContracts),
	route('GET', CONTRACT_PATH, getContract),
	route('GET', `${CONTRACT_PATH}/change`, getChangePaths),
	route('POST', `${CONTRACT_PATH}/change`, changeContract),
	route('POST', `${CONTRACT_PATH}/change/withdraw`, withdrawChange),
	route('POST', `${CONTRACT_PATH}/cancel`, cancelContract),
	route('POST', `${CONTRACT_PATH}/cancel/withdraw`, withdrawCancellation),
];
