/** Knobs for bulk runs (issue 10): rate limits, seeded chaos, applied actions, timing, in-flight, jitter. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
	SANDBOX_CREDENTIALS,
	startSandbox,
	type ChaosConfig,
	type Sandbox,
} from '../../sandbox/server';
import { DDCMS_CONTRACT, ddcms, debitsuccess, magicline, send, TODAY } from './helpers';
import { answeredNothing, exchange, waitFor, type Exchange } from './rawClient';

let sandbox: Sandbox;
const reasons = '/v1/memberships/self-service/contract-cancelation-reasons';
const contractData = '/v1/memberships/9001/self-service/contract-data';
const cancelModule = (id: string) =>
	`/v1/memberships/5001/self-service/additional-module-contracts/${id}/ordinary-cancelation`;
const cancelBody = '{"cancelationDate":"2030-02-28","cancelationReasonId":1001}';
const magiclineKey = { 'X-API-KEY': SANDBOX_CREDENTIALS.magicline.apiKey };
/** GET the cancelation reasons over a fresh connection. */
const getReasons = () => exchange(`${sandbox.urls.magicline}${reasons}`, { headers: magiclineKey });
const ddcmsKey = { apiKey: SANDBOX_CREDENTIALS.accessPaySuite.apiKey };
const cancelScheduleUrl = (n: number) =>
	`${sandbox.urls.accessPaySuite}/api/v3/client/DEMO/contract/${DDCMS_CONTRACT(n)}/cancelSchedule`;
const admin = (endpoint: string, body?: unknown) =>
	send(
		`${sandbox.url}/__sandbox/${endpoint}`,
		body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) },
	);

beforeAll(async () => {
	sandbox = await startSandbox({ today: TODAY });
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
	await sandbox.close();
});

describe('rate limits', () => {
	it("Magicline's documented limit is on by default: 1,000 per endpoint per 60 s; the others have none", async () => {
		expect(sandbox.getRateLimit('magicline')).toEqual({
			limit: 1000,
			windowMs: 60_000,
			perEndpoint: true,
		});
		for (const provider of ['accessPaySuite', 'singula', 'debitsuccess'] as const)
			expect(sandbox.getRateLimit(provider)).toBeNull();
		sandbox.setRateLimit('magicline', null);
		sandbox.setRateLimit('singula', { limit: 5, windowMs: 1000 });
		sandbox.reset();
		expect(JSON.parse((await admin('rate-limit')).text)).toEqual({
			accessPaySuite: null,
			magicline: { limit: 1000, windowMs: 60_000, perEndpoint: true },
			singula: null,
			debitsuccess: null,
		});
	});

	it('answers 429 in Magicline format with Retry-After after `limit` requests, for the rest of the window', async () => {
		sandbox.setRateLimit('magicline', { limit: 3, windowMs: 1500 });
		for (let i = 0; i < 3; i++) expect((await magicline(sandbox, 'GET', reasons)).status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const limited = await magicline(sandbox, 'GET', reasons);
			expect(limited.status).toBe(429);
			expect(['1', '2']).toContain(limited.headers.get('retry-after'));
			expect(JSON.parse(limited.text)).toMatchObject({
				errorCode: 'TOO_MANY_REQUESTS',
				errorMessage: expect.any(String),
				traceId: expect.stringMatching(/^[0-9a-f]{16}$/),
			});
		}
		// Another endpoint has its own count.
		expect((await magicline(sandbox, 'GET', contractData)).status).toBe(200);
		expect(sandbox.requests).toHaveLength(6); // limited requests are recorded too
	});

	it('opens a new window when the old one ends', async () => {
		sandbox.setRateLimit('magicline', { limit: 1, windowMs: 300 });
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(200);
		const limited = await magicline(sandbox, 'GET', reasons);
		expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
		await new Promise((resolve) => setTimeout(resolve, 350));
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(200);
	});

	it('counts ids in the path as one endpoint; a limited write reaches no handler', async () => {
		sandbox.setRateLimit('magicline', { limit: 1, windowMs: 60_000 });
		expect((await magicline(sandbox, 'POST', cancelModule('7001'), cancelBody)).status).toBe(200);
		const second = await magicline(sandbox, 'POST', cancelModule('9007199254740993'), cancelBody);
		expect(second.status).toBe(429);
		expect(sandbox.state.magicline.moduleContracts.get('9007199254740993')?.status).toBe('ACTIVE');
		expect(sandbox.applied.map((action) => action.path)).toEqual([
			`/magicline${cancelModule('7001')}`,
		]);
	});

	it('perEndpoint false counts every endpoint together; the admin endpoint sets and clears a limit', async () => {
		sandbox.setRateLimit('magicline', { limit: 1, windowMs: 60_000, perEndpoint: false });
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(200);
		expect((await magicline(sandbox, 'GET', contractData)).status).toBe(429);

		const set = await admin('rate-limit', {
			provider: 'accessPaySuite',
			limit: 1,
			windowMs: 60_000,
		});
		expect(set.status).toBe(200);
		expect((await ddcms(sandbox, 'GET', 'schedules')).status).toBe(200);
		const limited = await ddcms(sandbox, 'GET', 'schedules');
		expect([limited.status, JSON.parse(limited.text)]).toEqual([
			429,
			{ Message: 'Too Many Requests' },
		]);
		expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
		expect((await admin('rate-limit', { provider: 'accessPaySuite', off: true })).status).toBe(200);
		expect((await ddcms(sandbox, 'GET', 'schedules')).status).toBe(200);
		expect((await admin('rate-limit', { provider: 'stripe', limit: 1, windowMs: 1 })).status).toBe(
			400,
		);
		expect(
			(await admin('rate-limit', { provider: 'singula', limit: -1, windowMs: 1 })).status,
		).toBe(400);
	});
});

describe('applied actions', () => {
	it('counts REST writes answered 2xx, not reads nor refused writes', async () => {
		await ddcms(sandbox, 'GET', 'schedules');
		await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/cancelSchedule`);
		await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/cancelSchedule`); // now 400
		await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(3)}/cancelSchedule`); // protected: 403
		await ddcms(sandbox, 'PATCH', `contract/${DDCMS_CONTRACT(1)}/amount?amount=12.5`);
		expect(sandbox.applied).toEqual([
			expect.objectContaining({
				provider: 'accessPaySuite',
				method: 'POST',
				path: `/ddcms/api/v3/client/DEMO/contract/${DDCMS_CONTRACT(1)}/cancelSchedule`,
				rawQuery: '',
				body: '',
				status: 200,
			}),
			expect.objectContaining({ method: 'PATCH', rawQuery: 'amount=12.5', status: 200 }),
		]);
		const served = JSON.parse((await admin('applied')).text);
		expect(served).toHaveLength(2);
		expect(served[0].at).toBeGreaterThanOrEqual(sandbox.requests[1].receivedAt);
	});

	it('counts Debitsuccess operations that succeeded, except the account read, with the SOAPAction', async () => {
		const ref = (no: string) => `<core:AccountReferenceNo>${no}</core:AccountReferenceNo>`;
		await debitsuccess(sandbox, 'GetCustomerAccountByAccountId', { fields: ref('DS1001') });
		await debitsuccess(sandbox, 'CancelAccount', { fields: ref('DS1005') }); // Failed 09
		await debitsuccess(sandbox, 'CancelAccount', { fields: ref('DS1006') }); // Unknown
		await debitsuccess(sandbox, 'CancelAccount', { fields: ref('DS1001') });
		expect(sandbox.applied).toEqual([
			expect.objectContaining({
				provider: 'debitsuccess',
				method: 'POST',
				soapAction: 'CancelAccount',
				status: 200,
				body: expect.stringContaining(ref('DS1001')),
			}),
		]);
	});

	it('is cleared by reset()', async () => {
		await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/cancelSchedule`);
		expect(sandbox.applied).toHaveLength(1);
		sandbox.reset();
		expect(sandbox.applied).toEqual([]);
	});
});

describe('timing and in-flight', () => {
	it('stamps receivedAt and tracks the requests in flight and their peak', async () => {
		sandbox.setLatency(150);
		const before = Date.now();
		const replies = await Promise.all(Array.from({ length: 5 }, () => getReasons()));
		expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
		for (const recorded of sandbox.requests) {
			expect(recorded.receivedAt).toBeGreaterThanOrEqual(before - 1);
			expect(recorded.receivedAt).toBeLessThanOrEqual(before + 150);
		}
		expect([sandbox.inFlight, sandbox.peakInFlight]).toEqual([0, 5]);
		const stats = JSON.parse((await admin('stats')).text);
		expect(stats).toMatchObject({ inFlight: 0, peakInFlight: 5, requests: 5, applied: 0 });
		expect(stats.rss).toBeGreaterThan(0);

		const pending = getReasons();
		await waitFor(() => sandbox.inFlight === 1);
		sandbox.resetPeak();
		expect(sandbox.peakInFlight).toBe(1);
		await pending;
		expect(sandbox.inFlight).toBe(0);
		expect((await admin('reset-peak', {})).status).toBe(200);
		expect(sandbox.peakInFlight).toBe(0);
		sandbox.reset();
		expect(sandbox.peakInFlight).toBe(0);
	});

	it('counts dropped requests out of flight too', async () => {
		sandbox.inject({ provider: 'magicline', drop: true });
		sandbox.inject({ provider: 'magicline', applyThenDrop: true });
		await getReasons();
		await getReasons();
		await waitFor(() => sandbox.inFlight === 0);
	});
});

describe('latency jitter', () => {
	it('delays each response by ms plus a random 0..jitterMs', async () => {
		sandbox.setChaos({ seed: 5 }); // no faults: only seeds the jitter, so this run's delays are fixed
		sandbox.setLatency(40, { jitterMs: 120 });
		const durations: number[] = [];
		for (let i = 0; i < 8; i++) {
			const reply = await exchange(`${sandbox.urls.magicline}${reasons}`, {
				headers: magiclineKey,
			});
			durations.push(reply.endedAt - reply.startedAt);
		}
		for (const duration of durations) {
			expect(duration).toBeGreaterThanOrEqual(38);
			expect(duration).toBeLessThan(40 + 120 + 250); // tolerant: a shared machine
		}
		expect(Math.max(...durations) - Math.min(...durations)).toBeGreaterThan(15);
	});

	it('is set over the admin endpoint and refused when negative', async () => {
		expect((await admin('latency', { ms: 10, jitterMs: 5 })).status).toBe(200);
		expect((await admin('latency', { ms: 10, jitterMs: -5 })).status).toBe(400);
		expect(() => sandbox.setLatency(0, { jitterMs: Number.NaN })).toThrow(TypeError);
	});
});

describe('seeded chaos', () => {
	const chaos: ChaosConfig = {
		seed: 42,
		rate429: 0.15,
		rate503: 0.15,
		dropBefore: 0.15,
		dropAfter: 0.15,
		slow: 0.15,
		slowMs: 60,
	};

	/** Sends `count` sequential DDCMS amount changes (writes, so dropAfter is visible in `applied`). */
	async function run(count: number): Promise<Exchange[]> {
		const replies: Exchange[] = [];
		for (let i = 0; i < count; i++) {
			replies.push(
				await exchange(
					`${sandbox.urls.accessPaySuite}/api/v3/client/DEMO/contract/${DDCMS_CONTRACT(1)}/amount?amount=${i + 1}`,
					{ method: 'PATCH', headers: ddcmsKey },
				),
			);
		}
		return replies;
	}

	it('gives each request the outcome it records, the same for the same seed', async () => {
		sandbox.setChaos(chaos);
		const replies = await run(40);
		const outcomes = sandbox.requests.map((request) => request.chaos ?? 'normal');
		expect(new Set(outcomes)).toEqual(
			new Set(['normal', 'rate429', 'rate503', 'dropBefore', 'dropAfter', 'slow']),
		);
		const appliedQueries: string[] = [];
		replies.forEach((reply, index) => {
			const query = `amount=${index + 1}`;
			switch (outcomes[index]) {
				case 'rate429':
					expect(reply.status).toBe(429);
					expect(['0', '1']).toContain(reply.headers['retry-after']);
					break;
				case 'rate503':
					expect(reply.status).toBe(503);
					break;
				case 'dropBefore':
					expect(answeredNothing(reply)).toBe(true);
					break;
				case 'dropAfter':
					expect(answeredNothing(reply)).toBe(true);
					appliedQueries.push(query);
					break;
				case 'slow':
					expect(reply.endedAt - reply.startedAt).toBeGreaterThanOrEqual(55);
					expect(reply.status).toBe(200);
					appliedQueries.push(query);
					break;
				default:
					expect(reply.status).toBe(200);
					appliedQueries.push(query);
			}
		});
		expect(sandbox.applied.map((action) => action.rawQuery)).toEqual(appliedQueries);

		sandbox.reset();
		expect((await admin('chaos', { ...chaos, off: false })).status).toBe(200);
		await run(40);
		expect(sandbox.requests.map((request) => request.chaos ?? 'normal')).toEqual(outcomes);

		sandbox.reset();
		sandbox.setChaos({ ...chaos, seed: 43 });
		await run(40);
		expect(sandbox.requests.map((request) => request.chaos ?? 'normal')).not.toEqual(outcomes);
	});

	it('dropAfter applies the action, dropBefore does not', async () => {
		sandbox.setChaos({ seed: 1, dropAfter: 1 });
		const after = await exchange(cancelScheduleUrl(1), { method: 'POST', headers: ddcmsKey });
		expect(after.status).toBeUndefined();
		expect(sandbox.state.accessPaySuite.contracts.get(DDCMS_CONTRACT(1))?.scheduleStatus).toBe(
			'Terminated',
		);
		expect(sandbox.applied).toHaveLength(1);

		sandbox.reset();
		sandbox.setChaos({ seed: 1, dropBefore: 1 });
		const before = await exchange(cancelScheduleUrl(1), { method: 'POST', headers: ddcmsKey });
		expect(before.status).toBeUndefined();
		expect(sandbox.state.accessPaySuite.contracts.get(DDCMS_CONTRACT(1))?.scheduleStatus).toBe(
			'Active',
		);
		expect(sandbox.applied).toEqual([]);
	});

	it('can be limited to one provider, is turned off by null or reset, and refuses bad rates', async () => {
		sandbox.setChaos({ seed: 7, rate503: 1, provider: 'magicline' });
		expect((await ddcms(sandbox, 'GET', 'schedules')).status).toBe(200);
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(503);
		expect((await admin('chaos', { off: true })).status).toBe(200);
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(200);
		sandbox.setChaos({ seed: 7, rate503: 1 });
		sandbox.reset();
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(200);
		expect(sandbox.requests[0].chaos).toBeUndefined();
		expect(() => sandbox.setChaos({ seed: 1, rate429: 0.6, rate503: 0.6 })).toThrow(TypeError);
		expect(() => sandbox.setChaos({ seed: 1.5 })).toThrow(TypeError);
		expect((await admin('chaos', { seed: 1, slow: 2 })).status).toBe(400);
	});

	it('leaves a request that meets a fault rule to the rule', async () => {
		sandbox.setChaos({ seed: 3, rate503: 1 });
		sandbox.inject({ provider: 'magicline', status: 418 });
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(418);
		expect(sandbox.requests[0].chaos).toBeUndefined();
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(503);
		expect(sandbox.requests[1].chaos).toBe('rate503');
	});
});

describe('reset()', () => {
	it('restores every knob', async () => {
		sandbox.setLatency(300, { jitterMs: 300 });
		sandbox.setChaos({ seed: 1, rate503: 1 });
		sandbox.setRateLimit('magicline', { limit: 0, windowMs: 60_000 });
		sandbox.setRateLimit('accessPaySuite', { limit: 0, windowMs: 60_000 });
		sandbox.inject({ provider: 'magicline', status: 500, times: 5 });
		sandbox.reset();
		const started = Date.now();
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(200);
		expect((await ddcms(sandbox, 'GET', 'schedules')).status).toBe(200);
		expect(Date.now() - started).toBeLessThan(300);
		expect(sandbox.getRateLimit('magicline')).toEqual({
			limit: 1000,
			windowMs: 60_000,
			perEndpoint: true,
		});
	});
});
