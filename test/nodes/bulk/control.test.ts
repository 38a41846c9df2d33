/**
 * What stops or holds a bulk run: a 429 pauses the credential (the requests in flight finish, no
 * new one starts until Retry-After has passed), the first failure in stop mode, and n8n's cancel.
 */
import type { IDataObject } from 'n8n-workflow';

import { startCancellableRun, updateAmountStep, waitUntil } from '../../harness/bulk';
import { errorOf, useSandbox } from '../../harness/fixture';

const context = useSandbox();

const ACTIVE = 'a0000000-0000-4000-8000-000000000001';
const PROTECTED = 'a0000000-0000-4000-8000-000000000003';
const UNKNOWN = 'a0000000-0000-4000-8000-0000000009ff';

function rows(count: number, special: Record<number, string> = {}): IDataObject[] {
	return Array.from({ length: count }, (_, row) => ({
		row,
		id: special[row] ?? ACTIVE,
		amount: `${10 + row}.00`,
	}));
}

const rowOf = (request: { query: Record<string, string> }) =>
	Number(request.query.comment?.replace('row ', ''));

describe('bulk runs: a 429 pauses the credential', () => {
	it('with 8 in flight, a 429 with Retry-After 1 lets only those finish until the pause ends', async () => {
		// The first request is answered 429 at once; the 7 others in flight take 300 ms.
		context.sandbox.inject({ method: 'PATCH', status: 429, retryAfter: '1' });
		context.sandbox.inject({ method: 'PATCH', delayMs: 300, times: 7 });
		const run = await context.run(
			updateAmountStep({ concurrency: 8, maxRetries: 3 }, 'continueRegularOutput'),
			rows(30),
		);
		expect(run.items).toHaveLength(30);
		expect(run.items.every((item) => item.json.success === true)).toBe(true);
		expect(run.requests).toHaveLength(31);

		const limited = run.requests[0];
		const pauseStart = limited.receivedAt;
		const pauseEnd = pauseStart + 1000;
		const during = run.requests.filter(
			(request) => request.receivedAt >= pauseStart && request.receivedAt < pauseEnd - 50,
		);
		// The 8 in flight when the 429 came (it included), and no new start: no storm.
		expect(during.length).toBeLessThanOrEqual(8);
		const afterFirst50ms = during.filter((request) => request.receivedAt > pauseStart + 50);
		expect(afterFirst50ms).toEqual([]);
		// After the pause everything else went through, the 429'd row retried once.
		const rowsSent = run.requests.map(rowOf);
		expect(rowsSent.filter((row) => row === rowOf(limited))).toHaveLength(2);
	});
});

describe('bulk runs: stop mode', () => {
	it('after the first failure no new request starts; the lowest failed row is thrown', async () => {
		// Rows 0-3 start together. Row 2 fails first (its connection dropped at once); row 1 fails
		// later (403 after 600 ms); rows 0 and 3 take 300 ms, so a worker is free long after row 2.
		context.sandbox.setLatency(300);
		context.sandbox.inject({ pathIncludes: UNKNOWN, drop: true });
		context.sandbox.inject({ pathIncludes: PROTECTED, delayMs: 300 });
		const run = await context.run(
			updateAmountStep({ concurrency: 4 }),
			rows(40, { 1: PROTECTED, 2: UNKNOWN }),
		);
		expect(run.error?.message).toBe('Contract is protected and cannot be modified');
		expect((run.error as { context?: IDataObject }).context?.itemIndex).toBe(1);
		expect(run.items).toEqual([]);
		// The four in flight finished; nothing else started, not even when workers came free.
		expect(run.requests.map(rowOf).sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
	});

	it('a bad row read ahead fails in its turn: every row before it is sent, none after', async () => {
		// At 4 in flight the node reads rows 4-7 while rows 0-3 are out. Row 5's bad amount must
		// stop the run only when row 5's turn comes, as one at a time: row 4 still goes out.
		context.sandbox.setLatency(150);
		const input = rows(12);
		input[5].amount = 'twelve';
		const run = await context.run(updateAmountStep({ concurrency: 4 }), input);
		expect(run.error?.message).toBe(
			'Parameter "amount" must be a number with up to two decimals, like 12.50',
		);
		expect((run.error as { context?: IDataObject }).context?.itemIndex).toBe(5);
		expect(run.requests.map(rowOf).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
	});

	it('options from an expression are read per row: a bad one fails only its row, unsent', async () => {
		const run = await context.run(
			updateAmountStep(
				{ concurrency: 2, timeout: '={{ $json.row === 2 ? 0 : 30000 }}' },
				'continueRegularOutput',
			),
			rows(4),
		);
		expect(run.requests.map(rowOf).sort((a, b) => a - b)).toEqual([0, 1, 3]);
		expect(errorOf(run.items[2])).toMatchObject({
			code: 'INVALID_PARAMETER',
			message: 'Parameter "options.timeout" must be a whole number from 1 to 600000',
		});
		expect([0, 1, 3].map((row) => run.items[row].json.success)).toEqual([true, true, true]);
	});

	it('continue modes do not stop: every row is sent and the failures are items', async () => {
		context.sandbox.inject({ pathIncludes: UNKNOWN, drop: true });
		const run = await context.run(
			updateAmountStep({ concurrency: 4 }, 'continueRegularOutput'),
			rows(12, { 1: PROTECTED, 2: UNKNOWN }),
		);
		expect(run.requests).toHaveLength(12);
		expect(errorOf(run.items[1])).toMatchObject({ category: 'protected', httpCode: 403 });
		expect(errorOf(run.items[2])).toMatchObject({ category: 'timeout', code: 'NETWORK' });
	});
});

describe('bulk runs: cancelling the execution', () => {
	it('stops new requests at once; the ones in flight end within their timeout', async () => {
		const TIMEOUT_MS = 1500;
		context.sandbox.setLatency(5000);
		const execution = startCancellableRun(
			context.sandbox,
			updateAmountStep({ concurrency: 4, timeout: TIMEOUT_MS }, 'continueRegularOutput'),
			rows(40),
		);
		await waitUntil(() => context.sandbox.requests.length === 4);
		const firstSent = context.sandbox.requests[0].receivedAt;
		const cancelledAt = performance.timeOrigin + performance.now();
		execution.cancel();
		const { run, items } = await execution.finished;
		const finishedAt = performance.timeOrigin + performance.now();
		// n8n marks the execution cancelled (not failed); the cut-off requests give no item.
		expect(run.status).toBe('canceled');
		expect(items).toEqual([]);
		expect(run.data.resultData.runData.Success).toBeUndefined();
		// Nothing started after the cancel, not even once the requests in flight had ended.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(context.sandbox.requests).toHaveLength(4);
		expect(context.sandbox.requests.every((request) => request.receivedAt < cancelledAt)).toBe(
			true,
		);
		// The node did not wait for the 5 s answers: done within the in-flight requests' timeout.
		expect(finishedAt - firstSent).toBeLessThan(TIMEOUT_MS + 500);
	});

	it('a run waiting for its turns in the pace ends at once', async () => {
		// 120 a minute: a start every 500 ms, so three workers are always waiting for their turn.
		const execution = startCancellableRun(
			context.sandbox,
			updateAmountStep({ concurrency: 4, maxRequestsPerMinute: 120 }, 'continueRegularOutput'),
			rows(40),
		);
		await waitUntil(() => context.sandbox.requests.length === 2);
		// Let the second answer arrive; the third start is 500 ms after the second.
		await new Promise((resolve) => setTimeout(resolve, 100));
		const cancelledAt = performance.now();
		execution.cancel();
		const { run, items } = await execution.finished;
		expect(performance.now() - cancelledAt).toBeLessThan(250);
		// The two rows answered before the cancel come out, in input order, each paired to the row
		// that was sent (the four workers wait for their turns in no fixed order).
		expect(run.status).toBe('canceled');
		const sentRows = context.sandbox.requests.map(rowOf).sort((a, b) => a - b);
		expect(items.map((item) => item.json.success)).toEqual([true, true]);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(sentRows);
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(context.sandbox.requests).toHaveLength(2);
	});
});
