/**
 * The pace of a credential, measured where the provider would count it: the arrival times at the
 * sandbox. Starts are at least 60000 / maxRequestsPerMinute ms apart, so no 1-second window gets
 * more than its share, across items, retries, two executions at once and a dropdown call.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	arrivals,
	gapsBetween,
	mostInWindow,
	updateAmountStep,
	waitUntil,
} from '../../harness/bulk';
import { loadOptions } from '../../harness/engine';
import { credentialsFor, useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';

const context = useSandbox();

const ACTIVE = 'a0000000-0000-4000-8000-000000000001';
const PER_MINUTE = 300;
const INTERVAL_MS = 60000 / PER_MINUTE;
/** Per second: the share a provider counting per second would allow. */
const SHARE_PER_SECOND = PER_MINUTE / 60;
/**
 * Arrival times wobble by the client's and the loopback's scheduling on a busy machine: a cold
 * first request spends up to ~30 ms between its turn and the wire, so its gap to the next shrinks.
 */
const TOLERANCE_MS = 40;

const BULK_OPTIONS = { concurrency: 8, maxRequestsPerMinute: PER_MINUTE, maxRetries: 3 };

const updateAmount = (label: string) => updateAmountStep(BULK_OPTIONS, undefined, label);

function rows(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, row) => ({ row, id: ACTIVE, amount: `${20 + row}.00` }));
}

/** Every start paced: consecutive arrivals an interval apart, no 1 s window above its share. */
function expectPaced(times: number[]): void {
	expect(Math.min(...gapsBetween(times))).toBeGreaterThanOrEqual(INTERVAL_MS - TOLERANCE_MS);
	expect(mostInWindow(times, 1000 - TOLERANCE_MS)).toBeLessThanOrEqual(SHARE_PER_SECOND);
}

describe('bulk runs: the pace of a credential, measured at the provider', () => {
	// The process's first requests load parts of n8n's request stack on the way to the wire (up to
	// ~90 ms between a start's turn and its arrival); the pace is measured once that has happened.
	beforeEach(async () => {
		await context.run(updateAmountStep({ maxRequestsPerMinute: 0 }, undefined, 'warm-up'), rows(2));
		context.sandbox.reset();
	});

	it('one node at concurrency 8: every start paced, retries included', async () => {
		// Two 503s: their retries are starts too and must take their turn.
		context.sandbox.inject({ method: 'PATCH', status: 503, times: 2 });
		const run = await context.run(updateAmount('row'), rows(16));
		expect(run.items.every((item) => item.json.success === true)).toBe(true);
		expect(run.requests).toHaveLength(18);
		expectPaced(arrivals(run.requests));
	});

	it('rows waiting for their turns go out in input order', async () => {
		// Eight workers wait for their turns at once; the pace serves them in the order they asked.
		const run = await context.run(updateAmount('row'), rows(16));
		expect(run.items.every((item) => item.json.success === true)).toBe(true);
		const sent = [...run.requests]
			.sort((a, b) => a.receivedAt - b.receivedAt)
			.map((request) => Number(request.query.comment.split(' ')[1]));
		expect(sent).toEqual(rows(16).map((row) => row.row));
	});

	it('two executions sharing the credential share one pace', async () => {
		const [first, second] = await Promise.all([
			context.run(updateAmount('first'), rows(12)),
			context.run(updateAmount('second'), rows(12)),
		]);
		expect([first.items, second.items].flat().every((item) => item.json.success)).toBe(true);
		const requests = context.sandbox.requests;
		expect(requests).toHaveLength(24);
		// Both executions were running at the same time, not one after the other: turns are served
		// in the order asked, so the second's 8 waiting workers go before the first's last 4 rows.
		const order = [...requests]
			.sort((a, b) => a.receivedAt - b.receivedAt)
			.map((request) => request.query.comment.split(' ')[0]);
		expect(order.indexOf('second')).toBeLessThan(order.lastIndexOf('first'));
		expectPaced(arrivals(requests));
	});

	it('a dropdown call during a paced run takes its turn', async () => {
		const running = context.run(updateAmount('row'), rows(10));
		await waitUntil(() => context.sandbox.requests.length >= 3);
		const options = await loadOptions(
			nodeStep('accessPaySuite', 'contract', 'create', { options: BULK_OPTIONS }),
			'getScheduleNames',
			credentialsFor(context.sandbox),
		);
		expect(options.map((option) => option.value)).toContain('Monthly membership');
		await running;
		const requests = context.sandbox.requests;
		expect(requests).toHaveLength(11);
		const dropdownCall = requests.findIndex((request) => request.path.endsWith('/schedules'));
		// It was asked for while the run was sending, and waited for its turn.
		expect(dropdownCall).toBeGreaterThan(2);
		expectPaced(arrivals(requests));
	});
});
