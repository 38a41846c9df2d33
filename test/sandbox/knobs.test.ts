import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { DDCMS_CONTRACT, ddcms, debitsuccess, magicline, send, TODAY } from './helpers';

let sandbox: Sandbox;
const reasons = '/v1/memberships/self-service/contract-cancelation-reasons';

beforeAll(async () => {
	sandbox = await startSandbox({ today: TODAY });
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
	await sandbox.close();
});

describe('fault injection', () => {
	it('answers the injected status with Retry-After and the provider error shape, `times` times, then normally', async () => {
		sandbox.inject({
			provider: 'magicline',
			pathIncludes: 'contract-cancelation-reasons',
			status: 429,
			retryAfter: '3',
			times: 2,
		});
		for (let i = 0; i < 2; i++) {
			const reply = await magicline(sandbox, 'GET', reasons);
			expect([reply.status, reply.headers.get('retry-after')]).toEqual([429, '3']);
			expect(JSON.parse(reply.text)).toMatchObject({
				errorCode: 'TOO_MANY_REQUESTS',
				errorMessage: expect.any(String),
			});
		}
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(200);
		expect(sandbox.requests).toHaveLength(3); // faulted requests are recorded too
	});

	it('does not touch state when a write is answered by a fault', async () => {
		sandbox.inject({ method: 'post', status: 503 });
		const reply = await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/cancelSchedule`);
		expect(reply.status).toBe(503);
		expect(sandbox.state.accessPaySuite.contracts.get(DDCMS_CONTRACT(1))?.scheduleStatus).toBe(
			'Active',
		);
	});

	it('uses a SOAP Fault as the default Debitsuccess body, and a custom body when given', async () => {
		sandbox.inject({ provider: 'debitsuccess', status: 503 });
		const soapFault = await debitsuccess(sandbox, 'CancelAccount');
		expect([soapFault.status, soapFault.headers.get('content-type')]).toEqual([
			503,
			'text/xml; charset=utf-8',
		]);
		expect(soapFault.text).toContain('<faultcode>s:Server</faultcode>');

		sandbox.inject({
			provider: 'accessPaySuite',
			status: 502,
			body: '<html>Bad gateway</html>',
			contentType: 'text/html',
		});
		const custom = await ddcms(sandbox, 'GET', 'schedules');
		expect([custom.status, custom.headers.get('content-type'), custom.text]).toEqual([
			502,
			'text/html',
			'<html>Bad gateway</html>',
		]);
	});

	it('drops the connection without a response', async () => {
		sandbox.inject({ provider: 'magicline', drop: true });
		await expect(fetch(`${sandbox.urls.magicline}${reasons}`)).rejects.toThrow();
		expect(sandbox.requests).toHaveLength(1);
	});

	it('delays a request before handling it normally, and setLatency delays every response', async () => {
		sandbox.inject({ provider: 'magicline', delayMs: 150 });
		let started = Date.now();
		expect((await magicline(sandbox, 'GET', reasons)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);

		sandbox.setLatency(100);
		started = Date.now();
		await ddcms(sandbox, 'GET', 'schedules');
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
	});

	it('refuses a malformed rule', () => {
		expect(() => sandbox.inject({ provider: 'stripe' as never, status: 500 })).toThrow(TypeError);
		expect(() => sandbox.inject({ status: 42 })).toThrow(TypeError);
	});
});

describe('admin endpoints', () => {
	it('injects over HTTP, lists requests, shows state and resets', async () => {
		const injected = await send(`${sandbox.url}/__sandbox/inject`, {
			method: 'POST',
			body: JSON.stringify({ provider: 'accessPaySuite', status: 500 }),
		});
		expect(injected.status).toBe(200);
		expect((await ddcms(sandbox, 'GET', 'schedules')).status).toBe(500);

		const requests = JSON.parse((await send(`${sandbox.url}/__sandbox/requests`)).text);
		expect(requests).toEqual([
			expect.objectContaining({
				provider: 'accessPaySuite',
				method: 'GET',
				path: '/ddcms/api/v3/client/DEMO/schedules',
			}),
		]);

		const state = JSON.parse((await send(`${sandbox.url}/__sandbox/state`)).text);
		expect(state.magicline.moduleContracts['9007199254740993'].status).toBe('ACTIVE');

		await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/cancelSchedule`);
		expect((await send(`${sandbox.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.state.accessPaySuite.contracts.get(DDCMS_CONTRACT(1))?.scheduleStatus).toBe(
			'Active',
		);
	});

	it('answers 400 for an invalid rule', async () => {
		const reply = await send(`${sandbox.url}/__sandbox/inject`, {
			method: 'POST',
			body: '{"status":"soon"}',
		});
		expect(reply.status).toBe(400);
	});
});
