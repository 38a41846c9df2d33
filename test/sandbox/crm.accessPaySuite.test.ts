/**
 * The DDCMS CRM-sync routes over real HTTP: customers, contracts on a schedule, archive and one-off payments.
 * today = 2030-01-15 (a Tuesday): 10 working days later is 2030-01-29, 5 working days later 2030-01-22.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../sandbox/server';
import { DDCMS_CONTRACT, ddcms, send, TODAY, type Reply } from './helpers';
import { json, useSandbox } from './crm.helpers';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const ADA = 'c0000000-0000-4000-8000-000000000001';
const PAID_PAYMENT = 'd0000000-0000-4000-8000-000000000001';
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
const validation = (detail: string) => ({
	ErrorCode: 3,
	Detail: detail,
	Message: 'Validation error',
});
const missing = (name: string) => ({
	ErrorCode: 2,
	Detail: `The ${name} parameter is required`,
	Message: 'Parameter arguments incorrect',
});

const NEW_CUSTOMER = {
	email: 'kathleen@example.com',
	title: 'Mrs',
	customerRef: 'CRM-42',
	firstName: 'Kathleen',
	surname: 'Booth',
	line1: '3 Assembly Road',
	postCode: 'GL52 2NF',
	accountNumber: '01234567',
	bankSortCode: '089286',
	accountHolderName: 'MRS K BOOTH',
};

function createCustomer(params: Record<string, string> = NEW_CUSTOMER): Promise<Reply> {
	return ddcms(sandbox, 'POST', `customer?${query(params)}`);
}

/** A POST with the same query and a body, as a client sending JSON would. */
function withBody(method: string, path: string): Promise<Reply> {
	return send(`${sandbox.urls.accessPaySuite}/api/v3/client/DEMO/${path}`, {
		method,
		headers: {
			apiKey: SANDBOX_CREDENTIALS.accessPaySuite.apiKey,
			'Content-Type': 'application/json',
		},
		body: '{"Amount":10}',
	});
}

describe('customers', () => {
	it('creates a customer from query parameters only and answers CustomerRef and Id', async () => {
		const reply = await createCustomer();
		expect(reply.status).toBe(200);
		const { Id, CustomerRef } = json(reply);
		expect(CustomerRef).toBe('CRM-42');
		expect(Object.keys(json(reply)).sort()).toEqual(['CustomerRef', 'Id']);
		expect(sandbox.state.accessPaySuite.customers.get(Id)).toMatchObject({
			customerRef: 'CRM-42',
			accountNumber: '01234567',
			bankSortCode: '089286',
			accountHolderName: 'MRS K BOOTH',
			line2: null,
			dateAdded: TODAY,
		});
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', body: '' });

		const got = await ddcms(sandbox, 'GET', `customer/${Id}`);
		expect(json(got)).toEqual({
			Id,
			CustomerRef: 'CRM-42',
			Title: 'Mrs',
			FirstName: 'Kathleen',
			Surname: 'Booth',
			CompanyName: null,
			Email: 'kathleen@example.com',
			DateOfBirth: null,
			DateAdded: `${TODAY}T00:00:00.000`,
			HomePhoneNumber: null,
			WorkPhoneNumber: null,
			MobilePhoneNumber: null,
			IsArchived: true,
			AddressDetail: {
				Line1: '3 Assembly Road',
				Line2: null,
				Line3: null,
				Line4: null,
				PostCode: 'GL52 2NF',
			},
			BankDetail: {
				AccountHolderName: 'MRS K BOOTH',
				AccountNumber: '01234567',
				BankSortCode: '089286',
			},
			Memos: [],
		});
	});

	it('reads the optional fields, dates in either spec form, and parameter names in any case', async () => {
		const reply = await createCustomer({
			...NEW_CUSTOMER,
			Line2: 'Flat 2',
			line3: 'Cheltenham',
			companyName: 'Booth & Co',
			dateOfBirth: '1922-07-22T00:00:00.000',
			initials: 'KHV',
			homePhoneNumber: '01234567890',
			mobilePhoneNumber: '07700900123',
		});
		expect(reply.status).toBe(200);
		expect(sandbox.state.accessPaySuite.customers.get(json(reply).Id)).toMatchObject({
			line2: 'Flat 2',
			line3: 'Cheltenham',
			companyName: 'Booth & Co',
			dateOfBirth: '1922-07-22',
			initials: 'KHV',
			homePhoneNumber: '01234567890',
			mobilePhoneNumber: '07700900123',
		});
	});

	it('refuses a customerRef already in use, whatever its case, with ErrorCode 3', async () => {
		const reply = await createCustomer({ ...NEW_CUSTOMER, customerRef: 'cust-001' });
		expect([reply.status, json(reply)]).toEqual([
			400,
			validation(
				'There is an existing Customer with the same Client and Customer ref in the database already.',
			),
		]);
		expect(sandbox.state.accessPaySuite.customers.size).toBe(5);
	});

	it.each([
		[
			'email missing',
			{ email: '' },
			{ ErrorCode: 2, Detail: null, Message: 'Customer email is mandatory for this client' },
		],
		['surname missing', { surname: '' }, missing('surname')],
		['line1 missing', { line1: '' }, missing('line1')],
		[
			'title not one of the spec',
			{ title: 'Mister' },
			validation(
				'title must be one of: Mrs, Mr, Miss, Ms, Dr, Sir, Lord, Lady, Prof., Rev., Master, Mx',
			),
		],
		[
			'invalid postcode',
			{ postCode: '12345' },
			validation('Invalid Postcode. The postcode must have 5, 6 or 7 characters only'),
		],
		[
			'account number of 7 digits',
			{ accountNumber: '1234567' },
			validation('accountNumber must be eight digits'),
		],
		[
			'sort code with hyphens',
			{ bankSortCode: '08-92-86' },
			validation('bankSortCode must not be longer than 6 characters'),
		],
		[
			'account holder with an apostrophe',
			{ accountHolderName: "MRS K O'BOOTH" },
			validation(
				'Account holder name must contain only: upper case letters (A-Z), numbers (0-9), full stop (.), forward slash (/), dash (-), Ampersand (&) and space',
			),
		],
		[
			'account holder longer than 18',
			{ accountHolderName: 'MRS KATHLEEN BOOTHS' },
			validation('accountHolderName must not be longer than 18 characters'),
		],
		[
			'line2 longer than 30',
			{ line2: 'x'.repeat(31) },
			validation('line2 must not be longer than 30 characters'),
		],
		[
			'dateOfBirth not a date',
			{ dateOfBirth: '22/07/1922' },
			validation('dateOfBirth must be a date, YYYY-MM-DD or YYYY-MM-DDT00:00:00.000'),
		],
		[
			'an SDK phone name the spec does not declare',
			{ homePhone: '0123' },
			validation("'homePhone' is not a parameter of this call"),
		],
	])('refuses a create with %s, creating nothing', async (_, change, body) => {
		const reply = await createCustomer({ ...NEW_CUSTOMER, ...change });
		expect([reply.status, json(reply)]).toEqual([400, body]);
		expect(sandbox.state.accessPaySuite.customers.size).toBe(5);
	});

	it('refuses a body on create', async () => {
		const reply = await withBody('POST', `customer?${query(NEW_CUSTOMER)}`);
		expect([reply.status, json(reply)]).toEqual([
			400,
			validation('This call takes no body: pass its parameters in the query string'),
		]);
	});

	it('updates only the fields given', async () => {
		const reply = await ddcms(
			sandbox,
			'PATCH',
			`customer/${ADA}?${query({ email: 'ada@lovelace.example', line2: 'Marylebone' })}`,
		);
		expect([reply.status, json(reply)]).toEqual([200, { Message: 'Customer updated' }]);
		expect(sandbox.state.accessPaySuite.customers.get(ADA)).toMatchObject({
			email: 'ada@lovelace.example',
			line2: 'Marylebone',
			surname: 'Lovelace',
			customerRef: 'CUST-001',
			accountNumber: '01065285',
		});
	});

	it('refuses an update to another customer’s reference, an unknown id and an undeclared name', async () => {
		const taken = await ddcms(sandbox, 'PATCH', `customer/${ADA}?customerRef=CUST-002`);
		expect([taken.status, json(taken).Detail]).toEqual([
			400,
			'There is an existing Customer with the same Client and Customer ref in the database already.',
		]);
		const own = await ddcms(sandbox, 'PATCH', `customer/${ADA}?customerRef=CUST-001`);
		expect(own.status).toBe(200);
		const unknown = await ddcms(sandbox, 'PATCH', 'customer/c-unknown?email=a%40b.example');
		expect([unknown.status, json(unknown)]).toEqual([404, { Message: 'API not enabled' }]);
		const wrongName = await ddcms(sandbox, 'PATCH', `customer/${ADA}?mobilePhone=0770`);
		expect([wrongName.status, json(wrongName).Detail]).toEqual([
			400,
			"'mobilePhone' is not a parameter of this call",
		]);
		expect(sandbox.state.accessPaySuite.customers.get(ADA)?.mobilePhoneNumber).toBeNull();
	});

	it('gets one customer by id and answers 404 for an unknown one', async () => {
		const ada = await ddcms(sandbox, 'GET', `customer/${ADA}`);
		expect(json(ada)).toMatchObject({
			Id: ADA,
			CustomerRef: 'CUST-001',
			IsArchived: false,
			AddressDetail: { Line1: '12 Analytical Row', Line3: 'London', PostCode: 'AB1 2CD' },
			BankDetail: { AccountNumber: '01065285', BankSortCode: '309906' },
		});
		const unknown = await ddcms(sandbox, 'GET', 'customer/c-unknown');
		expect([unknown.status, json(unknown)]).toEqual([404, { Message: 'API not enabled' }]);
		const withQuery = await ddcms(sandbox, 'GET', `customer/${ADA}?includeMemos=false`);
		expect(withQuery.status).toBe(400);
	});
});

describe('customer search', () => {
	const refsOf = async (search: string) => {
		const reply = await ddcms(sandbox, 'GET', `customer?${search}`);
		expect(reply.status).toBe(200);
		return json(reply).Customers.map((customer: { CustomerRef: string }) => customer.CustomerRef);
	};

	it('matches customerRef partially and case-insensitively, as DDCMS does', async () => {
		expect(await refsOf('customerRef=CUST-001')).toEqual(['CUST-001', 'CUST-0010']);
		expect(await refsOf('customerRef=cust-dup')).toEqual(['CUST-DUP', 'CUST-DUP']);
		expect(await refsOf('customerRef=CUST-0010')).toEqual(['CUST-0010']);
	});

	it('matches names and post code partially, email and account number only in full', async () => {
		expect(await refsOf('surname=love')).toEqual(['CUST-001']);
		expect(await refsOf('postCode=ZZ9')).toEqual(['CUST-002']);
		expect(await refsOf('email=ada%40')).toEqual([]);
		expect(await refsOf('email=ADA%40example.com')).toEqual(['CUST-001']);
		expect(await refsOf('accountNumber=01065285')).toEqual(['CUST-001']);
		expect(await refsOf('firstName=a&surname=t')).toEqual(['CUST-002']);
	});

	it('pages with pageSize/pageNumber, adds Metadata on request and leaves Memos out on request', async () => {
		const reply = await ddcms(
			sandbox,
			'GET',
			'customer?pageSize=2&pageNumber=2&includePagingDetail=true&includeMemos=false',
		);
		const body = json(reply);
		expect(body.Customers.map((c: { CustomerRef: string }) => c.CustomerRef)).toEqual([
			'CUST-0010',
			'CUST-DUP',
		]);
		expect(body.Customers[0].Memos).toBeNull();
		expect(body.Metadata).toEqual({ TotalPages: 3, TotalRecords: 5, PageSize: 2, PageNumber: 2 });
		expect(json(await ddcms(sandbox, 'GET', 'customer')).Metadata).toBeUndefined();
	});

	it('refuses a filter the spec does not declare', async () => {
		const reply = await ddcms(sandbox, 'GET', 'customer?reference=CUST-001');
		expect([reply.status, json(reply)]).toEqual([
			400,
			validation("'reference' is not a parameter of this call"),
		]);
	});
});

const AD_HOC = {
	scheduleName: 'Class pass',
	start: '2030-01-29',
	isGiftAid: 'false',
	terminationType: 'Until further notice',
	atTheEnd: 'Switch to Further Notice',
};
const MONTHLY = {
	scheduleName: 'Monthly membership',
	start: '2030-02-01',
	isGiftAid: 'false',
	terminationType: 'Take certain number of debits',
	numberOfDebits: '12',
	atTheEnd: 'Expire',
	amount: '25.5',
	every: '1',
	paymentDayInMonth: '1',
};

function createContract(params: Record<string, string>, customerId = ADA): Promise<Reply> {
	return ddcms(sandbox, 'POST', `customer/${customerId}/contract?${query(params)}`);
}

describe('contracts', () => {
	it('creates an ad-hoc contract as Inactive and answers DirectDebitRef and Id', async () => {
		const created = await createCustomer();
		const customerId = json(created).Id;
		// The spec's own sample writes "Switch to further notice" in lower case.
		const reply = await createContract(
			{ ...AD_HOC, atTheEnd: 'Switch to further notice', additionalReference: 'CRM-42/1' },
			customerId,
		);
		expect(reply.status).toBe(200);
		const { Id, DirectDebitRef } = json(reply);
		expect(Object.keys(json(reply)).sort()).toEqual(['DirectDebitRef', 'Id']);
		expect(sandbox.state.accessPaySuite.contracts.get(Id)).toMatchObject({
			customerId,
			reference: DirectDebitRef,
			scheduleName: 'Class pass',
			directDebitStatus: 'Inactive',
			startDate: '2030-01-29',
			isGiftAid: false,
			atTheEnd: 'Switch to Further Notice',
			amount: null,
			additionalReference: 'CRM-42/1',
		});
		const listed = json(await ddcms(sandbox, 'GET', `customer/${customerId}/contract`));
		expect(listed.Contracts).toEqual([
			expect.objectContaining({ Id, DirectDebitReference: DirectDebitRef, Status: 'Inactive' }),
		]);
		expect(json(await ddcms(sandbox, 'GET', `customer/${customerId}`)).IsArchived).toBe(false);
	});

	it('creates a regular monthly contract whose payment day matches its start', async () => {
		const reply = await createContract(MONTHLY);
		expect(reply.status).toBe(200);
		expect(sandbox.state.accessPaySuite.contracts.get(json(reply).Id)).toMatchObject({
			amount: '25.50',
			every: 1,
			paymentDayInMonth: 1,
			numberOfDebits: 12,
			terminationType: 'Take certain number of debits',
			atTheEnd: 'Expire',
		});
	});

	it('answers the documented body for an unknown schedule name', async () => {
		const reply = await createContract({ ...AD_HOC, scheduleName: 'Gold' });
		expect([reply.status, reply.text]).toEqual([
			400,
			'{"Message":"Gold is not given to any schedule of any service as a name\\n"}',
		]);
	});

	it('finds the schedule by scheduleId too', async () => {
		const reply = await createContract({
			...AD_HOC,
			scheduleName: '',
			scheduleId: 'b0000000-0000-4000-8000-000000000003',
		});
		expect(reply.status).toBe(200);
	});

	it.each([
		[
			'no schedule',
			{ scheduleName: '' },
			{
				ErrorCode: 2,
				Detail: 'Either scheduleName or scheduleId is required',
				Message: 'Parameter arguments incorrect',
			},
		],
		[
			'both schedule parameters',
			{ scheduleId: 'b0000000-0000-4000-8000-000000000003' },
			validation('Pass either scheduleName or scheduleId, not both'),
		],
		['isGiftAid missing', { isGiftAid: '' }, missing('isGiftAid')],
		['isGiftAid not a boolean', { isGiftAid: 'no' }, validation('isGiftAid must be true or false')],
		[
			'a terminationType outside the enum',
			{ terminationType: 'Forever' },
			validation(
				'terminationType must be one of: Take certain number of debits, Until further notice, End on exact date',
			),
		],
		[
			'a start 9 working days ahead',
			{ start: '2030-01-28' },
			validation('start must be at least 10 working days from today: 2030-01-29 or later'),
		],
		[
			'a start over 364 days ahead',
			{ start: '2031-01-15' },
			validation('start must be at most 364 days from today'),
		],
		[
			'an amount on an ad-hoc schedule',
			{ amount: '10' },
			validation('amount must not be passed for an ad-hoc schedule'),
		],
		[
			'Until further notice ending in Expire',
			{ atTheEnd: 'Expire' },
			validation(
				'atTheEnd must be Switch to Further Notice when terminationType is Until further notice',
			),
		],
		[
			'an SDK spelling the spec does not declare',
			{ extraInitialAmount: '5' },
			validation("'extraInitialAmount' is not a parameter of this call"),
		],
	])('refuses an ad-hoc contract with %s', async (_, change, body) => {
		const reply = await createContract({ ...AD_HOC, ...change });
		expect([reply.status, json(reply)]).toEqual([400, body]);
		expect(sandbox.state.accessPaySuite.contracts.size).toBe(5);
	});

	it.each([
		['no amount', { amount: '' }, 'amount is required for a regular schedule'],
		[
			'a payment day other than the start',
			{ paymentDayInMonth: '15' },
			'paymentDayInMonth must match the start date 2030-02-01 (1)',
		],
		[
			'day 29',
			{ paymentDayInMonth: '29' },
			'paymentDayInMonth must be one of: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 98, 99',
		],
		[
			'no numberOfDebits',
			{ numberOfDebits: '' },
			'numberOfDebits is required when terminationType is Take certain number of debits',
		],
		[
			'numberOfDebits 1000',
			{ numberOfDebits: '1000' },
			'numberOfDebits must be a whole number from 0 to 999',
		],
		[
			'an end date before the start',
			{ terminationType: 'End on exact date', terminationDate: '2030-01-31' },
			'terminationDate must be after start',
		],
		['an amount of 0', { amount: '0.00' }, 'amount must be greater than zero'],
		[
			'an annual schedule without its month',
			{ scheduleName: 'Annual membership' },
			'paymentMonthInYear is required for a schedule of frequency Annually',
		],
	])('refuses a monthly contract with %s', async (_, change, detail) => {
		const reply = await createContract({ ...MONTHLY, ...change });
		expect([reply.status, json(reply)]).toEqual([400, validation(detail)]);
	});

	it('checks weekly and annual schedules against the start date (2030-01-29 is a Tuesday)', async () => {
		sandbox.state.accessPaySuite.services[1].schedules.push({
			id: 'b0000000-0000-4000-8000-000000000009',
			name: 'Swim weekly',
			frequency: 'Weekly',
			description: 'Collected every week',
		});
		const weekly = { ...AD_HOC, scheduleName: 'Swim weekly', amount: '5', every: '1' };
		const monday = await createContract({ ...weekly, paymentDayInWeek: '1' });
		expect(json(monday)).toEqual(
			validation('paymentDayInWeek must match the start date 2030-01-29 (2)'),
		);
		const tuesday = await createContract({ ...weekly, paymentDayInWeek: '2' });
		expect(tuesday.status).toBe(200);

		const annual = { ...MONTHLY, scheduleName: 'Annual membership' };
		const wrongMonth = await createContract({ ...annual, paymentMonthInYear: '3' });
		expect(json(wrongMonth)).toEqual(
			validation('paymentMonthInYear must match the start date 2030-02-01 (2)'),
		);
		const rightMonth = await createContract({ ...annual, paymentMonthInYear: '2' });
		expect(rightMonth.status).toBe(200);
		const lastDay = await createContract({
			...annual,
			start: '2030-02-28',
			paymentDayInMonth: '99',
			paymentMonthInYear: '2',
		});
		expect(lastDay.status).toBe(200);
		expect(sandbox.state.accessPaySuite.contracts.size).toBe(8);
	});

	it('answers 404 for an unknown customer and refuses a body', async () => {
		const unknown = await createContract(AD_HOC, 'c-unknown');
		expect([unknown.status, json(unknown)]).toEqual([404, { Message: 'API not enabled' }]);
		const body = await withBody('POST', `customer/${ADA}/contract?${query(AD_HOC)}`);
		expect(body.status).toBe(400);
		expect(sandbox.state.accessPaySuite.contracts.size).toBe(5);
	});
});

describe('contract archive', () => {
	it('archives a contract once, then answers that it is already archived', async () => {
		const id = DDCMS_CONTRACT(1);
		const reply = await ddcms(sandbox, 'POST', `contract/${id}/archive`);
		expect([reply.status, json(reply)]).toEqual([200, { Message: 'Contract archived' }]);
		expect(sandbox.state.accessPaySuite.contracts.get(id)).toMatchObject({
			directDebitStatus: 'Archived',
			scheduleStatus: 'Terminated',
		});
		const again = await ddcms(sandbox, 'POST', `contract/${id}/archive`);
		expect([again.status, json(again)]).toEqual([400, { Message: 'Contract is already archived' }]);
	});

	it('answers the spec’s 403, 404, and 500 for the broken contract, changing nothing', async () => {
		const protectedReply = await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(3)}/archive`);
		expect([protectedReply.status, json(protectedReply)]).toEqual([
			403,
			{ Message: 'API not enabled' },
		]);
		const unknown = await ddcms(sandbox, 'POST', 'contract/a-unknown/archive');
		expect([unknown.status, json(unknown)]).toEqual([404, { Message: 'Contract not found' }]);
		const broken = await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(5)}/archive`);
		expect(broken.status).toBe(500);
		const withQuery = await ddcms(
			sandbox,
			'POST',
			`contract/${DDCMS_CONTRACT(1)}/archive?comment=x`,
		);
		expect([withQuery.status, json(withQuery).Detail]).toEqual([
			400,
			"'comment' is not a parameter of this call",
		]);
		const statuses = [1, 3, 5].map(
			(n) => sandbox.state.accessPaySuite.contracts.get(DDCMS_CONTRACT(n))?.directDebitStatus,
		);
		expect(statuses).toEqual(['Active', 'Active', 'Active']);
	});

	it('sends the contract callback when one is registered', async () => {
		sandbox.state.accessPaySuite.callbacks.set('contract', 'http://127.0.0.1:9/unreachable');
		await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/archive`);
		const deadline = Date.now() + 5000;
		while (sandbox.sentEvents.length === 0 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 20));
		expect(JSON.parse(sandbox.sentEvents[0].body)).toMatchObject({
			Entity: 'contract',
			Id: DDCMS_CONTRACT(1),
			NewStatus: 'Archived',
		});
	});
});

describe('payments', () => {
	const C1 = DDCMS_CONTRACT(1);
	const PAYMENT = { amount: '12.5', date: '2030-01-22', comment: 'Towel hire' };
	const createPayment = (params: Record<string, string>, contractId = C1) =>
		ddcms(sandbox, 'POST', `contract/${contractId}/payment?${query(params)}`);

	it('creates a Pending one-off payment, then gets, changes and deletes it', async () => {
		const created = await createPayment(PAYMENT);
		expect(created.status).toBe(200);
		const { Id } = json(created);
		expect(created.text).toBe(
			`{"Amount":12.50,"Contract":"${C1}","DueDate":"2030-01-22T00:00:00.000","Id":"${Id}"}`,
		);
		const got = await ddcms(sandbox, 'GET', `contract/${C1}/payment/${Id}`);
		expect(json(got)).toEqual({
			Id,
			Amount: 12.5,
			Comment: 'Towel hire',
			Date: '2030-01-22T00:00:00.000',
			IsAdhoc: true,
			IsCredit: false,
			ReasonCode: null,
			Status: 'Pending',
			Type: 'BACS',
		});
		const listed = json(await ddcms(sandbox, 'GET', `contract/${C1}/payment?rows=2`));
		expect(listed.Payments[0]).toMatchObject({ Id, Status: 'Pending' });

		const patched = await ddcms(
			sandbox,
			'PATCH',
			`contract/${C1}/payment/${Id}?${query({ amount: '15', date: '2030-02-05', comment: 'Two towels' })}`,
		);
		expect([patched.status, json(patched)]).toEqual([200, { Message: 'Payment updated' }]);
		expect(sandbox.state.accessPaySuite.payments[0]).toMatchObject({
			id: Id,
			amount: '15.00',
			date: '2030-02-05',
			comment: 'Two towels',
		});

		const deleted = await ddcms(sandbox, 'DELETE', `contract/${C1}/payment/${Id}?comment=Refunded`);
		expect([deleted.status, json(deleted)]).toEqual([200, { Message: 'Payment deleted' }]);
		const gone = await ddcms(sandbox, 'GET', `contract/${C1}/payment/${Id}`);
		expect([gone.status, json(gone)]).toEqual([404, { Message: 'Payment not found' }]);
	});

	it('keeps isCredit when true', async () => {
		const reply = await createPayment({ ...PAYMENT, isCredit: 'true' });
		expect(sandbox.state.accessPaySuite.payments[0]).toMatchObject({
			id: json(reply).Id,
			isCredit: true,
		});
	});

	it.each([
		['amount 0', { amount: '0' }],
		['a negative amount', { amount: '-5.00' }],
		['no amount', { amount: '' }],
	])('answers "Amount must be greater than zero" for %s', async (_, change) => {
		const reply = await createPayment({ ...PAYMENT, ...change });
		expect([reply.status, reply.text]).toEqual([
			400,
			'{"Message":"Amount must be greater than zero"}',
		]);
		expect(sandbox.state.accessPaySuite.payments).toHaveLength(5);
	});

	it.each([
		[
			'a date 4 working days ahead',
			{ date: '2030-01-21' },
			validation('date must be at least 5 working days from today: 2030-01-22 or later'),
		],
		['no date', { date: '' }, missing('date')],
		['no comment', { comment: '' }, missing('comment')],
		[
			'a comment over 255 characters',
			{ comment: 'x'.repeat(256) },
			validation('comment must not be longer than 255 characters'),
		],
		[
			'an undeclared name',
			{ dueDate: '2030-01-22' },
			validation("'dueDate' is not a parameter of this call"),
		],
	])('refuses a payment with %s', async (_, change, body) => {
		const reply = await createPayment({ ...PAYMENT, ...change });
		expect([reply.status, json(reply)]).toEqual([400, body]);
		expect(sandbox.state.accessPaySuite.payments).toHaveLength(5);
	});

	it('answers 403/404 with the spec’s bodies and refuses an archived contract and a body', async () => {
		const protectedReply = await createPayment(PAYMENT, DDCMS_CONTRACT(3));
		expect([protectedReply.status, json(protectedReply)]).toEqual([
			403,
			{ Message: 'Contract cannot be accessed' },
		]);
		const unknown = await createPayment(PAYMENT, 'a-unknown');
		expect([unknown.status, json(unknown)]).toEqual([404, { Message: 'Contract not found' }]);
		await ddcms(sandbox, 'POST', `contract/${C1}/archive`);
		const archived = await createPayment(PAYMENT);
		expect([archived.status, json(archived).Detail]).toEqual([
			400,
			'The contract is Archived and cannot take payments',
		]);
		const body = await withBody('POST', `contract/${C1}/payment?${query(PAYMENT)}`);
		expect(body.status).toBe(400);
		expect(sandbox.state.accessPaySuite.payments).toHaveLength(5);
	});

	it('answers the single-payment routes’ 403 and 404 bodies', async () => {
		const protectedReply = await ddcms(
			sandbox,
			'GET',
			`contract/${DDCMS_CONTRACT(3)}/payment/${PAID_PAYMENT}`,
		);
		expect([protectedReply.status, json(protectedReply)]).toEqual([
			403,
			{ Message: 'Payment cannot be accessed' },
		]);
		const otherContract = await ddcms(
			sandbox,
			'GET',
			`contract/${DDCMS_CONTRACT(2)}/payment/${PAID_PAYMENT}`,
		);
		expect([otherContract.status, json(otherContract)]).toEqual([
			404,
			{ Message: 'Payment not found' },
		]);
		const change = 'amount=10&date=2030-02-05&comment=x';
		const protectedPatch = await ddcms(
			sandbox,
			'PATCH',
			`contract/${DDCMS_CONTRACT(3)}/payment/${PAID_PAYMENT}?${change}`,
		);
		expect([protectedPatch.status, json(protectedPatch)]).toEqual([
			403,
			{ Message: 'Payment cannot be accessed' },
		]);
		const brokenDelete = await ddcms(
			sandbox,
			'DELETE',
			`contract/${DDCMS_CONTRACT(5)}/payment/${PAID_PAYMENT}?comment=x`,
		);
		expect(brokenDelete.status).toBe(500);
		const unknownPatch = await ddcms(
			sandbox,
			'PATCH',
			`contract/${C1}/payment/d-unknown?${change}`,
		);
		expect([unknownPatch.status, json(unknownPatch)]).toEqual([
			404,
			{ Message: 'Payment not found' },
		]);
		const paid = json(await ddcms(sandbox, 'GET', `contract/${C1}/payment/${PAID_PAYMENT}`));
		expect(paid).toMatchObject({ Status: 'Paid', IsAdhoc: false, Amount: 25 });
	});

	it('wants amount, date and comment on a change and a comment on a delete', async () => {
		const path = `contract/${C1}/payment/${PAID_PAYMENT}`;
		const noComment = await ddcms(sandbox, 'PATCH', `${path}?amount=10&date=2030-02-05`);
		expect([noComment.status, json(noComment)]).toEqual([
			400,
			{ Message: 'An amount, comment or date must be passed' },
		]);
		const deleteNoComment = await ddcms(sandbox, 'DELETE', path);
		expect([deleteNoComment.status, json(deleteNoComment)]).toEqual([
			400,
			{ Message: 'Comment must not be empty' },
		]);
	});

	it('refuses to change or delete a payment already submitted to BACS', async () => {
		const path = `contract/${C1}/payment/${PAID_PAYMENT}`;
		const patched = await ddcms(sandbox, 'PATCH', `${path}?amount=10&date=2030-02-05&comment=Late`);
		const detail = 'The payment is Paid: it has been submitted to BACS and cannot be changed';
		expect([patched.status, json(patched)]).toEqual([400, validation(detail)]);
		const deleted = await ddcms(sandbox, 'DELETE', `${path}?comment=Late`);
		expect([deleted.status, json(deleted)]).toEqual([400, validation(detail)]);
		expect(sandbox.state.accessPaySuite.payments[0]).toMatchObject({ amount: '25.00' });
	});

	it('refuses a changed amount of 0 and an early date without changing the payment', async () => {
		const { Id } = json(await createPayment(PAYMENT));
		const path = `contract/${C1}/payment/${Id}`;
		const zero = await ddcms(sandbox, 'PATCH', `${path}?amount=0&date=2030-02-05&comment=x`);
		expect(json(zero)).toEqual({ Message: 'Amount must be greater than zero' });
		const early = await ddcms(sandbox, 'PATCH', `${path}?amount=9&date=2030-01-16&comment=x`);
		expect(early.status).toBe(400);
		expect(sandbox.state.accessPaySuite.payments[0]).toMatchObject({
			amount: '12.50',
			date: '2030-01-22',
			comment: 'Towel hire',
		});
	});
});
