import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
	SANDBOX_CREDENTIALS,
	singulaSignature,
	startSandbox,
	verifySingulaHmac,
	type Sandbox,
} from '../../sandbox/server';
import { ddcms, debitsuccess, magicline, send, singula, soapResult, TODAY } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ today: TODAY });
});

afterAll(async () => {
	await sandbox.close();
});

describe('Access PaySuite apiKey header', () => {
	const denied = { Message: 'Authorization has been denied for this request.' };

	it('accepts the demo key', async () => {
		expect((await ddcms(sandbox, 'GET', 'schedules')).status).toBe(200);
	});

	it.each([
		['a wrong key', 'wrong-key'],
		['no key', ''],
	])('answers 401 for %s', async (_case, key) => {
		const reply = await ddcms(sandbox, 'GET', 'schedules', key);
		expect(reply.status).toBe(401);
		expect(JSON.parse(reply.text)).toEqual(denied);
	});

	it('answers 401 for an unknown client prefix', async () => {
		const reply = await send(`${sandbox.urls.accessPaySuite}/api/v3/client/OTHER/schedules`, {
			headers: { apiKey: SANDBOX_CREDENTIALS.accessPaySuite.apiKey },
		});
		expect(reply.status).toBe(401);
		expect(JSON.parse(reply.text)).toEqual(denied);
	});
});

describe('Magicline X-API-KEY header', () => {
	const reasons = '/v1/memberships/self-service/contract-cancelation-reasons';

	it('answers 401 with the Magicline error shape for a wrong key', async () => {
		const reply = await magicline(sandbox, 'GET', reasons, undefined, 'nope');
		expect(reply.status).toBe(401);
		expect(JSON.parse(reply.text)).toMatchObject({
			errorCode: 'UNAUTHORIZED',
			traceId: expect.stringMatching(/^[0-9a-f]{16}$/),
		});
	});

	it('lets the read-only key read but not write', async () => {
		const readOnly = SANDBOX_CREDENTIALS.magicline.readOnlyApiKey;
		expect((await magicline(sandbox, 'GET', reasons, undefined, readOnly)).status).toBe(200);
		const write = await magicline(
			sandbox,
			'POST',
			'/v1/memberships/5001/self-service/additional-module-contracts/7001/withdraw-cancelation',
			undefined,
			readOnly,
		);
		expect(write.status).toBe(403);
	});
});

describe('Singula HMAC', () => {
	const vector = { key: 'key', secret: 'secret', timestamp: '1580674802', path: '/api/get/päth' };

	it.each([
		['GET', 'F1DDF5074C308F8AE0FBC9276B2DD4BE32BC7AD6EB5EA95A5B2DEEA3A21ADB1F'],
		['PATCH', 'DDB91529F8F7DB674697CCB147041673AFB3810CF30A52EF147F42045D01C400'],
		['POST', 'EF6FEE99F26A66493D12D350BEEC335E38B70F11F54BA46CCF688EC1AFDB8E16'],
	])('matches the public test vector for %s', (method, expected) => {
		expect(singulaSignature(vector.secret, vector.timestamp, method, vector.path)).toBe(expected);
		const headers = {
			authorization: `hmac ${vector.key}:${expected}`,
			timestamp: vector.timestamp,
		};
		const credentials = { apiKey: vector.key, apiSecret: vector.secret };
		expect(
			verifySingulaHmac(headers, method, vector.path, Number(vector.timestamp) * 1000, credentials),
		).toBe(true);
		expect(
			verifySingulaHmac(
				headers,
				method,
				vector.path,
				(Number(vector.timestamp) + 301) * 1000,
				credentials,
			),
		).toBe(false);
		expect(
			verifySingulaHmac(
				{ ...headers, authorization: `hmac other:${expected}` },
				method,
				vector.path,
				Number(vector.timestamp) * 1000,
				credentials,
			),
		).toBe(false);
	});

	it('accepts a request signed over the full path (with the /singula prefix)', async () => {
		expect((await singula(sandbox, 'GET', '/contract?activeOnly=true')).status).toBe(200);
	});

	it.each([
		['a wrong secret', { secret: 'wrong' }],
		['a timestamp 301 s old', { timestamp: Math.floor(Date.now() / 1000) - 301 }],
	])('answers 401 for %s', async (_case, options) => {
		const reply = await singula(sandbox, 'GET', '/contract', undefined, options);
		expect(reply.status).toBe(401);
		expect(JSON.parse(reply.text)).toEqual({
			errorCode: 401,
			developerMessage: 'HMAC authentication failed',
			userMessage: 'Authentication failed',
		});
	});

	it('answers 401 without the headers', async () => {
		expect(
			(await send(`${sandbox.urls.singula}/apis/contracts/v1/customer/x/contract`)).status,
		).toBe(401);
	});
});

describe('Debitsuccess User element', () => {
	const fields = '<core:AccountReferenceNo>DS1001</core:AccountReferenceNo>';

	it('answers HTTP 200, Status Failed, note 02 for a wrong password', async () => {
		const reply = await debitsuccess(sandbox, 'GetCustomerAccountByAccountId', {
			fields,
			password: 'wrong',
		});
		expect(reply.status).toBe(200);
		expect(soapResult(reply.text)).toMatchObject({
			status: 'Failed',
			notes: [{ code: '02', note: 'Invalid user credentials', type: 'Error' }],
		});
	});

	it('accepts the demo user', async () => {
		const reply = await debitsuccess(sandbox, 'GetCustomerAccountByAccountId', { fields });
		expect(soapResult(reply.text).status).toBe('Succeed');
	});
});
