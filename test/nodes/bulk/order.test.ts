/**
 * Bulk runs keep the output of a one-at-a-time run: the same items, in input order, each paired
 * with its input, in the three On Error modes, for an action and a list, whatever order the
 * answers arrive in (random latency) and whatever faults some items meet on the way.
 */
import type { IDataObject } from 'n8n-workflow';

import { updateAmountStep } from '../../harness/bulk';
import { useSandbox } from '../../harness/fixture';
import type { NodeRun } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();

const CONTRACT = (n: number) => `a0000000-0000-4000-8000-00000000000${n}`;
const PROTECTED = CONTRACT(3);
const BROKEN = CONTRACT(5);
const UNKNOWN = 'a0000000-0000-4000-8000-0000000009ff';

/**
 * One input row per pattern: successes on four contracts (two of them meet a 503 or a 429 first,
 * retried), 403, 500, 404, and two rows refused locally. The first failure is row 2.
 */
const ACTION_PATTERN: Array<{ id: string; amount: string }> = [
	{ id: CONTRACT(1), amount: '10.00' },
	{ id: CONTRACT(2), amount: '11.50' },
	{ id: PROTECTED, amount: '12.00' },
	{ id: CONTRACT(4), amount: '13.00' },
	{ id: BROKEN, amount: '14.00' },
	{ id: 'a/b', amount: '15.00' },
	{ id: UNKNOWN, amount: '16.00' },
	{ id: CONTRACT(1), amount: 'lots' },
];
const ACTION_ROWS: IDataObject[] = Array.from({ length: 48 }, (_, row) => ({
	row,
	...ACTION_PATTERN[row % ACTION_PATTERN.length],
}));

/** Payments of a contract: 5 records, none, 404, refused locally; the first failure is row 2. */
const LIST_PATTERN = [CONTRACT(1), CONTRACT(2), UNKNOWN, CONTRACT(1), 'a/b', CONTRACT(4)];
const LIST_ROWS: IDataObject[] = Array.from({ length: 36 }, (_, row) => ({
	row,
	id: LIST_PATTERN[row % LIST_PATTERN.length],
}));

const ON_ERROR: OnError[] = ['stopWorkflow', 'continueRegularOutput', 'continueErrorOutput'];

function listPayments(onError: OnError, concurrency: number) {
	return nodeStep(
		'accessPaySuite',
		'payment',
		'getMany',
		{ contractId: '={{ $json.id }}', returnAll: true, options: { concurrency, maxRetries: 3 } },
		onError,
	);
}

/** Transient faults that the retries absorb, so the output does not depend on which row meets them. */
function injectRetriedFaults(): void {
	context.sandbox.inject({ pathIncludes: CONTRACT(4), status: 503, times: 2 });
	context.sandbox.inject({ pathIncludes: CONTRACT(2), status: 429, retryAfter: '0', times: 2 });
}

/** What a user sees of a run: both outputs (json and pairing) and the error that stopped it. */
function outcome(run: NodeRun) {
	const shown = (items: NodeRun['items']) =>
		items.map((item) => ({ json: item.json, pairedItem: item.pairedItem }));
	const error = run.error as (Error & { description?: string; context?: IDataObject }) | undefined;
	return {
		items: shown(run.items),
		errorItems: shown(run.errorItems),
		error: error && {
			message: error.message,
			description: error.description,
			itemIndex: error.context?.itemIndex,
		},
	};
}

/** Runs at concurrency 1, then 16 with random latency, each on a fresh sandbox; returns both. */
async function oneThenSixteen(
	step: (concurrency: number) => Parameters<typeof context.run>[0],
	rows: IDataObject[],
) {
	injectRetriedFaults();
	const serial = await context.run(step(1), rows);
	context.sandbox.reset();
	injectRetriedFaults();
	context.sandbox.setLatency(2, { jitterMs: 40 });
	const parallel = await context.run(step(16), rows);
	return { serial, parallel, peak: context.sandbox.peakInFlight };
}

/** Concurrency 16 gives what concurrency 1 gives; returns the serial run for the checks of each case. */
async function expectSameAsOneAtATime(
	step: (concurrency: number) => Parameters<typeof context.run>[0],
	rows: IDataObject[],
	onError: OnError,
) {
	const { serial, parallel, peak } = await oneThenSixteen(step, rows);
	expect(outcome(parallel)).toEqual(outcome(serial));
	if (onError === 'stopWorkflow') {
		expect(outcome(serial).error).toMatchObject({ itemIndex: 2 });
	} else {
		// The requests really overlapped.
		expect(peak).toBeGreaterThan(8);
	}
	return serial;
}

describe('bulk runs: order and pairing at concurrency 16', () => {
	it.each(ON_ERROR)('an action, On Error %s: the same output as one at a time', async (onError) => {
		const serial = await expectSameAsOneAtATime(
			(concurrency) => updateAmountStep({ concurrency, maxRetries: 3 }, onError),
			ACTION_ROWS,
			onError,
		);
		// Stop: row 1 met two 429s before its success; nothing after row 2 was sent.
		if (onError === 'stopWorkflow') expect(serial.requests).toHaveLength(5);
		else expect([...serial.items, ...serial.errorItems]).toHaveLength(ACTION_ROWS.length);
	});

	it.each(ON_ERROR)('a list, On Error %s: the same records as one at a time', async (onError) => {
		const serial = await expectSameAsOneAtATime(
			(concurrency) => listPayments(onError, concurrency),
			LIST_ROWS,
			onError,
		);
		if (onError === 'stopWorkflow') return;
		// Contract 1's five payments for each of its rows, paired with that row.
		const paymentsOfRow0 = serial.items.filter(
			(item) => (item.pairedItem as { item: number }).item === 0,
		);
		expect(paymentsOfRow0).toHaveLength(5);
		expect(serial.items.length).toBeGreaterThan(LIST_ROWS.length);
	});
});
