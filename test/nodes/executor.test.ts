/**
 * What the shared executor guarantees for every node: item order and pairing in the three On Error
 * modes, retries of 429/503, timeouts, transport failures, and the refusal of clear-text URLs.
 */
import type { IDataObject } from 'n8n-workflow';

import { errorOf, useSandbox } from '../harness/fixture';
import { nodeStep } from '../harness/nodeStep';
import type { OnError } from '../harness/workflow';

const context = useSandbox();

const ACTIVE = 'a0000000-0000-4000-8000-000000000001';
const TERMINATED = 'a0000000-0000-4000-8000-000000000002';
const TERMINATED_2 = 'a0000000-0000-4000-8000-000000000004';

/** A DDCMS schedule action on the contract id of each input item. */
const scheduleAction =
	(operation: string) =>
	(onError?: OnError, options: IDataObject = {}) =>
		nodeStep(
			'accessPaySuite',
			'contract',
			operation,
			{ contractId: '={{ $json.id }}', options },
			onError,
		);
const restart = scheduleAction('restartSchedule');
const cancel = scheduleAction('cancelSchedule');

// ok, provider fault (400: not Terminated), local validation failure, ok
const MIXED = [
	{ id: TERMINATED, row: 1 },
	{ id: ACTIVE, row: 2 },
	{ id: 'a/b', row: 3 },
	{ id: TERMINATED_2, row: 4 },
];

describe('items, pairing and the three On Error modes', () => {
	it('Continue (regular output): one item per input, in order, errors in line', async () => {
		const run = await context.run(restart('continueRegularOutput'), MIXED);
		expect(run.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(run.items[0].json).toMatchObject({ success: true, contractId: TERMINATED });
		expect(errorOf(run.items[1])).toMatchObject({
			category: 'validation',
			code: '3',
			httpCode: 400,
		});
		expect(errorOf(run.items[2])).toMatchObject({
			category: 'validation',
			code: 'INVALID_PARAMETER',
		});
		expect(run.items[3].json).toMatchObject({ success: true, contractId: TERMINATED_2 });
		expect(run.requests).toHaveLength(3);
	});

	it('Continue (using error output): successes on the main output, failures on the error output', async () => {
		const run = await context.run(restart('continueErrorOutput'), MIXED);
		expect(run.items.map((item) => [item.pairedItem, item.json.contractId])).toEqual([
			[{ item: 0 }, TERMINATED],
			[{ item: 3 }, TERMINATED_2],
		]);
		expect(run.errorItems.map((item) => [item.pairedItem, item.json.row])).toEqual([
			[{ item: 1 }, 2],
			[{ item: 2 }, 3],
		]);
		expect(errorOf(run.errorItems[0]).code).toBe('3');
		expect(errorOf(run.errorItems[1]).code).toBe('INVALID_PARAMETER');
		expect(run.output('Errors')).toHaveLength(2);
		expect(run.output('Success')).toHaveLength(2);
	});

	it('Stop Workflow: stops at the first failure; later items are not sent', async () => {
		const run = await context.run(restart(), MIXED);
		expect(run.error?.message).toBe('Validation error');
		expect(run.requests.map((request) => request.path.split('/')[7])).toEqual([TERMINATED, ACTIVE]);
		expect(context.sandbox.state.accessPaySuite.contracts.get(TERMINATED_2)?.scheduleStatus).toBe(
			'Terminated',
		);
		expect(run.output('Success')).toHaveLength(0);
	});
});

describe('retries of 429 and 503', () => {
	it('retries a 429 after Retry-After seconds and succeeds', async () => {
		context.sandbox.inject({ provider: 'accessPaySuite', status: 429, retryAfter: '0', times: 2 });
		const run = await context.run(cancel(), [{ id: ACTIVE }]);
		expect(run.requests).toHaveLength(3);
		expect(run.items[0].json).toMatchObject({ success: true });
	});

	it('accepts Retry-After as an HTTP date', async () => {
		context.sandbox.inject({
			provider: 'accessPaySuite',
			status: 503,
			retryAfter: new Date(Date.now() - 1000).toUTCString(),
		});
		const run = await context.run(cancel(), [{ id: ACTIVE }]);
		expect(run.requests).toHaveLength(2);
		expect(run.items[0].json.success).toBe(true);
	});

	it('retries a 503 without Retry-After with backoff', async () => {
		context.sandbox.inject({ provider: 'accessPaySuite', status: 503 });
		const started = Date.now();
		const run = await context.run(cancel(), [{ id: ACTIVE }]);
		expect(run.requests).toHaveLength(2);
		expect(run.items[0].json.success).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(200); // backoff for the first retry is 250–500 ms
	});

	it('gives up after maxRetries and reports rate_limited', async () => {
		context.sandbox.inject({ provider: 'accessPaySuite', status: 429, retryAfter: '0', times: 5 });
		const run = await context.run(cancel('continueRegularOutput', { maxRetries: 2 }), [
			{ id: ACTIVE },
		]);
		expect(run.requests).toHaveLength(3);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'rate_limited',
			retryable: true,
			httpCode: 429,
		});
	});

	it('does not retry other failures (a 500 is sent once)', async () => {
		context.sandbox.inject({ provider: 'accessPaySuite', status: 500, body: '{"Message":"boom"}' });
		const run = await context.run(cancel('continueRegularOutput'), [{ id: ACTIVE }]);
		expect(run.requests).toHaveLength(1);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'provider_error',
			message: 'boom',
			retryable: false,
		});
	});
});

describe('transport failures', () => {
	it('a request that outlives the timeout fails with category timeout and is not retried', async () => {
		context.sandbox.inject({ provider: 'accessPaySuite', delayMs: 1500 });
		const run = await context.run(cancel('continueRegularOutput', { timeout: 200 }), [
			{ id: ACTIVE },
		]);
		expect(run.requests).toHaveLength(1);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'timeout',
			code: 'TIMEOUT',
			httpCode: null,
			retryable: false,
			message: 'The provider did not answer within 200 ms; the outcome is unknown',
		});
	});

	// The client cannot tell whether the provider acted before the connection broke.
	it('a dropped connection is timeout/NETWORK: the outcome is unknown, not retryable', async () => {
		context.sandbox.inject({ provider: 'accessPaySuite', drop: true });
		const run = await context.run(cancel('continueRegularOutput'), [{ id: ACTIVE }]);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'timeout',
			code: 'NETWORK',
			retryable: false,
			httpCode: null,
		});
		expect(run.requests).toHaveLength(1);
	});

	it('a refused connection is unavailable/NETWORK', async () => {
		const run = await context.run(cancel('continueRegularOutput'), [{ id: ACTIVE }], {
			accessPaySuiteApi: { baseUrl: 'http://127.0.0.1:9' },
		});
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'unavailable',
			code: 'NETWORK',
			retryable: true,
		});
	});

	it('a slow sandbox within the timeout still succeeds', async () => {
		context.sandbox.setLatency(100);
		const run = await context.run(cancel(undefined, { timeout: 5000 }), [{ id: ACTIVE }]);
		expect(run.items[0].json.success).toBe(true);
	});
});

describe('clear-text base URLs', () => {
	it.each([
		[
			'accessPaySuite',
			'accessPaySuiteApi',
			cancel('continueRegularOutput'),
			{ baseUrl: 'http://ddcms.example.com' },
		],
		[
			'singula',
			'singulaApi',
			nodeStep(
				'singula',
				'contract',
				'change',
				{
					customerId: '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01',
					contractId: '80001',
					itemCode: 'PREMIUM',
				},
				'continueRegularOutput',
			),
			{ baseUrl: 'http://10.0.0.8:8080' },
		],
	])(
		'%s: a non-loopback http:// URL is refused before anything is sent',
		async (_provider, type, node, override) => {
			const run = await context.run(node, [{ id: ACTIVE }], { [type]: override });
			expect(run.requests).toHaveLength(0);
			const error = errorOf(run.items[0]);
			expect(error).toMatchObject({
				category: 'validation',
				code: 'INVALID_PARAMETER',
				httpCode: null,
			});
			expect(error.message).toMatch(
				/plain http:\/\/ is only allowed for localhost; use https:\/\//,
			);
		},
	);
});

describe('operations the node does not have', () => {
	it('"Custom API Call" points to the HTTP Request node', async () => {
		const run = await context.run(
			nodeStep('accessPaySuite', 'contract', '__CUSTOM_API_CALL__', {}, 'continueRegularOutput'),
			[{}],
		);
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0]).message).toBe(
			'Parameter "operation" is "Custom API Call": use n8n\'s HTTP Request node with this credential for calls this node does not offer',
		);
	});
});
