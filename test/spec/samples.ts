/**
 * Sample parameter values for every operation the conformance test runs, keyed `<resource>.<operation>`. Each
 * entry gives every parameter the operation has (the test also runs it with only the ones the node marks required),
 * with the sandbox's seed ids (sandbox/README.md, "Seed") so the run succeeds. An entry may list variants when an
 * option changes the request (a look-up by id or by number).
 *
 * The CRM-sync entries (marked below) use the parameter names INTERFACE.md pins; they wait unused until the
 * operations exist in the nodes.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/server';

/** The sandbox's today is 2026-06-15 (test/harness/fixture.ts); DDCMS wants start and payment dates ahead. */
const DDCMS_ACTIVE = 'a0000000-0000-4000-8000-000000000001';
const DDCMS_TERMINATED = 'a0000000-0000-4000-8000-000000000002';
const DDCMS_DD_CANCELLED = 'a0000000-0000-4000-8000-000000000004';
const DDCMS_CUSTOMER = 'c0000000-0000-4000-8000-000000000001';
const DDCMS_PAYMENT = 'd0000000-0000-4000-8000-000000000001';
const DDCMS_NEW_CUSTOMER = {
	customerRef: 'CUST-100',
	email: 'grace@example.com',
	title: 'Ms',
	firstName: 'Grace',
	surname: 'Hopper',
	line1: '1 Navy Way',
	postCode: 'AB1 2CD',
	accountNumber: '00123456',
	bankSortCode: '12-34-56',
	accountHolderName: 'G HOPPER',
	additionalFields: {
		line2: 'Arlington',
		line3: 'Virginia',
		line4: 'USA',
		companyName: 'Navy',
		dateOfBirth: '1986-12-09',
		initials: 'GMH',
		homePhoneNumber: '01234567890',
		workPhoneNumber: '01234567891',
		mobilePhoneNumber: '07700900123',
	},
};

export type Samples = Record<string, IDataObject | IDataObject[]>;

/** Per node type, then `<resource>.<operation>` (both nodes have a `customer.get`). */
export const SAMPLES: Record<string, Samples> = {
	accessPaySuite: {
		'contract.cancelSchedule': { contractId: DDCMS_ACTIVE },
		'contract.restartSchedule': {
			contractId: DDCMS_TERMINATED,
			comment: 'Paid up & back on track',
		},
		'contract.cancelDirectDebit': { contractId: DDCMS_ACTIVE },
		'contract.reactivate': { contractId: DDCMS_DD_CANCELLED },
		'contract.updateAmount': { contractId: DDCMS_ACTIVE, amount: '49.99', comment: 'Price rise' },
		'contract.getMany': { customerId: DDCMS_CUSTOMER, returnAll: false, limit: 2 },
		'customer.search': {
			filters: {
				email: 'ada@example.com',
				customerRef: 'CUST-001',
				surname: 'Lovelace',
				postCode: 'AB1 2CD',
			},
			returnAll: true,
		},
		'payment.getMany': { contractId: DDCMS_ACTIVE, returnAll: false, limit: 3 },
		'schedule.getMany': { returnAll: true },

		// CRM sync (INTERFACE.md "CRM-to-billing sync operations")
		'customer.create': DDCMS_NEW_CUSTOMER,
		'customer.update': {
			customerId: DDCMS_CUSTOMER,
			updateFields: { email: 'ada.lovelace@example.com', line1: '12 St James Square' },
		},
		'customer.get': { customerId: DDCMS_CUSTOMER },
		// CUST-001 exists: the look-up finds it and the update follows.
		'customer.upsert': { ...DDCMS_NEW_CUSTOMER, customerRef: 'CUST-001' },
		'contract.create': {
			customerId: DDCMS_CUSTOMER,
			scheduleName: 'Monthly membership',
			start: '2026-07-01',
			isGiftAid: false,
			terminationType: 'Until further notice',
			atTheEnd: 'Switch to Further Notice',
			additionalFields: {
				amount: '25.00',
				initialAmount: '30.00',
				extraInitialAmounts: '10.00',
				every: 1,
				paymentDayInMonth: 1,
				paymentMonthInYear: 7,
				additionalReference: 'CRM-42',
			},
		},
		'contract.archive': { contractId: DDCMS_ACTIVE },
		'payment.create': {
			contractId: DDCMS_ACTIVE,
			amount: '15.00',
			date: '2026-07-01',
			comment: 'Joining fee',
			additionalFields: { isCredit: true },
		},
		'payment.get': { contractId: DDCMS_ACTIVE, paymentId: DDCMS_PAYMENT },
		'payment.update': {
			contractId: DDCMS_ACTIVE,
			paymentId: DDCMS_PAYMENT,
			amount: '20.00',
			date: '2026-07-02',
			comment: 'Moved to July',
		},
		'payment.delete': { contractId: DDCMS_ACTIVE, paymentId: DDCMS_PAYMENT, comment: 'Not needed' },
	},

	magicline: {
		'additionalModuleContract.cancel': {
			contractId: '5001',
			additionalModuleContractId: '7001',
			cancelationDate: '2026-07-31',
			cancelationReasonId: '1001',
		},
		'additionalModuleContract.get': { contractId: '5001', additionalModuleContractId: '7001' },
		'additionalModuleContract.withdrawCancellation': {
			contractId: '5001',
			additionalModuleContractId: '7002',
		},
		'cancelationReason.getMany': { returnAll: true },
		'membership.getContractData': { customerId: '9001' },
		'membership.cancel': {
			customerId: '9001',
			contractId: '5001',
			cancelationDate: '2026-07-31',
			cancelationReasonId: '1001',
		},
		'membership.withdrawCancellation': { customerId: '9001', contractId: '5001' },

		// CRM sync
		'customer.get': [
			{ getBy: 'id', customerId: '9001' },
			{ getBy: 'customerNumber', value: '1-9001' },
		],
		'customer.search': {
			firstName: 'Ada',
			lastName: 'Love',
			email: 'ada@example.com',
			dateOfBirth: '1985-12-10',
			returnAll: true,
		},
		'customer.create': {
			firstName: 'Grace',
			lastName: 'Hopper',
			dateOfBirth: '1986-12-09',
			email: 'grace@example.com',
			street: 'Hauptstraße',
			zipCode: '10115',
			city: 'Berlin',
			countryCode: 'DE',
			languageCode: 'de',
			additionalFields: {
				houseNumber: '12a',
				gender: 'FEMALE',
				phoneNumberPrivate: '+49301234567',
				phoneNumberMobile: '+491701234567',
				thirdPartyId: 'CRM-42',
			},
		},
		'membership.getMany': { customerId: '9001', status: 'ACTIVE', returnAll: true },
	},
};

/** State an operation's sample needs before it runs (the seed has no cancelled main contract to withdraw). */
/** A payment DDCMS still lets you change or delete: only Pending ones can be. */
function pendingPayment(sandbox: Sandbox): void {
	const payment = sandbox.state.accessPaySuite.payments.find((entry) => entry.id === DDCMS_PAYMENT);
	if (payment) payment.status = 'Pending';
}

export const PREPARE: Record<string, Record<string, (sandbox: Sandbox) => void>> = {
	accessPaySuite: {
		'payment.update': pendingPayment,
		'payment.delete': pendingPayment,
	},
	magicline: {
		'membership.withdrawCancellation': (sandbox) => {
			Object.assign(sandbox.state.magicline.contracts.get('5001')!, {
				cancelationStatus: 'CANCELED',
				cancelationDate: '2026-07-31',
				cancelationReasonId: '1001',
			});
		},
	},
};
