/** Contract create and archive (spec tags "Contract Querying and Creation", "Archiving a Contract"). */
import { addDays } from '../../dates';
import { failWith, jsonResponse, type Route, type RouteCall } from '../../http';
import type {
	AccessPaySuiteState,
	DdcmsAtTheEnd,
	DdcmsContract,
	DdcmsSchedule,
	DdcmsTerminationType,
} from '../../state';
import type { ProviderResponse } from '../../types';
import {
	addWorkingDays,
	FIRST_PAYMENT_DELAY,
	isLastDayOfMonth,
	isoWeekday,
	MAX_START_DAYS_AHEAD,
} from './calendar';
import { notifyContractCallback } from './lifecycle';
import {
	amount,
	date,
	ddcmsRoute,
	flag,
	integer,
	isPositive,
	oneOf,
	required,
	text,
	toTwoDecimals,
	type QueryValues,
} from './query';
import { findContract, findCustomer, nextId } from './records';
import { argumentError, invalid, message, messageError } from './responses';

const TERMINATION_TYPES: DdcmsTerminationType[] = [
	'Take certain number of debits',
	'Until further notice',
	'End on exact date',
];
const AT_THE_END: DdcmsAtTheEnd[] = ['Expire', 'Switch to Further Notice'];
const PAYMENT_DAYS_IN_MONTH = [
	...Array.from({ length: 28 }, (_, i) => String(i + 1)),
	'98', // last working day of the month
	'99', // last day of the month
];
/** How the provider's SDKs tell an ad-hoc schedule: this text in its description. */
const AD_HOC_MARKER = 'AD-HOC Payments';
/** Parameters the spec says not to pass on an ad-hoc contract. */
const REGULAR_ONLY = [
	'amount',
	'initialAmount',
	'extraInitialAmounts',
	'finalAmount',
	'every',
	'paymentDayInMonth',
	'paymentMonthInYear',
	'paymentDayInWeek',
];
const AMOUNTS = ['amount', 'initialAmount', 'extraInitialAmounts', 'finalAmount'];

const CREATE_CONTRACT_PARAMS = [
	// The spec marks both required and asks for one of them; that rule is checked below.
	text('scheduleName', 255),
	text('scheduleId', 36),
	required(date('start')),
	integer('numberOfDebits', 0, 999),
	integer('every', 1, 999),
	required(flag('isGiftAid')),
	amount('initialAmount'),
	amount('extraInitialAmounts'),
	amount('amount'),
	amount('finalAmount'),
	integer('paymentMonthInYear', 1, 12),
	oneOf('paymentDayInMonth', PAYMENT_DAYS_IN_MONTH),
	integer('paymentDayInWeek', 1, 5),
	required(oneOf('terminationType', TERMINATION_TYPES)),
	required(oneOf('atTheEnd', AT_THE_END)),
	date('terminationDate'),
	text('additionalReference', 200),
	text('customDirectDebitRef', 18, {
		pattern: {
			regex: /^[a-zA-Z0-9 &\-/.]*$/,
			rule: 'customDirectDebitRef may only contain a-z, A-Z, 0-9, space, &, -, / and .',
		},
	}),
];

function findSchedule(state: AccessPaySuiteState, query: QueryValues): DdcmsSchedule {
	const { scheduleName, scheduleId } = query;
	if (scheduleName === undefined && scheduleId === undefined)
		failWith(argumentError('Either scheduleName or scheduleId is required'));
	// The Java SDK enforces exactly one of the two.
	if (scheduleName !== undefined && scheduleId !== undefined)
		invalid('Pass either scheduleName or scheduleId, not both');
	const schedules = state.services.flatMap((service) => service.schedules);
	const schedule = schedules.find((candidate) =>
		scheduleName === undefined
			? candidate.id === scheduleId
			: candidate.name.toLowerCase() === scheduleName.toLowerCase(),
	);
	if (schedule) return schedule;
	// The spec's documented answer, trailing newline included.
	if (scheduleName !== undefined)
		failWith(
			messageError(400, `${scheduleName} is not given to any schedule of any service as a name\n`),
		);
	invalid(`No schedule has the id ${scheduleId}`);
}

function checkStart(start: string, today: string): void {
	const earliest = addWorkingDays(today, FIRST_PAYMENT_DELAY);
	if (start < earliest)
		invalid(
			`start must be at least ${FIRST_PAYMENT_DELAY} working days from today: ${earliest} or later`,
		);
	if (start > addDays(today, MAX_START_DAYS_AHEAD))
		invalid(`start must be at most ${MAX_START_DAYS_AHEAD} days from today`);
}

/** The SDKs' rules: a regular schedule collects on its start date, so the day fields must agree with it. */
function checkRegular(schedule: DdcmsSchedule, query: QueryValues, start: string): void {
	for (const name of ['amount', 'every']) {
		if (query[name] === undefined) invalid(`${name} is required for a regular schedule`);
	}
	const needs = (name: string, expected: string) => {
		if (query[name] === undefined)
			invalid(`${name} is required for a schedule of frequency ${schedule.frequency}`);
		if (query[name] !== expected)
			invalid(`${name} must match the start date ${start} (${expected})`);
	};
	if (schedule.frequency === 'Weekly') needs('paymentDayInWeek', String(isoWeekday(start)));
	if (schedule.frequency === 'Monthly' || schedule.frequency === 'Annually') {
		const day = query.paymentDayInMonth;
		const lastDayAllowed = day === '99' && isLastDayOfMonth(start);
		// 98 (last working day) is not checked against the start: the sandbox knows no bank holidays.
		if (day !== '98' && !lastDayAllowed) needs('paymentDayInMonth', String(Number(start.slice(8))));
	}
	if (schedule.frequency === 'Annually')
		needs('paymentMonthInYear', String(Number(start.slice(5, 7))));
}

function checkTermination(query: QueryValues, start: string, adHoc: boolean): void {
	const { terminationType, atTheEnd, numberOfDebits, terminationDate } = query;
	if (adHoc && terminationType !== 'Until further notice')
		invalid('terminationType must be Until further notice for an ad-hoc schedule');
	if (terminationType === 'Until further notice' && atTheEnd !== 'Switch to Further Notice')
		invalid(
			'atTheEnd must be Switch to Further Notice when terminationType is Until further notice',
		);
	if (terminationType === 'Take certain number of debits' && numberOfDebits === undefined)
		invalid('numberOfDebits is required when terminationType is Take certain number of debits');
	if (terminationType === 'End on exact date') {
		if (terminationDate === undefined)
			invalid('terminationDate is required when terminationType is End on exact date');
		if (terminationDate <= start) invalid('terminationDate must be after start');
	}
}

function createContract(call: RouteCall, query: QueryValues): ProviderResponse {
	const customer = findCustomer(call);
	const state = call.context.state.accessPaySuite;
	const schedule = findSchedule(state, query);
	const start = query.start!;
	checkStart(start, call.context.today);
	const adHoc = schedule.description.includes(AD_HOC_MARKER);
	if (adHoc) {
		const passed = REGULAR_ONLY.find((name) => query[name] !== undefined);
		if (passed) invalid(`${passed} must not be passed for an ad-hoc schedule`);
	} else checkRegular(schedule, query, start);
	checkTermination(query, start, adHoc);
	const zero = AMOUNTS.find((name) => query[name] !== undefined && !isPositive(query[name]!));
	if (zero) invalid(`${zero} must be greater than zero`);

	const id = nextId(state, 'a');
	const amountOf = (name: string) =>
		query[name] === undefined ? null : toTwoDecimals(query[name]!);
	const integerOf = (name: string) => (query[name] === undefined ? null : Number(query[name]));
	const contract: DdcmsContract = {
		id,
		customerId: customer.id,
		reference: query.customDirectDebitRef ?? `DEMO-${id.slice(-6)}`,
		scheduleId: schedule.id,
		scheduleName: schedule.name,
		scheduleStatus: 'Active',
		// "Upon creation, a Contract Status will read Inactive" until 8-9 working days before collection.
		directDebitStatus: 'Inactive',
		statusExplanation: 'Awaiting activation',
		amount: amountOf('amount'),
		initialAmount: amountOf('initialAmount'),
		extraInitialAmounts: amountOf('extraInitialAmounts'),
		finalAmount: amountOf('finalAmount'),
		startDate: start,
		isGiftAid: query.isGiftAid === 'true',
		terminationType: query.terminationType as DdcmsTerminationType,
		atTheEnd: query.atTheEnd as DdcmsAtTheEnd,
		numberOfDebits: integerOf('numberOfDebits'),
		terminationDate: query.terminationDate ?? null,
		every: integerOf('every'),
		paymentDayInMonth: integerOf('paymentDayInMonth'),
		paymentMonthInYear: integerOf('paymentMonthInYear'),
		paymentDayInWeek: integerOf('paymentDayInWeek'),
		additionalReference: query.additionalReference ?? null,
		isProtected: false,
		failsOnWrite: false,
		lastComment: null,
	};
	state.contracts.set(id, contract);
	return jsonResponse(200, { DirectDebitRef: contract.reference, Id: contract.id });
}

function archiveContract(call: RouteCall): ProviderResponse {
	// The spec's 403 body for archive differs from the payment routes'.
	const contract = findContract(call, { protectedMessage: 'API not enabled', write: true });
	// The SDKs recognise this answer as "already archived" (its status code is not documented).
	if (contract.directDebitStatus === 'Archived')
		return messageError(400, 'Contract is already archived');
	contract.directDebitStatus = 'Archived';
	contract.scheduleStatus = 'Terminated';
	notifyContractCallback(call, contract, contract.directDebitStatus, null);
	return message('Contract archived');
}

export const CONTRACT_ROUTES: Route[] = [
	ddcmsRoute('POST', '/customer/:customerId/contract', CREATE_CONTRACT_PARAMS, createContract),
	ddcmsRoute('POST', '/contract/:contractId/archive', [], archiveContract),
];
