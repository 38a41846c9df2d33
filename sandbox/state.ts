/**
 * The live state of the four fake providers (see README "State"). Records use camelCase; each provider module
 * maps them to its wire format. Every id is a string (never a JS number) so ids above 2^53 stay exact;
 * Debitsuccess PayScheduleIds are small ints and stay numbers.
 */

// ---- Access PaySuite DDCMS ------------------------------------------------------------------------------------

export type DdcmsScheduleStatus = 'Active' | 'Terminated';
export type DdcmsDirectDebitStatus =
	| 'Inactive'
	| 'Pending to activate'
	| 'Active'
	| 'Pending to cancel'
	| 'Cancelled'
	| 'Archived'
	| 'Expired';
export const DDCMS_CALLBACK_ENTITIES = ['contract', 'customer', 'payment', 'schedule'] as const;
export type DdcmsCallbackEntity = (typeof DDCMS_CALLBACK_ENTITIES)[number];

/** Optional text fields are null when never given. Dates are 'YYYY-MM-DD'. */
export interface DdcmsCustomer {
	id: string;
	customerRef: string;
	title: string;
	firstName: string | null;
	surname: string;
	email: string | null;
	companyName: string | null;
	initials: string | null;
	dateOfBirth: string | null;
	line1: string;
	line2: string | null;
	line3: string | null;
	line4: string | null;
	postCode: string;
	/** Eight digits, leading zeros kept. */
	accountNumber: string;
	/** Six digits. */
	bankSortCode: string;
	accountHolderName: string;
	homePhoneNumber: string | null;
	workPhoneNumber: string | null;
	mobilePhoneNumber: string | null;
	dateAdded: string;
}

export type DdcmsTerminationType =
	| 'Take certain number of debits'
	| 'Until further notice'
	| 'End on exact date';
export type DdcmsAtTheEnd = 'Expire' | 'Switch to Further Notice';

export interface DdcmsContract {
	id: string;
	customerId: string;
	/** The Direct Debit reference (`DirectDebitRef` / `DirectDebitReference` on the wire). */
	reference: string;
	scheduleId: string;
	scheduleName: string;
	scheduleStatus: DdcmsScheduleStatus;
	/** The Direct Debit status (the `Status` field on the wire). */
	directDebitStatus: DdcmsDirectDebitStatus;
	statusExplanation: string;
	/** Decimal text with two places, e.g. '25.00'; null on ad-hoc contracts. */
	amount: string | null;
	initialAmount: string | null;
	extraInitialAmounts: string | null;
	finalAmount: string | null;
	startDate: string;
	isGiftAid: boolean;
	terminationType: DdcmsTerminationType;
	atTheEnd: DdcmsAtTheEnd;
	numberOfDebits: number | null;
	terminationDate: string | null;
	every: number | null;
	paymentDayInMonth: number | null;
	paymentMonthInYear: number | null;
	paymentDayInWeek: number | null;
	additionalReference: string | null;
	/** Every write answers 403 (ErrorCode 5 on the lifecycle routes, the spec's bodies on the CRM routes). */
	isProtected: boolean;
	/** Every write answers 500 "An error has occurred.". */
	failsOnWrite: boolean;
	/** Last comment given to restartSchedule or amount. */
	lastComment: string | null;
}

/** Pending = queued, not yet submitted to BACS: the only state in which a payment can be changed or deleted. */
export type DdcmsPaymentStatus =
	| 'Pending'
	| 'Paid'
	| 'Represented'
	| 'Unpaid'
	| 'Withdrawn'
	| 'Indemnity Claimed';

export interface DdcmsPayment {
	id: string;
	contractId: string;
	date: string;
	amount: string;
	status: DdcmsPaymentStatus;
	comment: string | null;
	isCredit: boolean;
	isAdhoc: boolean;
	/** BACS reason code of an unpaid payment (0..8), else null. */
	reasonCode: number | null;
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
	/** Running number behind the ids and Direct Debit references the API creates. */
	nextNumber: number;
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
	rateName: string;
	startDate: string;
	endDate: string;
	/** Monthly price, decimal text, e.g. '39.90' (EUR). */
	price: string;
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
	/** Monthly price, decimal text (EUR). */
	price: string;
	status: MagiclineModuleStatus;
	cancelationDate: string | null;
	cancelationReasonId: string | null;
}

export interface MagiclineCustomer {
	customerId: string;
	customerNumber: string;
	status: 'MEMBER' | 'PROSPECT' | 'FORMER_MEMBER';
	firstName: string;
	lastName: string;
	dateOfBirth: string;
	email: string;
	gender: 'MALE' | 'FEMALE' | 'UNISEX' | null;
	street: string;
	houseNumber: string | null;
	zipCode: string;
	city: string;
	/** ISO 3166-1 alpha-2 (`country` on the wire, `countryCode` on create). */
	countryCode: string;
	languageCode: string;
	languageCountryCode: string | null;
	phonePrivate: string | null;
	phonePrivateMobile: string | null;
	phoneBusiness: string | null;
	phoneBusinessMobile: string | null;
	thirdPartyId: string | null;
	/** Decimal card number (an access medium of type CARD_NUMBER). */
	cardNumber: string | null;
	barcode: string | null;
	debtorId: string | null;
	uuid: string;
	bankAccount: { accountHolder: string; bankName: string; bic: string; iban: string } | null;
}

export interface MagiclineState {
	/** By customerId (digit text). */
	customers: Map<string, MagiclineCustomer>;
	/** Id given to the next customer `POST /v1/customers/create` makes. */
	nextCustomerId: number;
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

export interface SingulaCustomer {
	/** A UUID. */
	customerId: string;
	/** Digit text is written as a JSON number, as Singula does. */
	externalUniqueIdentifier: string;
	username: string;
	firstName: string;
	lastName: string;
	email: string;
	dateOfBirth: string | null;
	title: string;
	phone: string | null;
	active: boolean;
	addresses: Array<{ addressType: string; countryCode: string; line1: string; postCode: string }>;
	customAttributes: Array<{ name: string; value: string }>;
	creationDate: string;
	referAFriendCode: string;
}

export interface SingulaState {
	/** By customerId (lower-case UUID). */
	customers: Map<string, SingulaCustomer>;
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
