import type { IDataObject } from 'n8n-workflow';

import { errorOf, useSandbox } from '../../harness/fixture';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();

const C1 = 'a0000000-0000-4000-8000-000000000001';
const C4 = 'a0000000-0000-4000-8000-000000000004';
const CUSTOMER_1 = 'c0000000-0000-4000-8000-000000000001';
const CUSTOMER_2 = 'c0000000-0000-4000-8000-000000000002';

function ddcms(
	resource: string,
	operation: string,
	parameters: IDataObject = {},
	onError?: OnError,
) {
	return {
		type: 'accessPaySuite',
		credentialType: 'accessPaySuiteApi',
		parameters: { resource, operation, ...parameters },
		onError,
	};
}

describe('Access PaySuite DDCMS: contract lifecycle', () => {
	it('cancels the Direct Debit, then reactivates it', async () => {
		const cancel = await context.run(ddcms('contract', 'cancelDirectDebit', { contractId: C1 }));
		expect(cancel.requests.map((r) => [r.method, r.path, r.rawQuery, r.body])).toEqual([
			['POST', `/ddcms/api/v3/client/DEMO/contract/${C1}/cancel`, '', ''],
		]);
		expect(cancel.items[0].json).toEqual({
			success: true,
			contractId: C1,
			message: 'Contract cancelled',
		});
		expect(context.sandbox.state.accessPaySuite.contracts.get(C1)?.directDebitStatus).toBe(
			'Cancelled',
		);

		const reactivate = await context.run(ddcms('contract', 'reactivate', { contractId: C1 }));
		expect(reactivate.requests[0].path).toBe(`/ddcms/api/v3/client/DEMO/contract/${C1}/reactivate`);
		expect(reactivate.items[0].json).toEqual({
			success: true,
			contractId: C1,
			message: 'Contract reactivated',
		});
		expect(context.sandbox.state.accessPaySuite.contracts.get(C1)?.directDebitStatus).toBe(
			'Active',
		);
	});

	it('cancelling an already cancelled Direct Debit is a validation error', async () => {
		const run = await context.run(
			ddcms('contract', 'cancelDirectDebit', { contractId: C4 }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			httpCode: 400,
			code: '3',
			category: 'validation',
			operation: 'cancelDirectDebit',
		});
	});

	it('updates the amount with the query string only and no body', async () => {
		const run = await context.run(
			ddcms('contract', 'updateAmount', {
				contractId: C1,
				amount: '29.99',
				comment: 'Price rise 2026',
			}),
		);
		const [request] = run.requests;
		expect([request.method, request.path, request.rawQuery, request.body]).toEqual([
			'PATCH',
			`/ddcms/api/v3/client/DEMO/contract/${C1}/amount`,
			'amount=29.99&comment=Price%20rise%202026',
			'',
		]);
		expect(run.items[0].json).toEqual({
			success: true,
			contractId: C1,
			message: 'Contract amount updated',
		});
		expect(context.sandbox.state.accessPaySuite.contracts.get(C1)?.amount).toBe('29.99');
	});

	it.each([
		[
			{ amount: '12.345' },
			'Parameter "amount" must be a number with up to two decimals, like 12.50',
		],
		[{ amount: '0' }, 'Parameter "amount" must be more than 0'],
	])('refuses amount %j without sending', async (parameters, message) => {
		const run = await context.run(
			ddcms('contract', 'updateAmount', { contractId: C1, ...parameters }, 'continueRegularOutput'),
		);
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0]).message).toBe(message);
	});

	it("lists a customer's contracts, one item per contract, passed through as sent", async () => {
		const run = await context.run(
			ddcms('contract', 'getMany', { customerId: CUSTOMER_1, returnAll: true }),
		);
		expect(run.requests[0].path).toBe(`/ddcms/api/v3/client/DEMO/customer/${CUSTOMER_1}/contract`);
		expect(run.items.map((item) => [item.json.Id, item.pairedItem])).toEqual([
			[C1, { item: 0 }],
			['a0000000-0000-4000-8000-000000000002', { item: 0 }],
		]);
		expect(run.items[0].json).toMatchObject({
			CustomerId: CUSTOMER_1,
			Status: 'Active',
			ScheduleStatus: 'Active',
		});
	});

	it('pairs each record to the input that asked, with a failing input in line after earlier records', async () => {
		const run = await context.run(
			ddcms(
				'contract',
				'getMany',
				{ customerId: '={{ $json.customer }}', limit: 2 },
				'continueRegularOutput',
			),
			[{ customer: CUSTOMER_1 }, { customer: 'c-unknown' }, { customer: CUSTOMER_2 }],
		);
		expect(
			run.items.map((item) => [
				item.pairedItem,
				item.json.Id ?? (item.json.error as IDataObject).category,
			]),
		).toEqual([
			[{ item: 0 }, C1],
			[{ item: 0 }, 'a0000000-0000-4000-8000-000000000002'],
			[{ item: 1 }, 'not_found'],
			[{ item: 2 }, 'a0000000-0000-4000-8000-000000000003'],
			[{ item: 2 }, C4],
		]);
	});
});

describe('Access PaySuite DDCMS: customers, payments, schedules', () => {
	it('searches customers with only the filters given', async () => {
		const run = await context.run(
			ddcms('customer', 'search', {
				filters: { email: 'ADA@example.com', postCode: 'AB1 2CD' },
				returnAll: true,
			}),
		);
		const [request] = run.requests;
		expect([request.method, request.path, request.rawQuery]).toEqual([
			'GET',
			'/ddcms/api/v3/client/DEMO/customer',
			'email=ADA%40example.com&postCode=AB1%202CD',
		]);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			Id: CUSTOMER_1,
			Email: 'ada@example.com',
			Surname: 'Lovelace',
		});
	});

	it('applies the limit to the records', async () => {
		const run = await context.run(ddcms('customer', 'search', { limit: 1 }));
		expect(run.requests[0].rawQuery).toBe('');
		expect(run.items).toHaveLength(1);
	});

	it("lists a contract's payments asking for `rows` = the limit", async () => {
		const run = await context.run(ddcms('payment', 'getMany', { contractId: C1, limit: 3 }));
		expect(run.requests[0].path).toBe(`/ddcms/api/v3/client/DEMO/contract/${C1}/payment`);
		expect(run.requests[0].rawQuery).toBe('rows=3');
		expect(run.items).toHaveLength(3);
		expect(Object.keys(run.items[0].json).sort()).toEqual(['Amount', 'Date', 'Id', 'Status']);
	});

	it('asks for 100 payments with Return All, and refuses a limit above 100', async () => {
		const all = await context.run(ddcms('payment', 'getMany', { contractId: C1, returnAll: true }));
		expect(all.requests[0].rawQuery).toBe('rows=100');
		expect(all.items).toHaveLength(5);

		const tooMany = await context.run(
			ddcms('payment', 'getMany', { contractId: C1, limit: 101 }, 'continueRegularOutput'),
		);
		expect(tooMany.requests).toHaveLength(0);
		expect(errorOf(tooMany.items[0])).toMatchObject({
			code: 'INVALID_PARAMETER',
			message: 'Parameter "limit" must be at most 100: DDCMS returns up to 100 payments',
		});
	});

	it('lists the schedules of every service, one item per schedule', async () => {
		const run = await context.run(ddcms('schedule', 'getMany', { returnAll: true }));
		expect(run.requests[0].path).toBe('/ddcms/api/v3/client/DEMO/schedules');
		expect(run.items.map((item) => item.json.Name)).toEqual([
			'Monthly membership',
			'Annual membership',
			'Class pass',
		]);
	});
});
