/** State records → DDCMS's PascalCase JSON. */
import { num } from '../../json';
import type { AccessPaySuiteState, DdcmsContract, DdcmsCustomer, DdcmsPayment } from '../../state';
import { dateTime } from './responses';

const amountOrNull = (amount: string | null) => (amount === null ? null : num(amount));

/** The spec's Customer definition (GET customer and GET customer/{id}). */
export function customerToWire(
	customer: DdcmsCustomer,
	state: AccessPaySuiteState,
	includeMemos = true,
) {
	return {
		Id: customer.id,
		CustomerRef: customer.customerRef,
		Title: customer.title,
		FirstName: customer.firstName,
		Surname: customer.surname,
		CompanyName: customer.companyName,
		Email: customer.email,
		DateOfBirth: customer.dateOfBirth === null ? null : dateTime(customer.dateOfBirth),
		DateAdded: dateTime(customer.dateAdded),
		HomePhoneNumber: customer.homePhoneNumber,
		WorkPhoneNumber: customer.workPhoneNumber,
		MobilePhoneNumber: customer.mobilePhoneNumber,
		IsArchived: isArchived(customer, state),
		AddressDetail: {
			Line1: customer.line1,
			Line2: customer.line2,
			Line3: customer.line3,
			Line4: customer.line4,
			PostCode: customer.postCode,
		},
		BankDetail: {
			AccountHolderName: customer.accountHolderName,
			AccountNumber: customer.accountNumber,
			BankSortCode: customer.bankSortCode,
		},
		Memos: includeMemos ? [] : null,
	};
}

/** "true if all of the customer's contracts are archived" — so also for a new customer without any. */
function isArchived(customer: DdcmsCustomer, state: AccessPaySuiteState): boolean {
	return [...state.contracts.values()].every(
		(contract) => contract.customerId !== customer.id || contract.directDebitStatus === 'Archived',
	);
}

/** The spec's Contract definition, plus the sandbox's own `CustomerId`, `Reference` and schedule fields. */
export function contractToWire(contract: DdcmsContract) {
	return {
		Id: contract.id,
		CustomerId: contract.customerId,
		Reference: contract.reference,
		DirectDebitReference: contract.reference,
		Status: contract.directDebitStatus,
		StatusExplanation: contract.statusExplanation,
		ScheduleStatus: contract.scheduleStatus,
		ScheduleId: contract.scheduleId,
		ScheduleName: contract.scheduleName,
		Amount: amountOrNull(contract.amount),
		InitialAmount: amountOrNull(contract.initialAmount),
		ExtraInitialAmounts: amountOrNull(contract.extraInitialAmounts),
		FinalAmount: amountOrNull(contract.finalAmount),
		Start: dateTime(contract.startDate),
		IsGiftAid: contract.isGiftAid,
		TerminationType: contract.terminationType,
		AtTheEnd: contract.atTheEnd,
		NumberOfDebits: contract.numberOfDebits,
		TerminationDate: contract.terminationDate === null ? null : dateTime(contract.terminationDate),
		Every: contract.every,
		PaymentDayInMonth:
			contract.paymentDayInMonth === null ? null : paymentDayText(contract.paymentDayInMonth),
		PaymentMonthInYear: contract.paymentMonthInYear,
		PaymentDayInWeek: contract.paymentDayInWeek,
	};
}

/** The spec returns PaymentDayInMonth as text: '1'…'28' or 'Last Day of the Month' (98 has no documented text). */
function paymentDayText(day: number): string {
	if (day === 99) return 'Last Day of the Month';
	if (day === 98) return 'Last Working Day of the Month';
	return String(day);
}

/** A row of `GET contract/{id}/payment`. */
export function paymentRowToWire(payment: DdcmsPayment) {
	return {
		Id: payment.id,
		Date: dateTime(payment.date),
		Amount: num(payment.amount),
		Status: payment.status,
	};
}

/** The spec's Payment definition (`GET contract/{id}/payment/{paymentId}`). */
export function paymentToWire(payment: DdcmsPayment) {
	return {
		Id: payment.id,
		Amount: num(payment.amount),
		Comment: payment.comment,
		Date: dateTime(payment.date),
		IsAdhoc: payment.isAdhoc,
		IsCredit: payment.isCredit,
		ReasonCode: payment.reasonCode,
		Status: payment.status,
		Type: 'BACS',
	};
}
