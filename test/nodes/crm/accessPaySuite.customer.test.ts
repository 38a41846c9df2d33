import type { IDataObject } from 'n8n-workflow';

import { errorOf, useSandbox } from '../../harness/fixture';
import { DDCMS_ROOT, ddcms, expectRefusedLocally, onTheWire } from './helpers';

const context = useSandbox();

const ADA = 'c0000000-0000-4000-8000-000000000001';
const ALAN = 'c0000000-0000-4000-8000-000000000002';

/** A CRM row as the create fields take it. */
const KATHLEEN: IDataObject = {
	customerRef: 'CRM-42',
	email: 'kathleen@example.com',
	title: 'Mrs',
	firstName: 'Kathleen',
	surname: 'Booth',
	line1: '3 Assembly Road',
	postCode: 'GL52 2NF',
	accountNumber: '01234567',
	bankSortCode: '08-92 86',
	accountHolderName: 'MRS K BOOTH',
};

const KATHLEEN_QUERY =
	'customerRef=CRM-42&email=kathleen%40example.com&title=Mrs&firstName=Kathleen&surname=Booth' +
	'&line1=3%20Assembly%20Road&postCode=GL52%202NF&accountNumber=01234567&bankSortCode=089286' +
	'&accountHolderName=MRS%20K%20BOOTH';

function customersWithRef(customerRef: string) {
	return [...context.sandbox.state.accessPaySuite.customers.values()].filter(
		(customer) => customer.customerRef === customerRef,
	);
}

describe('DDCMS customer: create', () => {
	it('sends every field in the query string, with no body, and gives the new ID', async () => {
		const run = await context.run(ddcms('customer', 'create', KATHLEEN));
		expect(onTheWire(run.requests)).toEqual([
			['POST', `${DDCMS_ROOT}/customer`, KATHLEEN_QUERY, ''],
		]);
		const [created] = customersWithRef('CRM-42');
		expect(run.items[0].json).toEqual({
			CustomerRef: 'CRM-42',
			Id: created.id,
			success: true,
			customerId: created.id,
			customerRef: 'CRM-42',
		});
		expect(created).toMatchObject({ accountNumber: '01234567', bankSortCode: '089286' });
	});

	it('sends the additional fields given, dates cut to the day, after the main ones', async () => {
		const run = await context.run(
			ddcms('customer', 'create', {
				...KATHLEEN,
				additionalFields: {
					line2: 'Cheltenham',
					dateOfBirth: '1922-07-22T00:00:00.000+01:00',
					homePhoneNumber: '01242 000000',
				},
			}),
		);
		expect(run.requests[0].rawQuery).toBe(
			`${KATHLEEN_QUERY}&line2=Cheltenham&dateOfBirth=1922-07-22&homePhoneNumber=01242%20000000`,
		);
		expect(customersWithRef('CRM-42')[0]).toMatchObject({
			line2: 'Cheltenham',
			dateOfBirth: '1922-07-22',
			homePhoneNumber: '01242 000000',
		});
	});

	it('answers a reference already in use with category conflict, code "3", not retryable', async () => {
		const run = await context.run(
			ddcms('customer', 'create', { ...KATHLEEN, customerRef: 'CUST-002' }, 'continueErrorOutput'),
		);
		expect(run.items).toHaveLength(0);
		expect(errorOf(run.errorItems[0])).toMatchObject({
			category: 'conflict',
			code: '3',
			httpCode: 400,
			retryable: false,
			provider: 'accessPaySuite',
			resource: 'customer',
			operation: 'create',
		});
		expect(String(errorOf(run.errorItems[0]).description)).toContain(
			'There is an existing Customer with the same Client and Customer ref',
		);
		expect(customersWithRef('CUST-002')).toHaveLength(1);
	});

	it('keeps every other ErrorCode 3 a validation error', async () => {
		const run = await context.run(
			ddcms('customer', 'create', { ...KATHLEEN, postCode: 'XX' }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'validation',
			code: '3',
			httpCode: 400,
		});
	});

	it.each([
		[
			{ accountNumber: '1234567' },
			'Parameter "accountNumber" must be exactly 8 digits (keep any leading zeros)',
		],
		[{ bankSortCode: '08-92-8' }, 'Parameter "bankSortCode" must be 6 digits, like 08-92-86'],
		[{ email: '={{ "" }}' }, 'Parameter "email" is required'],
		[
			{ title: 'King' },
			'Parameter "title" must be one of: Dr, Lady, Lord, Master, Miss, Mr, Mrs, Ms, Mx, Prof., Rev., Sir',
		],
		[{ postCode: 'GL52 2NFX' }, 'Parameter "postCode" must be at most 8 characters long'],
		[
			{ accountHolderName: 'MRS KATHLEEN BOOTH' + 'X' },
			'Parameter "accountHolderName" must be at most 18 characters long',
		],
		[
			{ additionalFields: { line2: 'x'.repeat(31) } },
			'Parameter "additionalFields.line2" must be at most 30 characters long',
		],
		[
			{ additionalFields: { dateOfBirth: '1922-02-30' } },
			'Parameter "additionalFields.dateOfBirth" must be a date in the form YYYY-MM-DD',
		],
	])('refuses %j without sending anything', async (change, message) => {
		const run = await context.run(
			ddcms('customer', 'create', { ...KATHLEEN, ...change }, 'continueRegularOutput'),
		);
		expectRefusedLocally(run, message);
	});
});

describe('DDCMS customer: get and update', () => {
	it('gets one customer as DDCMS sends it', async () => {
		const run = await context.run(ddcms('customer', 'get', { customerId: ADA }));
		expect(onTheWire(run.requests)).toEqual([['GET', `${DDCMS_ROOT}/customer/${ADA}`, '', '']]);
		expect(run.items[0].json).toMatchObject({
			Id: ADA,
			CustomerRef: 'CUST-001',
			BankDetail: { AccountNumber: '01065285', BankSortCode: '309906' },
		});
	});

	it('answers an unknown customer with not_found', async () => {
		const run = await context.run(
			ddcms('customer', 'get', { customerId: 'c-unknown' }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0])).toMatchObject({ category: 'not_found', httpCode: 404 });
	});

	it('updates only the fields given', async () => {
		const run = await context.run(
			ddcms('customer', 'update', {
				customerId: ALAN,
				updateFields: { email: 'alan.turing@example.com', line2: 'Hut 8' },
			}),
		);
		expect(onTheWire(run.requests)).toEqual([
			[
				'PATCH',
				`${DDCMS_ROOT}/customer/${ALAN}`,
				'email=alan.turing%40example.com&line2=Hut%208',
				'',
			],
		]);
		expect(run.items[0].json).toEqual({
			success: true,
			customerId: ALAN,
			message: 'Customer updated',
		});
		expect(context.sandbox.state.accessPaySuite.customers.get(ALAN)).toMatchObject({
			email: 'alan.turing@example.com',
			line2: 'Hut 8',
			surname: 'Turing',
		});
	});

	it('refuses an update with no field, and a customer ID with a slash, without sending', async () => {
		const run = await context.run(
			ddcms('customer', 'update', { customerId: '={{ $json.id }}' }, 'continueRegularOutput'),
			[{ id: ALAN }, { id: 'a/b' }],
		);
		expect(run.requests).toHaveLength(0);
		expect(run.items.map((item) => errorOf(item).message)).toEqual([
			'Parameter "updateFields" needs at least one field to change',
			'Parameter "customerId" must not contain "/"',
		]);
	});
});

describe('DDCMS customer: Create or Update', () => {
	it('creates a new row, and the same row run again updates the one customer', async () => {
		const first = await context.run(ddcms('customer', 'upsert', KATHLEEN));
		expect(onTheWire(first.requests)).toEqual([
			['GET', `${DDCMS_ROOT}/customer`, 'customerRef=CRM-42', ''],
			['POST', `${DDCMS_ROOT}/customer`, KATHLEEN_QUERY, ''],
		]);
		const [created] = customersWithRef('CRM-42');
		expect(first.items[0].json).toEqual({
			CustomerRef: 'CRM-42',
			Id: created.id,
			success: true,
			customerId: created.id,
			customerRef: 'CRM-42',
			created: true,
		});

		const second = await context.run(
			ddcms('customer', 'upsert', { ...KATHLEEN, email: 'k.booth@example.com' }),
		);
		expect(onTheWire(second.requests)).toEqual([
			['GET', `${DDCMS_ROOT}/customer`, 'customerRef=CRM-42', ''],
			[
				'PATCH',
				`${DDCMS_ROOT}/customer/${created.id}`,
				KATHLEEN_QUERY.replace('customerRef=CRM-42&', '').replace(
					'kathleen%40example.com',
					'k.booth%40example.com',
				),
				'',
			],
		]);
		expect(second.items[0].json).toEqual({
			Message: 'Customer updated',
			success: true,
			customerId: created.id,
			customerRef: 'CRM-42',
			created: false,
		});
		expect(customersWithRef('CRM-42')).toHaveLength(1);
		expect(customersWithRef('CRM-42')[0].email).toBe('k.booth@example.com');
	});

	it('updates the exact match when DDCMS also finds a longer reference', async () => {
		const run = await context.run(
			ddcms('customer', 'upsert', { ...KATHLEEN, customerRef: 'CUST-001' }),
		);
		expect(run.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', `${DDCMS_ROOT}/customer`],
			['PATCH', `${DDCMS_ROOT}/customer/${ADA}`],
		]);
		expect(run.items[0].json).toMatchObject({ customerId: ADA, created: false });
		expect(context.sandbox.state.accessPaySuite.customers.get(ADA)?.surname).toBe('Booth');
		expect(customersWithRef('CUST-0010')[0].surname).toBe('Hopper');
	});

	it('writes nothing when two customers have the reference, and gives the conflict item', async () => {
		const before = JSON.stringify([...context.sandbox.state.accessPaySuite.customers.values()]);
		const run = await context.run(
			ddcms('customer', 'upsert', { ...KATHLEEN, customerRef: 'CUST-DUP' }, 'continueErrorOutput'),
		);
		expect(onTheWire(run.requests)).toEqual([
			['GET', `${DDCMS_ROOT}/customer`, 'customerRef=CUST-DUP', ''],
		]);
		expect(errorOf(run.errorItems[0])).toEqual({
			message: '2 DDCMS customers have the reference "CUST-DUP": nothing was written',
			description:
				'Merge or re-reference the duplicate customers in DDCMS, then run this row again',
			provider: 'accessPaySuite',
			resource: 'customer',
			operation: 'upsert',
			httpCode: null,
			code: 'DUPLICATE_CUSTOMER_REF',
			fault: null,
			category: 'conflict',
			retryable: false,
			traceId: null,
			details: {
				customerIds: [
					'c0000000-0000-4000-8000-000000000004',
					'c0000000-0000-4000-8000-000000000005',
				],
			},
		});
		expect(JSON.stringify([...context.sandbox.state.accessPaySuite.customers.values()])).toBe(
			before,
		);
	});

	it('maps the refused create of a racing run to conflict "3", so the row can be run again', async () => {
		// DDCMS compares references without case; the look-up here matches exactly, so it finds
		// none and creates, as a run that lost a race would.
		await context.run(ddcms('customer', 'create', KATHLEEN));
		const run = await context.run(
			ddcms('customer', 'upsert', { ...KATHLEEN, customerRef: 'crm-42' }, 'continueErrorOutput'),
		);
		expect(run.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
		expect(errorOf(run.errorItems[0])).toMatchObject({
			category: 'conflict',
			code: '3',
			retryable: false,
			operation: 'upsert',
		});
	});

	it('checks the whole row before the look-up: a bad row sends nothing', async () => {
		const run = await context.run(
			ddcms('customer', 'upsert', { ...KATHLEEN, accountNumber: '123' }, 'continueRegularOutput'),
		);
		expectRefusedLocally(
			run,
			'Parameter "accountNumber" must be exactly 8 digits (keep any leading zeros)',
		);
		expect(errorOf(run.items[0]).operation).toBe('upsert');
	});
});
