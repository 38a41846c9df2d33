import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import { errorOf, useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';
import type { OnError } from '../../harness/workflow';

const ACTIVE = 'a0000000-0000-4000-8000-000000000001';
const TERMINATED = 'a0000000-0000-4000-8000-000000000002';
const PROTECTED = 'a0000000-0000-4000-8000-000000000003';
const BROKEN = 'a0000000-0000-4000-8000-000000000005';
const UNKNOWN = 'a0000000-0000-4000-8000-0000000000ff';
const DIRECT_DEBIT_CANCELLED = 'a0000000-0000-4000-8000-000000000004';
const CUSTOMER_1 = 'c0000000-0000-4000-8000-000000000001';
const CUSTOMER_2 = 'c0000000-0000-4000-8000-000000000002';

const context = useSandbox();

const contractStep = (operation: string, parameters: IDataObject = {}, onError?: OnError) =>
	nodeStep('accessPaySuite', 'contract', operation, parameters, onError);

describe('Access PaySuite DDCMS: contract schedule actions', () => {
	it('cancels a schedule: exact request, success item, schedule now Terminated', async () => {
		const run = await context.run(
			contractStep('cancelSchedule', { contractId: '={{ $json.contractId }}' }),
			[{ contractId: ACTIVE }],
		);

		expect(run.error).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		const [request] = run.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/ddcms/api/v3/client/DEMO/contract/${ACTIVE}/cancelSchedule`);
		expect(request.rawQuery).toBe('');
		expect(request.body).toBe('');
		expect(request.headers.apikey).toBe(SANDBOX_CREDENTIALS.accessPaySuite.apiKey);
		expect(run.items).toEqual([
			{
				json: {
					success: true,
					contractId: ACTIVE,
					message: 'Contract schedule was cancelled successfully.',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(context.sandbox.state.accessPaySuite.contracts.get(ACTIVE)?.scheduleStatus).toBe(
			'Terminated',
		);
	});

	it('restarts a Terminated schedule with a URL-encoded comment', async () => {
		const run = await context.run(
			contractStep('restartSchedule', {
				contractId: TERMINATED,
				comment: 'Paid up & back/on track',
			}),
		);

		const [request] = run.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/ddcms/api/v3/client/DEMO/contract/${TERMINATED}/restartSchedule`);
		expect(request.rawQuery).toBe('comment=Paid%20up%20%26%20back%2Fon%20track');
		expect(run.items[0].json).toEqual({
			success: true,
			contractId: TERMINATED,
			message: 'Contract schedule was restarted successfully.',
		});
		const contract = context.sandbox.state.accessPaySuite.contracts.get(TERMINATED);
		expect(contract?.scheduleStatus).toBe('Active');
		expect(contract?.lastComment).toBe('Paid up & back/on track');
	});

	it('sends no query string when the comment is empty', async () => {
		const run = await context.run(
			contractStep('restartSchedule', { contractId: TERMINATED, comment: '' }),
		);
		expect(run.requests[0].rawQuery).toBe('');
		expect(run.items[0].json.success).toBe(true);
	});

	it('refuses a contract ID with a slash before sending anything', async () => {
		const run = await context.run(
			contractStep('cancelSchedule', { contractId: 'abc/def' }, 'continueRegularOutput'),
		);
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'validation',
			code: 'INVALID_PARAMETER',
			httpCode: null,
			message: 'Parameter "contractId" must not contain "/"',
			provider: 'accessPaySuite',
			resource: 'contract',
			operation: 'cancelSchedule',
		});
	});
});

describe('Access PaySuite DDCMS: contract lifecycle', () => {
	it('cancels the Direct Debit, then reactivates it', async () => {
		const cancel = await context.run(contractStep('cancelDirectDebit', { contractId: ACTIVE }));
		expect(cancel.requests.map((r) => [r.method, r.path, r.rawQuery, r.body])).toEqual([
			['POST', `/ddcms/api/v3/client/DEMO/contract/${ACTIVE}/cancel`, '', ''],
		]);
		expect(cancel.items[0].json).toEqual({
			success: true,
			contractId: ACTIVE,
			message: 'Contract cancelled',
		});
		expect(context.sandbox.state.accessPaySuite.contracts.get(ACTIVE)?.directDebitStatus).toBe(
			'Cancelled',
		);

		const reactivate = await context.run(contractStep('reactivate', { contractId: ACTIVE }));
		expect(reactivate.requests[0].path).toBe(
			`/ddcms/api/v3/client/DEMO/contract/${ACTIVE}/reactivate`,
		);
		expect(reactivate.items[0].json).toEqual({
			success: true,
			contractId: ACTIVE,
			message: 'Contract reactivated',
		});
		expect(context.sandbox.state.accessPaySuite.contracts.get(ACTIVE)?.directDebitStatus).toBe(
			'Active',
		);
	});

	it('cancelling an already cancelled Direct Debit is a validation error', async () => {
		const run = await context.run(
			contractStep(
				'cancelDirectDebit',
				{ contractId: DIRECT_DEBIT_CANCELLED },
				'continueRegularOutput',
			),
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
			contractStep('updateAmount', {
				contractId: ACTIVE,
				amount: '29.99',
				comment: 'Price rise 2026',
			}),
		);
		const [request] = run.requests;
		expect([request.method, request.path, request.rawQuery, request.body]).toEqual([
			'PATCH',
			`/ddcms/api/v3/client/DEMO/contract/${ACTIVE}/amount`,
			'amount=29.99&comment=Price%20rise%202026',
			'',
		]);
		expect(run.items[0].json).toEqual({
			success: true,
			contractId: ACTIVE,
			message: 'Contract amount updated',
		});
		expect(context.sandbox.state.accessPaySuite.contracts.get(ACTIVE)?.amount).toBe('29.99');
	});

	it.each([
		[
			{ amount: '12.345', comment: 'x' },
			'Parameter "amount" must be a number with up to two decimals, like 12.50',
		],
		[{ amount: '0', comment: 'x' }, 'Parameter "amount" must be more than 0'],
		// The DDCMS spec requires the comment; an expression that gives nothing is refused too.
		[{ amount: '10', comment: '={{ "" }}' }, 'Parameter "comment" is required'],
		[
			{ amount: '10', comment: 'x'.repeat(256) },
			'Parameter "comment" must be at most 255 characters long',
		],
	])('refuses amount/comment %j without sending', async (parameters, message) => {
		const run = await context.run(
			contractStep('updateAmount', { contractId: ACTIVE, ...parameters }, 'continueRegularOutput'),
		);
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0]).message).toBe(message);
	});

	it("lists a customer's contracts, one item per contract, passed through as sent", async () => {
		const run = await context.run(
			contractStep('getMany', { customerId: CUSTOMER_1, returnAll: true }),
		);
		expect(run.requests[0].path).toBe(`/ddcms/api/v3/client/DEMO/customer/${CUSTOMER_1}/contract`);
		expect(run.items.map((item) => [item.json.Id, item.pairedItem])).toEqual([
			[ACTIVE, { item: 0 }],
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
			contractStep(
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
			[{ item: 0 }, ACTIVE],
			[{ item: 0 }, 'a0000000-0000-4000-8000-000000000002'],
			[{ item: 1 }, 'not_found'],
			[{ item: 2 }, 'a0000000-0000-4000-8000-000000000003'],
			[{ item: 2 }, DIRECT_DEBIT_CANCELLED],
		]);
	});
});

interface FaultCase {
	name: string;
	operation: string;
	contractId: string;
	prepare?: () => void;
	credentials?: IDataObject;
	expected: IDataObject;
}

const faultCases: FaultCase[] = [
	{
		name: '400 restart of a schedule that is not Terminated',
		operation: 'restartSchedule',
		contractId: ACTIVE,
		expected: {
			httpCode: 400,
			code: '3',
			category: 'validation',
			retryable: false,
			message: 'Validation error',
			description: 'Only schedules in a Terminated state can be restarted',
		},
	},
	{
		name: '401 wrong API key',
		operation: 'cancelSchedule',
		contractId: ACTIVE,
		credentials: { apiKey: 'wrong-key-123456' },
		expected: { httpCode: 401, code: '401', category: 'authentication', retryable: false },
	},
	{
		name: '403 protected contract',
		operation: 'cancelSchedule',
		contractId: PROTECTED,
		expected: {
			httpCode: 403,
			code: '5',
			category: 'protected',
			retryable: false,
			message: 'Contract is protected and cannot be modified',
		},
	},
	{
		name: '404 unknown contract',
		operation: 'cancelSchedule',
		contractId: UNKNOWN,
		expected: {
			httpCode: 404,
			code: '4',
			category: 'not_found',
			message: 'No contract found for the provided ID',
			description: null,
		},
	},
	{
		name: '404 as an IIS HTML page',
		operation: 'cancelSchedule',
		contractId: ACTIVE,
		prepare: () =>
			context.sandbox.inject({
				provider: 'accessPaySuite',
				status: 404,
				contentType: 'text/html',
				body: '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>No HTTP resource was found that matches the request URI.</h1></body></html>',
			}),
		expected: {
			httpCode: 404,
			code: '404',
			category: 'not_found',
			message: 'No contract found for the provided ID',
			description: 'Not Found No HTTP resource was found that matches the request URI.',
		},
	},
	{
		name: '500 unexpected error',
		operation: 'cancelSchedule',
		contractId: BROKEN,
		expected: {
			httpCode: 500,
			code: '500',
			category: 'provider_error',
			retryable: false,
			message: 'An error has occurred.',
		},
	},
	{
		name: '429 rate limited (retries off)',
		operation: 'cancelSchedule',
		contractId: ACTIVE,
		prepare: () =>
			context.sandbox.inject({ provider: 'accessPaySuite', status: 429, retryAfter: '0' }),
		expected: { httpCode: 429, code: '429', category: 'rate_limited', retryable: true },
	},
	{
		name: '503 unavailable (retries off)',
		operation: 'cancelSchedule',
		contractId: ACTIVE,
		prepare: () => context.sandbox.inject({ provider: 'accessPaySuite', status: 503 }),
		expected: { httpCode: 503, code: '503', category: 'unavailable', retryable: true },
	},
];

describe.each(faultCases)(
	'Access PaySuite DDCMS fault: $name',
	({ operation, contractId, prepare, credentials, expected }) => {
		const parameters = { contractId, options: { maxRetries: 0 } };
		const overrides: Record<string, IDataObject> = credentials
			? { accessPaySuiteApi: credentials }
			: {};

		it('gives an error item with the category to branch on', async () => {
			prepare?.();
			const run = await context.run(
				contractStep(operation, parameters, 'continueRegularOutput'),
				[{}],
				overrides,
			);
			expect(run.items).toHaveLength(1);
			expect(run.items[0].pairedItem).toEqual({ item: 0 });
			expect(Object.keys(run.items[0].json)).toEqual(['error']);
			expect(errorOf(run.items[0])).toMatchObject({
				provider: 'accessPaySuite',
				resource: 'contract',
				operation,
				fault: null,
				traceId: null,
				...expected,
			});
		});

		it('stops the workflow with the same message, status and [category] code', async () => {
			prepare?.();
			const run = await context.run(contractStep(operation, parameters), [{}], overrides);
			expect(run.items).toHaveLength(0);
			const error = run.error as unknown as IDataObject;
			if (expected.message) expect(error.message).toBe(expected.message);
			expect(error.httpCode).toBe(String(expected.httpCode));
			expect(String(error.description)).toMatch(
				new RegExp(`^\\[${String(expected.category)}\\] ${String(expected.code)}`),
			);
		});
	},
);
