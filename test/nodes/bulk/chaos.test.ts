/**
 * A 1,000-row customer import at concurrency 8 through seeded chaos (429, 503, connections dropped
 * before or after the action, slow answers): every row accounted for once, every action the
 * provider carried out carried out once, nothing re-sent but the 429/503 retries, and every row
 * whose connection broke after sending reported as an unknown outcome (`timeout`, `NETWORK`).
 */
import type { IDataObject } from 'n8n-workflow';

import type { ChaosOutcome, RecordedRequest } from '../../../sandbox/server';
import { errorOf, useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';

const context = useSandbox();

const ROWS = 1000;
const CUSTOMER_PATH = '/ddcms/api/v3/client/DEMO/customer';
const RETRIED: Array<ChaosOutcome | undefined> = ['rate429', 'rate503'];
const BROKEN: Array<ChaosOutcome | undefined> = ['dropBefore', 'dropAfter'];

const refOf = (row: number) => `BULK-${String(row).padStart(4, '0')}`;

/** A new customer per CRM row: only the reference differs, so a repeat would be visible. */
const createCustomer = nodeStep(
	'accessPaySuite',
	'customer',
	'create',
	{
		customerRef: '={{ $json.ref }}',
		email: 'import@example.com',
		title: 'Ms',
		firstName: 'Iris',
		surname: 'Import',
		line1: '1 Bulk Street',
		postCode: 'GL52 2NF',
		accountNumber: '01234567',
		bankSortCode: '089286',
		accountHolderName: 'MS IMPORT',
		options: { concurrency: 8, maxRetries: 10, timeout: 5000 },
	},
	'continueRegularOutput',
);

/** Groups by the customer reference in the query string. */
function byRef<T extends { rawQuery: string }>(records: T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const record of records) {
		const ref = new URLSearchParams(record.rawQuery).get('customerRef') ?? '';
		groups.set(ref, [...(groups.get(ref) ?? []), record]);
	}
	return groups;
}

describe('bulk runs: 1,000 rows through seeded chaos at concurrency 8', () => {
	it('accounts for every row once and applies no action twice', async () => {
		context.sandbox.setChaos({
			seed: 20261201,
			provider: 'accessPaySuite',
			rate429: 0.01,
			rate503: 0.04,
			dropBefore: 0.02,
			dropAfter: 0.02,
			slow: 0.03,
			slowMs: 300,
		});
		context.sandbox.setLatency(1, { jitterMs: 4 });
		const rows: IDataObject[] = Array.from({ length: ROWS }, (_, row) => ({ ref: refOf(row) }));
		const run = await context.run(createCustomer, rows);

		const sent = byRef(run.requests.filter((request) => request.path === CUSTOMER_PATH));
		const applied = byRef(
			context.sandbox.applied.filter((action) => action.path === CUSTOMER_PATH),
		);
		const created = [...context.sandbox.state.accessPaySuite.customers.values()].filter(
			(customer) => customer.customerRef.startsWith('BULK-'),
		);
		const seen: Record<string, number> = {};

		// One output per input, in order, paired.
		expect(run.items).toHaveLength(ROWS);
		run.items.forEach((item, row) => {
			const ref = refOf(row);
			expect(item.pairedItem).toEqual({ item: row });
			const attempts: RecordedRequest[] = sent.get(ref) ?? [];
			const last = attempts[attempts.length - 1];
			// Re-sent only after a 429 or 503.
			expect(attempts.length).toBeGreaterThanOrEqual(1);
			expect(attempts.slice(0, -1).every((attempt) => RETRIED.includes(attempt.chaos))).toBe(true);
			const timesApplied = applied.get(ref)?.length ?? 0;
			const outcome = last.chaos ?? 'normal';
			seen[outcome] = (seen[outcome] ?? 0) + 1;
			if (BROKEN.includes(last.chaos)) {
				expect(errorOf(item)).toMatchObject({ category: 'timeout', code: 'NETWORK' });
				expect(timesApplied).toBe(last.chaos === 'dropAfter' ? 1 : 0);
			} else if (RETRIED.includes(last.chaos)) {
				// Retries used up (unlikely with 10): a failure, nothing applied.
				expect(errorOf(item).category).toMatch(/^(rate_limited|unavailable)$/);
				expect(timesApplied).toBe(0);
			} else {
				const customer = created.find((candidate) => candidate.customerRef === ref);
				expect(item.json).toMatchObject({
					success: true,
					customerRef: ref,
					customerId: customer?.id,
				});
				expect(timesApplied).toBe(1);
			}
		});
		// No reference applied twice, and the provider holds exactly what was applied.
		expect([...applied.values()].filter((actions) => actions.length > 1)).toEqual([]);
		expect(created).toHaveLength([...applied.values()].length);
		// The chaos really mixed every fault in (retried faults seen on earlier attempts).
		const retriedAttempts = run.requests.filter((request) => RETRIED.includes(request.chaos));
		expect(new Set(retriedAttempts.map((request) => request.chaos))).toEqual(
			new Set(['rate429', 'rate503']),
		);
		expect(seen).toMatchObject({
			dropBefore: expect.any(Number),
			dropAfter: expect.any(Number),
			slow: expect.any(Number),
			normal: expect.any(Number),
		});
		expect(context.sandbox.peakInFlight).toBeLessThanOrEqual(8);
		expect(context.sandbox.peakInFlight).toBeGreaterThan(4);
	}, 180000);
});
