/**
 * One-off (ad-hoc) payments on a contract (spec tags "Adding/Querying Payments", "Payment Manipulation").
 * A new payment is Pending (queued); the spec says a payment can be changed or deleted only until it is submitted
 * to BACS, i.e. while it is Pending. The seed's older payments are Paid or Unpaid and so are refused.
 */
import { failWith, jsonResponse, type Route, type RouteCall } from '../../http';
import { num } from '../../json';
import type { DdcmsContract, DdcmsPayment } from '../../state';
import type { ProviderResponse } from '../../types';
import { addWorkingDays, SUBSEQUENT_PAYMENT_DELAY } from './calendar';
import { MAX_COMMENT_LENGTH } from './lifecycle';
import {
	amount,
	date,
	ddcmsRoute,
	flag,
	isPositive,
	required,
	text,
	toTwoDecimals,
	type QueryValues,
} from './query';
import { findContract, findPayment, nextId } from './records';
import { dateTime, invalid, message, messageError } from './responses';
import { paymentToWire } from './wire';

const COMMENT = text('comment', MAX_COMMENT_LENGTH);

/** The spec's documented answer to a missing, zero or negative amount. */
function checkAmount(amountText: string | undefined): string {
	if (amountText === undefined || !isPositive(amountText))
		failWith(messageError(400, 'Amount must be greater than zero'));
	return toTwoDecimals(amountText);
}

/** "at least 5 working days in the future … and not before the start date set when creating the contract". */
function checkDate(paymentDate: string, contract: DdcmsContract, today: string): string {
	const earliest = addWorkingDays(today, SUBSEQUENT_PAYMENT_DELAY);
	if (paymentDate < earliest)
		invalid(
			`date must be at least ${SUBSEQUENT_PAYMENT_DELAY} working days from today: ${earliest} or later`,
		);
	if (paymentDate < contract.startDate)
		invalid(`date must not be before the contract's start date ${contract.startDate}`);
	return paymentDate;
}

/** Inferred: a payment cannot be taken on an archived or cancelled Direct Debit. */
function checkCollectable(contract: DdcmsContract): void {
	if (contract.directDebitStatus === 'Archived' || contract.directDebitStatus === 'Cancelled')
		invalid(`The contract is ${contract.directDebitStatus} and cannot take payments`);
}

function checkChangeable(payment: DdcmsPayment): void {
	if (payment.status !== 'Pending')
		invalid(
			`The payment is ${payment.status}: it has been submitted to BACS and cannot be changed`,
		);
}

function createPayment(call: RouteCall, query: QueryValues): ProviderResponse {
	const contract = findContract(call, {
		protectedMessage: 'Contract cannot be accessed',
		write: true,
	});
	const paymentAmount = checkAmount(query.amount);
	checkCollectable(contract);
	const payment: DdcmsPayment = {
		id: nextId(call.context.state.accessPaySuite, 'd'),
		contractId: contract.id,
		date: checkDate(query.date!, contract, call.context.today),
		amount: paymentAmount,
		status: 'Pending',
		comment: query.comment!,
		isCredit: query.isCredit === 'true',
		isAdhoc: true,
		reasonCode: null,
	};
	call.context.state.accessPaySuite.payments.unshift(payment);
	return jsonResponse(200, {
		Amount: num(payment.amount),
		Contract: contract.id,
		DueDate: dateTime(payment.date),
		Id: payment.id,
	});
}

function getPayment(call: RouteCall): ProviderResponse {
	return jsonResponse(200, paymentToWire(findPayment(call, false)));
}

function updatePayment(call: RouteCall, query: QueryValues): ProviderResponse {
	// The spec declares all three required and documents this answer for a call without them.
	if (query.amount === undefined || query.date === undefined || query.comment === undefined)
		return messageError(400, 'An amount, comment or date must be passed');
	const payment = findPayment(call, true);
	checkChangeable(payment);
	const contract = call.context.state.accessPaySuite.contracts.get(payment.contractId)!;
	const newAmount = checkAmount(query.amount);
	const newDate = checkDate(query.date, contract, call.context.today);
	Object.assign(payment, { amount: newAmount, date: newDate, comment: query.comment });
	return message('Payment updated');
}

function deletePayment(call: RouteCall, query: QueryValues): ProviderResponse {
	if (query.comment === undefined) return messageError(400, 'Comment must not be empty');
	const payment = findPayment(call, true);
	checkChangeable(payment);
	const { payments } = call.context.state.accessPaySuite;
	payments.splice(payments.indexOf(payment), 1);
	return message('Payment deleted');
}

const PAYMENT_PATH = '/contract/:contractId/payment/:paymentId';

export const PAYMENT_ROUTES: Route[] = [
	ddcmsRoute(
		'POST',
		'/contract/:contractId/payment',
		[amount('amount'), required(date('date')), required(COMMENT), flag('isCredit')],
		createPayment,
	),
	ddcmsRoute('GET', PAYMENT_PATH, [], getPayment),
	ddcmsRoute('PATCH', PAYMENT_PATH, [COMMENT, amount('amount'), date('date')], updatePayment),
	ddcmsRoute('DELETE', PAYMENT_PATH, [COMMENT], deletePayment),
];
