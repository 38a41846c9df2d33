/**
 * Seed data (README "Seed data"). `createSeedState` builds a fresh copy on every reset; dates are relative to
 * the sandbox's `today` so the scenarios behave the same whatever day the tests run.
 */
import { addDays, lastDaysOfFollowingMonths } from './dates';
import type {
	AccessPaySuiteState,
	DdcmsContract,
	DdcmsCustomer,
	DebitsuccessAccount,
	DebitsuccessState,
	DebitsuccessSuspension,
	MagiclineCustomer,
	MagiclineModuleContract,
	MagiclineState,
	SandboxState,
	SingulaContract,
	SingulaContractBehaviour,
	SingulaCustomer,
	SingulaState,
} from './state';

export const DDCMS_CUSTOMER_1 = 'c0000000-0000-4000-8000-000000000001';
export const DDCMS_CUSTOMER_2 = 'c0000000-0000-4000-8000-000000000002';
export const SINGULA_CUSTOMER_ID = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01';
export const SINGULA_CUSTOMER_2_ID = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f02';

/** GUID-like id with a one-letter kind and a running number, e.g. ('a', 1) → a0000000-0000-4000-8000-000000000001. */
export function seedGuid(kind: string, n: number): string {
	return `${kind}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function createSeedState(today: string): SandboxState {
	return {
		accessPaySuite: seedAccessPaySuite(today),
		magicline: seedMagicline(today),
		singula: seedSingula(today),
		debitsuccess: seedDebitsuccess(today),
	};
}

function byKey<T, K>(records: T[], key: (record: T) => K): Map<K, T> {
	return new Map(records.map((record) => [key(record), record]));
}

// ---- Access PaySuite ------------------------------------------------------------------------------------------

function seedAccessPaySuite(today: string): AccessPaySuiteState {
	const monthly = seedGuid('b', 1);
	const contract = (
		n: number,
		customerId: string,
		fields: Partial<DdcmsContract>,
	): DdcmsContract => ({
		id: seedGuid('a', n),
		customerId,
		reference: `CON-00${n}`,
		scheduleId: monthly,
		scheduleName: 'Monthly membership',
		scheduleStatus: 'Active',
		directDebitStatus: 'Active',
		statusExplanation: 'N/A',
		amount: '25.00',
		initialAmount: null,
		extraInitialAmounts: null,
		finalAmount: null,
		startDate: addDays(today, -400),
		isGiftAid: false,
		terminationType: 'Until further notice',
		atTheEnd: 'Switch to Further Notice',
		numberOfDebits: null,
		terminationDate: null,
		every: 1,
		paymentDayInMonth: 1,
		paymentMonthInYear: null,
		paymentDayInWeek: null,
		additionalReference: null,
		isProtected: false,
		failsOnWrite: false,
		lastComment: null,
		...fields,
	});
	const customer = (
		n: number,
		fields: Pick<DdcmsCustomer, 'customerRef' | 'title' | 'firstName' | 'surname' | 'email'> &
			Partial<DdcmsCustomer>,
	): DdcmsCustomer => ({
		id: seedGuid('c', n),
		companyName: null,
		initials: null,
		dateOfBirth: null,
		line1: `${n} Seed Street`,
		line2: null,
		line3: null,
		line4: null,
		postCode: 'AB1 2CD',
		accountNumber: `0000000${n}`,
		bankSortCode: '200000',
		accountHolderName: `${fields.firstName} ${fields.surname}`.toUpperCase().slice(0, 18),
		homePhoneNumber: null,
		workPhoneNumber: null,
		mobilePhoneNumber: null,
		dateAdded: addDays(today, -400),
		...fields,
	});
	return {
		customers: byKey(
			[
				customer(1, {
					customerRef: 'CUST-001',
					title: 'Ms',
					firstName: 'Ada',
					surname: 'Lovelace',
					email: 'ada@example.com',
					line1: '12 Analytical Row',
					line3: 'London',
					accountNumber: '01065285',
					bankSortCode: '309906',
					dateOfBirth: '1985-12-10',
				}),
				customer(2, {
					customerRef: 'CUST-002',
					title: 'Mr',
					firstName: 'Alan',
					surname: 'Turing',
					email: 'alan@example.com',
					line1: '1 Bletchley Lane',
					line3: 'Milton Keynes',
					postCode: 'ZZ9 9ZZ',
				}),
				// CUST-001 is a part of CUST-0010: a customerRef search finds both (DDCMS matches partially).
				customer(3, {
					customerRef: 'CUST-0010',
					title: 'Dr',
					firstName: 'Grace',
					surname: 'Hopper',
					email: 'grace@example.com',
				}),
				// Two records with one reference, as left by an import from before the uniqueness check.
				customer(4, {
					customerRef: 'CUST-DUP',
					title: 'Mr',
					firstName: 'Edsger',
					surname: 'Dijkstra',
					email: 'edsger@example.com',
				}),
				customer(5, {
					customerRef: 'CUST-DUP',
					title: 'Mx',
					firstName: 'Barbara',
					surname: 'Liskov',
					email: 'barbara@example.com',
				}),
			],
			(c) => c.id,
		),
		contracts: byKey(
			[
				contract(1, DDCMS_CUSTOMER_1, {}),
				contract(2, DDCMS_CUSTOMER_1, { scheduleStatus: 'Terminated' }),
				contract(3, DDCMS_CUSTOMER_2, { amount: '30.00', isProtected: true }),
				contract(4, DDCMS_CUSTOMER_2, {
					scheduleStatus: 'Terminated',
					directDebitStatus: 'Cancelled',
					amount: '19.99',
				}),
				contract(5, DDCMS_CUSTOMER_2, { amount: '40.00', failsOnWrite: true }),
			],
			(c) => c.id,
		),
		payments: [0, 1, 2, 3, 4].map((i) => ({
			id: seedGuid('d', i + 1),
			contractId: seedGuid('a', 1),
			date: addDays(today, -5 - 30 * i),
			amount: '25.00',
			status: i === 2 ? 'Unpaid' : 'Paid',
			comment: null,
			isCredit: false,
			isAdhoc: false,
			reasonCode: i === 2 ? 0 : null,
		})),
		nextNumber: 100,
		services: [
			{
				name: 'Gym memberships',
				schedules: [
					{
						id: monthly,
						name: 'Monthly membership',
						frequency: 'Monthly',
						description: 'Collected on the 1st of each month',
					},
					{
						id: seedGuid('b', 2),
						name: 'Annual membership',
						frequency: 'Annually',
						description: 'One collection a year',
					},
				],
			},
			{
				name: 'Classes',
				schedules: [
					{
						id: seedGuid('b', 3),
						name: 'Class pass',
						frequency: 'Monthly',
						// The SDKs tell an ad-hoc schedule by this text in its description.
						description: 'AD-HOC Payments: collected when classes are booked',
					},
				],
			},
		],
		callbacks: new Map(),
	};
}

// ---- Magicline ------------------------------------------------------------------------------------------------

function seedMagicline(today: string): MagiclineState {
	const availableCancelationDates = lastDaysOfFollowingMonths(today, 3);
	const mainContract = (contractId: string, customerId: string, failsOnWrite: boolean) => ({
		contractId,
		customerId,
		rateName: 'Premium 12 months',
		startDate: addDays(today, -200),
		endDate: addDays(today, 165),
		price: '39.90',
		contractStatus: 'ACTIVE' as const,
		cancelationStatus: 'NOT_CANCELED' as const,
		availableCancelationDates: [...availableCancelationDates],
		cancelationDate: null,
		cancelationReasonId: null,
		failsOnWrite,
	});
	const module = (
		id: string,
		contractId: string,
		name: string,
		fields: Partial<MagiclineModuleContract> = {},
	): MagiclineModuleContract => ({
		additionalModuleContractId: id,
		contractId,
		name,
		startDate: addDays(today, -180),
		price: '9.90',
		status: 'ACTIVE',
		cancelationDate: null,
		cancelationReasonId: null,
		...fields,
	});
	const customer = (
		customerId: string,
		fields: Pick<MagiclineCustomer, 'firstName' | 'lastName' | 'email' | 'dateOfBirth'> &
			Partial<MagiclineCustomer>,
	): MagiclineCustomer => ({
		customerId,
		customerNumber: `1-${customerId}`,
		status: 'MEMBER',
		gender: null,
		street: 'Am Bahnhof',
		houseNumber: '89',
		zipCode: '12133',
		city: 'Munich',
		countryCode: 'DE',
		languageCode: 'de',
		languageCountryCode: 'DE',
		phonePrivate: null,
		phonePrivateMobile: null,
		phoneBusiness: null,
		phoneBusinessMobile: null,
		thirdPartyId: null,
		cardNumber: null,
		barcode: null,
		debtorId: null,
		uuid: `7be3932c-825b-4401-abff-${customerId.padStart(12, '0').slice(-12)}`,
		bankAccount: null,
		...fields,
	});
	return {
		customers: byKey(
			[
				customer('9001', {
					firstName: 'Erika',
					lastName: 'Mustermann',
					email: 'erika@example.com',
					dateOfBirth: '1985-04-12',
					gender: 'FEMALE',
					phonePrivateMobile: '+49 15223433333',
					thirdPartyId: 'CRM-9001',
					cardNumber: '4711',
					barcode: 'ML-9001',
					debtorId: 'D-9001',
					bankAccount: {
						accountHolder: 'Erika Mustermann',
						bankName: 'Deutsche Bank',
						bic: 'DEUTDEFFXXX',
						iban: 'DE91 1000 0000 0123 4567 89',
					},
				}),
				customer('9002', {
					firstName: 'Edgar',
					lastName: 'Bullock',
					email: 'edgar@example.com',
					dateOfBirth: '1952-05-04',
					status: 'PROSPECT',
					gender: 'MALE',
				}),
				customer('9999', {
					firstName: 'Max',
					lastName: 'Mustermann',
					email: 'max@example.com',
					dateOfBirth: '1980-01-01',
				}),
				customer('9007199254740993', {
					firstName: 'Ida',
					lastName: 'Large',
					email: 'ida@example.com',
					dateOfBirth: '1990-09-09',
					status: 'PROSPECT',
				}),
			],
			(c) => c.customerId,
		),
		nextCustomerId: 10001,
		cancelationReasons: [
			{ cancelationReasonId: '1001', cancelationReasonName: 'Moving away' },
			{ cancelationReasonId: '1002', cancelationReasonName: 'Financial reasons' },
			{ cancelationReasonId: '1003', cancelationReasonName: 'Health' },
		],
		contracts: byKey(
			[mainContract('5001', '9001', false), mainContract('5999', '9999', true)],
			(c) => c.contractId,
		),
		moduleContracts: byKey(
			[
				module('7001', '5001', 'Sauna'),
				module('7002', '5001', 'Drinks flat rate', {
					status: 'CANCELED',
					cancelationDate: availableCancelationDates[0],
					cancelationReasonId: '1002',
				}),
				module('7003', '5001', 'Towel service', { status: 'LOCKED' }),
				module('9007199254740993', '5001', 'Personal training'),
				module('7999', '5999', 'Solarium'),
			],
			(m) => m.additionalModuleContractId,
		),
	};
}

// ---- Singula --------------------------------------------------------------------------------------------------

function seedSingula(today: string): SingulaState {
	const contract = (
		contractId: string,
		behaviour: SingulaContractBehaviour,
		fields: Partial<SingulaContract> = {},
	): SingulaContract => ({
		contractId,
		customerId: SINGULA_CUSTOMER_ID,
		orderId: `6${contractId.slice(-4)}`,
		itemCode: 'BASIC',
		status: 'ACTIVE',
		startDate: addDays(today, -200),
		nextPaymentDate: addDays(today, 10),
		paidUpToDate: addDays(today, 9),
		changeDate: null,
		changeToItem: null,
		cancellationDate: null,
		hasChangePaths: true,
		behaviour,
		...fields,
	});
	const customer = (
		customerId: string,
		fields: Pick<SingulaCustomer, 'externalUniqueIdentifier' | 'firstName' | 'lastName' | 'email'> &
			Partial<SingulaCustomer>,
	): SingulaCustomer => ({
		customerId,
		username: fields.email,
		dateOfBirth: null,
		title: '-',
		phone: null,
		active: true,
		addresses: [
			{ addressType: 'HOME', countryCode: 'GBR', line1: '1 Sandbox Street', postCode: 'AB1 2CD' },
		],
		customAttributes: [],
		creationDate: `${addDays(today, -200)}T07:19:21+01:00`,
		referAFriendCode: 'PIh70mZL',
		...fields,
	});
	return {
		customers: byKey(
			[
				customer(SINGULA_CUSTOMER_ID, {
					externalUniqueIdentifier: '100471887',
					firstName: 'Ada',
					lastName: 'Lovelace',
					email: 'ada@example.com',
					dateOfBirth: '1985-12-10',
					customAttributes: [{ name: 'accepted_terms', value: '2029-06-29' }],
				}),
				customer(SINGULA_CUSTOMER_2_ID, {
					externalUniqueIdentifier: 'crm-alan',
					firstName: 'Alan',
					lastName: 'Turing',
					email: 'alan@example.com',
					active: false,
				}),
			],
			(c) => c.customerId,
		),
		contracts: byKey(
			[
				contract('80001', 'normal'),
				contract('80002', 'normal', {
					status: 'CUSTOMER_CANCELLED',
					cancellationDate: addDays(today, -20),
				}),
				contract('80003', 'crossgradeBlocked'),
				contract('80004', 'paymentDeclined'),
				contract('80005', 'paymentSystemDown'),
				contract('80006', 'systemFailure'),
				contract('80007', 'normal', { hasChangePaths: false }),
				contract('80008', 'invalidPaymentMethod'),
				contract('80009', 'cancellationFails'),
				contract('9007199254740993', 'normal'),
			],
			(c) => c.contractId,
		),
	};
}

// ---- Debitsuccess ---------------------------------------------------------------------------------------------

function seedDebitsuccess(today: string): DebitsuccessState {
	const account = (
		accountReferenceNo: string,
		externalAccountReferenceNo: string,
		fields: Partial<DebitsuccessAccount> = {},
	): DebitsuccessAccount => ({
		accountReferenceNo,
		externalAccountReferenceNo,
		status: 'Active',
		firstName: 'Ada',
		lastName: 'Lovelace',
		nextBillingDate: addDays(today, 7),
		overdueStatus: 'None',
		overdueAmount: '0.00',
		regularPaymentAmount: '19.99',
		cancellationReason: null,
		cancellationNote: null,
		behaviour: 'normal',
		...fields,
	});
	const suspension = (
		payScheduleId: number,
		startOffset: number,
		endOffset: number,
	): DebitsuccessSuspension => ({
		payScheduleId,
		accountReferenceNo: 'DS1001',
		startDate: addDays(today, startOffset),
		endDate: addDays(today, endOffset),
		numberOfPaymentCycles: null,
		suspensionFee: null,
		suspensionFeeFrequency: null,
		stopDirectDebits: null,
		stopOverdueMail: null,
	});
	return {
		accounts: byKey(
			[
				account('DS1001', 'EXT-1001'),
				account('DS1002', 'EXT-1002', {
					status: 'Cancelled',
					firstName: 'Charles',
					lastName: 'Babbage',
					nextBillingDate: null,
					cancellationReason: 'Facility Request',
					cancellationNote: 'Facility Request',
				}),
				account('DS1003', 'EXT-DUP', {
					firstName: 'Grace',
					lastName: 'Hopper',
					regularPaymentAmount: '24.50',
				}),
				account('DS1004', 'EXT-DUP', {
					firstName: 'Grace',
					lastName: 'Hopper',
					regularPaymentAmount: '12.00',
				}),
				account('DS1005', 'EXT-1005', {
					firstName: 'Edsger',
					lastName: 'Dijkstra',
					behaviour: 'cancelFails',
				}),
				account('DS1006', 'EXT-1006', {
					firstName: 'Barbara',
					lastName: 'Liskov',
					behaviour: 'statusUnknown',
				}),
			],
			(a) => a.accountReferenceNo,
		),
		suspensions: byKey(
			[
				suspension(501, 30, 60),
				suspension(502, -60, -30),
				suspension(503, 90, 120),
				suspension(504, 150, 180),
			],
			(s) => s.payScheduleId,
		),
		nextPayScheduleId: 600,
	};
}
