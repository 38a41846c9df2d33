/**
 * The live state of the four fake providers (see README "State"). Records use camelCase; each provider module
 * maps them to its wire format. Every id is a string (never a JS number) so ids above 2^53 stay exact;
 * Debitsuccess PayScheduleIds are small ints and stay numbers.
 */

// ---- Access PaySuite DDCMS ------------------------------------------------------------------------------------

export type DdcmsScheduleStatus = 'Active' | 'Terminated';
export type DdcmsDirectDebitStatus =
	| 'Pending to activate'
	| 'Active'
	| 'Pending to cancel'
	| 'Cancelled'
	| 'Archived'
	| 'Expired';
export const DDCMS_CALLBACK_ENTITIES = ['contract', 'customer', 'payment', 'schedule'] as const;
export type DdcmsCallbackEntity = (typeof DDCMS_CALLBACK_ENTITIES)[number];

export interface DdcmsCustomer {
	id: string;
	customerRef: string;
	title: string;
	firstName: string;
	surname: string;
	email: string;
	line1: string;
	town: string;
	postCode: string;
}

export interface DdcmsContract {
	id: string;
	customerId: string;
	reference: string;
	scheduleId: string;
	scheduleName: string;
	scheduleStatus: DdcmsScheduleStatus;
	/** The Direct Debit status (the `Status` field on the wire). */
	directDebitStatus: DdcmsDirectDebitStatus;
	/** Decimal text with two places, e.g. '25.00'. */
	amount: string;
	startDate: string;
	/** Every write answers 403 ErrorCode 5. */
	isProtected: boolean;
	/** Every write answers 500 "An error has occurred.". */
	failsOnWrite: boolean;
	/** Last comment given to restartSchedule or amount. */
	lastComment: string | null;
}

export interface DdcmsPayment {
	id: string;
	contractId: string;
	date: string;
	amount: string;
	status: string;
}

export interface DdcmsSchedule {
	id: string;
	name: string;
	frequency: string;
	description: string;
}

export interface DdcmsService {
	name: string;
	schedules: DdcmsSchedule[];
}

export interface AccessPaySuiteState {
	customers: Map<string, DdcmsCustomer>;
	contracts: Map<string, DdcmsContract>;
	/** Newest first. */
	payments: DdcmsPayment[];
	services: DdcmsService[];
	/** Registered callback URL per entity; absent = none. */
	callbacks: Map<DdcmsCallbackEntity, string>;
}

// ---- Magicline ------------------------------------------------------------------------------------------------

export interface MagiclineCancelationReason {
	cancelationReasonId: string;
	cancelationReasonName: string;
}

export interface MagiclineContract {
	contractId: string;
	customerId: string;
	contractStatus: 'ACTIVE';
	cancelationStatus: 'NOT_CANCELED' | 'CANCELED';
	availableCancelationDates: string[];
	cancelationDate: string | null;
	cancelationReasonId: string | null;
	/** Every write on this contract or its modules answers 500 UNEXPECTED_ERROR. */
	failsOnWrite: boolean;
}

/** LOCKED: every write answers 409 CONCURRENT_MODIFICATION. */
export type MagiclineModuleStatus = 'ACTIVE' | 'CANCELED' | 'LOCKED';

export interface MagiclineModuleContract {
	additionalModuleContractId: string;
	contractId: string;
	name: string;
	startDate: string;
	status: MagiclineModuleStatus;
	cancelationDate: string | null;
	cancelationReasonId: string | null;
}

export interface MagiclineState {
	cancelationReasons: MagiclineCancelationReason[];
	/** Main contracts by contractId. */
	contracts: Map<string, MagiclineContract>;
	/** Additional module contracts by additionalModuleContractId. */
	moduleContracts: Map<string, MagiclineModuleContract>;
}

// ---- Singula --------------------------------------------------------------------------------------------------

export type SingulaContractStatus = 'ACTIVE' | 'DOWNGRADE_SCHEDULED' | 'CUSTOMER_CANCELLED';

/** How a contract misbehaves, to trigger the provider faults that do not follow from its status. */
export type SingulaContractBehaviour =
	| 'normal'
	| 'crossgradeBlocked' // change → 90063
	| 'paymentDeclined' // change to an UPGRADE → 90045
	| 'paymentSystemDown' // change to an UPGRADE → 90050
	| 'systemFailure' // any change → 90061
	| 'invalidPaymentMethod' // cancel → 90025
	| 'cancellationFails'; // cancel → 90006

export interface SingulaContract {
	contractId: string;
	customerId: string;
	orderId: string;
	itemCode: string;
	status: SingulaContractStatus;
	startDate: string;
	nextPaymentDate: string;
	paidUpToDate: string;
	changeDate: string | null;
	changeToItem: string | null;
	cancellationDate: string | null;
	/** False: GET change answers `{}` and every itemCode is an invalid path (90018). */
	hasChangePaths: boolean;
	behaviour: SingulaContractBehaviour;
}

export interface SingulaState {
	/** By contractId (string, compared as text). */
	contracts: Map<string, SingulaContract>;
}

// ---- Debitsuccess ---------------------------------------------------------------------------------------------

export type DebitsuccessAccountStatus = 'Active' | 'Cancelled';

export type DebitsuccessAccountBehaviour =
	| 'normal'
	| 'cancelFails' // CancelAccount → Failed 09
	| 'statusUnknown'; // every operation → Status Unknown, no notes

export interface DebitsuccessAccount {
	accountReferenceNo: string;
	externalAccountReferenceNo: string;
	status: DebitsuccessAccountStatus;
	firstName: string;
	lastName: string;
	nextBillingDate: string | null;
	overdueStatus: string;
	overdueAmount: string;
	regularPaymentAmount: string;
	cancellationReason: 'Transfer' | 'Facility Request' | null;
	cancellationNote: string | null;
	behaviour: DebitsuccessAccountBehaviour;
}

export interface DebitsuccessSuspension {
	payScheduleId: number;
	accountReferenceNo: string;
	startDate: string;
	/** null = open-ended. */
	endDate: string | null;
	numberOfPaymentCycles: number | null;
	suspensionFee: string | null;
	suspensionFeeFrequency: string | null;
	stopDirectDebits: boolean | null;
	stopOverdueMail: boolean | null;
}

export interface DebitsuccessState {
	/** By AccountReferenceNo. */
	accounts: Map<string, DebitsuccessAccount>;
	/** By PayScheduleId. */
	suspensions: Map<number, DebitsuccessSuspension>;
	/** Id given to the next suspension SuspendAccountForNumberOfPaymentCycles creates. */
	nextPayScheduleId: number;
}

export interface SandboxState {
	accessPaySuite: AccessPaySuiteState;
	magicline: MagiclineState;
	singula: SingulaState;
	debitsuccess: DebitsuccessState;
}
