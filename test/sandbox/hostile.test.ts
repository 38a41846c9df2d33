/** Hostile provider answers (issue 9): redirects, echoing bodies, huge and gzip bodies, drips, broken connections. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { gunzipSync } from 'node:zlib';
import {
	SANDBOX_CREDENTIALS,
	startSandbox,
	type FaultRule,
	type Sandbox,
} from '../../sandbox/server';
import {
	DDCMS_CONTRACT,
	ddcms,
	debitsuccess,
	magicline,
	send,
	soapRequest,
	TODAY,
} from './helpers';
import { answeredNothing, exchange, waitFor, type ExchangeOptions } from './rawClient';

let sandbox: Sandbox;
const reasons = '/v1/memberships/self-service/contract-cancelation-reasons';
const magiclineKey = { 'X-API-KEY': SANDBOX_CREDENTIALS.magicline.apiKey };
const reasonsUrl = () => `${sandbox.urls.magicline}${reasons}`;
/** GET the cancelation reasons over a fresh connection (with the full-scope key unless headers say otherwise). */
const getReasons = (options: ExchangeOptions = {}) =>
	exchange(reasonsUrl(), { headers: magiclineKey, ...options });
const cancelScheduleUrl = () =>
	`${sandbox.urls.accessPaySuite}/api/v3/client/DEMO/contract/${DDCMS_CONTRACT(1)}/cancelSchedule`;
const ddcmsKey = { apiKey: SANDBOX_CREDENTIALS.accessPaySuite.apiKey };
/** A rule for DDCMS cancelSchedule (contract 1 is Active, so the write succeeds when handled). */
const onCancelSchedule = (rule: FaultRule) =>
	sandbox.inject({ provider: 'accessPaySuite', pathIncludes: 'cancelSchedule', ...rule });
const scheduleStatus = () =>
	sandbox.state.accessPaySuite.contracts.get(DDCMS_CONTRACT(1))?.scheduleStatus;

beforeAll(async () => {
	sandbox = await startSandbox({ today: TODAY });
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
	await sandbox.close();
});

describe('redirects', () => {
	it.each([301, 302, 303, 307, 308])(
		'answers %i with the Location and a short body, without handling the request',
		async (status) => {
			const location = 'http://198.51.100.7:8080/collect?from=sandbox';
			sandbox.inject({ provider: 'accessPaySuite', status, location });
			const reply = await send(cancelScheduleUrl(), {
				method: 'POST',
				headers: ddcmsKey,
				redirect: 'manual',
			});
			expect([reply.status, reply.headers.get('location')]).toEqual([status, location]);
			expect(reply.text).toContain(location.replace('&', '&amp;'));
			expect(reply.text.length).toBeLessThan(200);
			expect(scheduleStatus()).toBe('Active');
			expect(sandbox.applied).toEqual([]);
		},
	);

	it('fills a Location template from the request (a redirect that would carry the key away)', async () => {
		sandbox.inject({
			provider: 'magicline',
			status: 307,
			location: 'http://198.51.100.7/steal?key={{url:header:x-api-key}}',
		});
		const reply = await getReasons({ headers: { 'X-API-KEY': 'k&y 1' } });
		expect(reply.headers.location).toBe('http://198.51.100.7/steal?key=k%26y%201');
	});
});

describe('extra headers', () => {
	it('adds headers to an injected answer and to a normal one', async () => {
		sandbox.inject({
			provider: 'magicline',
			status: 200,
			body: '{}',
			headers: { 'X-Upstream': 'proxy-1', 'Set-Cookie': 'session=abc' },
		});
		const injected = await getReasons();
		expect([injected.headers['x-upstream'], injected.headers['set-cookie']]).toEqual([
			'proxy-1',
			['session=abc'],
		]);

		sandbox.inject({ provider: 'magicline', headers: { 'X-Trace': 'trace-7' } });
		const normal = await getReasons();
		expect([normal.status, normal.headers['x-trace']]).toEqual([200, 'trace-7']);
		expect(JSON.parse(normal.body.toString())).toContainEqual({
			cancelationReasonId: 1001,
			cancelationReasonName: 'Moving away',
		});
	});

	it('refuses an invalid header name or value', () => {
		expect(() => sandbox.inject({ status: 200, headers: { 'Bad Name': 'x' } })).toThrow(TypeError);
		expect(() => sandbox.inject({ status: 200, headers: { 'X-A': 'a\r\nb' } })).toThrow(TypeError);
	});
});

describe('echo templates', () => {
	it('echoes a received header raw and JSON-escaped', async () => {
		sandbox.inject({
			provider: 'magicline',
			status: 401,
			body: '{"errorMessage":"Unknown key {{json:header:x-api-key}}","errorCode":"UNAUTHORIZED","raw":"{{header:X-API-KEY}}"}',
		});
		const key = 'k"e\\y';
		const reply = await getReasons({ headers: { 'X-API-KEY': key } });
		expect(reply.status).toBe(401);
		const text = reply.body.toString();
		expect(JSON.parse(text.replace(`"raw":"${key}"`, '"raw":""')).errorMessage).toBe(
			`Unknown key ${key}`,
		);
		expect(text).toContain(`"raw":"${key}"`);
	});

	it('echoes the body XML-escaped (a SOAP Fault repeating the envelope, password included)', async () => {
		sandbox.inject({
			provider: 'debitsuccess',
			status: 500,
			body: '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Could not process {{xml:body}}</faultstring></s:Fault></s:Body></s:Envelope>',
		});
		const reply = await debitsuccess(sandbox, 'CancelAccount', { password: 'p<&>ss' });
		const envelope = soapRequest('CancelAccount', { password: 'p<&>ss' });
		const escaped = envelope.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
		expect(reply.text).toContain(`Could not process ${escaped}</faultstring>`);
		expect(reply.text).toContain('&lt;core:Password&gt;p&lt;&amp;&gt;ss&lt;/core:Password&gt;');
	});

	it('echoes the raw query and a URL-encoded header', async () => {
		sandbox.inject({
			provider: 'accessPaySuite',
			status: 400,
			body: '{"Message":"bad query {{rawQuery}}","Detail":"key={{url:header:apikey}}"}',
		});
		const reply = await send(
			`${sandbox.urls.accessPaySuite}/api/v3/client/DEMO/contract/${DDCMS_CONTRACT(1)}/amount?amount=1.00&comment=a%20b`,
			{ method: 'PATCH', headers: { apiKey: 'key/with+plus' } },
		);
		expect(JSON.parse(reply.text)).toEqual({
			Message: 'bad query amount=1.00&comment=a%20b',
			Detail: 'key=key%2Fwith%2Bplus',
		});
	});

	it('refuses an unknown placeholder, so a typo cannot silently echo nothing', () => {
		expect(() => sandbox.inject({ status: 401, body: '{{header:}}' })).toThrow(TypeError);
		expect(() => sandbox.inject({ status: 401, body: '{{base64:body}}' })).toThrow(TypeError);
	});
});

describe('gzip and generated bodies', () => {
	it('gzips an injected body and a normal answer', async () => {
		sandbox.inject({ provider: 'magicline', status: 200, body: '{"ok":true}', gzip: true });
		const injected = await getReasons();
		expect(injected.headers['content-encoding']).toBe('gzip');
		expect(Number(injected.headers['content-length'])).toBe(injected.bytes);
		expect(gunzipSync(injected.body).toString()).toBe('{"ok":true}');

		const plain = (await ddcms(sandbox, 'GET', 'schedules')).text;
		sandbox.inject({ provider: 'accessPaySuite', gzip: true });
		const normal = await exchange(`${sandbox.urls.accessPaySuite}/api/v3/client/DEMO/schedules`, {
			headers: ddcmsKey,
		});
		expect(normal.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(normal.body).toString()).toBe(plain);
	});

	it('generates exactly bodyBytes bytes of valid JSON, by default and from a chunk', async () => {
		sandbox.inject({ provider: 'magicline', status: 200, bodyBytes: 1000 });
		const padded = await getReasons();
		expect([padded.bytes, padded.headers['content-length']]).toEqual([1000, '1000']);
		expect(Object.keys(JSON.parse(padded.body.toString()))).toEqual(['padding']);

		sandbox.inject({
			provider: 'magicline',
			status: 200,
			bodyBytes: 1_000_003,
			bodyPrefix: '[',
			bodyChunk: '{"id":1},',
			bodySuffix: '{"id":0}]',
		});
		const list = await getReasons();
		expect(list.bytes).toBe(1_000_003);
		const records = JSON.parse(list.body.toString()) as unknown[];
		expect(records).toHaveLength(Math.floor((1_000_003 - 10) / 9) + 1);
	});

	it('refuses a bodyBytes smaller than its prefix and suffix, and body with bodyBytes', () => {
		expect(() => sandbox.inject({ status: 200, body: '{}', bodyBytes: 10 })).toThrow(TypeError);
		expect(() => sandbox.inject({ bodyBytes: 10 })).toThrow(TypeError); // needs a status
	});

	it('streams a 150 MB body and a gzip answer inflating to 100 MB without holding them (RSS stays flat)', async () => {
		let peakRss = 0;
		const sampler = setInterval(() => {
			peakRss = Math.max(peakRss, process.memoryUsage().rss);
		}, 5);
		const startRss = process.memoryUsage().rss;
		try {
			sandbox.inject({ provider: 'magicline', status: 200, bodyBytes: 150 * 1024 * 1024 });
			const plain = await getReasons({ discardBody: true });
			expect([plain.status, plain.error, plain.bytes]).toEqual([200, undefined, 150 * 1024 * 1024]);

			sandbox.inject({
				provider: 'magicline',
				status: 200,
				bodyBytes: 100 * 1024 * 1024,
				gzip: true,
			});
			const zipped = await getReasons({ discardBody: true, inflate: true });
			expect(zipped.headers['content-encoding']).toBe('gzip');
			expect(zipped.headers['transfer-encoding']).toBe('chunked'); // compressed on the fly
			expect(zipped.inflatedBytes).toBe(100 * 1024 * 1024);
			expect(zipped.bytes).toBeLessThan(1024 * 1024); // a small answer that inflates huge
		} finally {
			clearInterval(sampler);
		}
		// Loose: holding either body whole would add ≥ 100 MB.
		expect(peakRss - startRss).toBeLessThan(80 * 1024 * 1024);
	});
});

describe('dripping bodies', () => {
	it('sends the headers at once and the body one byte every dripMs', async () => {
		const body = '{"ok":true}';
		sandbox.inject({ provider: 'magicline', status: 200, body, dripMs: 25 });
		const reply = await getReasons();
		expect(reply.body.toString()).toBe(body);
		expect(reply.headersAt! - reply.startedAt).toBeLessThan(150);
		expect(reply.chunkTimes.length).toBeGreaterThanOrEqual(body.length - 2); // nagle may merge one or two
		expect(reply.endedAt - reply.headersAt!).toBeGreaterThanOrEqual(body.length * 25 * 0.8);
	});

	it('drips a normal answer too, and stops when the client goes away', async () => {
		sandbox.inject({ provider: 'magicline', dripMs: 10 });
		const reply = await getReasons({ abortAfterMs: 100 });
		expect(reply.status).toBe(200);
		expect(reply.error).toBeDefined();
		expect(reply.bytes).toBeLessThan(30);
		await waitFor(() => sandbox.inFlight === 0);
	});
});

describe('connections broken mid-answer', () => {
	it('resetAfterHeaders with a status: the client sees the status, then an error; nothing applied', async () => {
		sandbox.inject({
			provider: 'accessPaySuite',
			status: 200,
			body: '{"Message":"Contract schedule was cancelled successfully."}',
			resetAfterHeaders: true,
			partialBody: '{"Mess',
		});
		const reply = await exchange(cancelScheduleUrl(), { method: 'POST', headers: ddcmsKey });
		expect([reply.status, reply.body.toString()]).toEqual([200, '{"Mess']);
		expect(reply.error).toBeDefined();
		await expect(
			fetch(cancelScheduleUrl(), { method: 'POST', headers: ddcmsKey }).then(async (response) => {
				expect(response.status).toBe(200); // this one is answered normally again
				return response.text();
			}),
		).resolves.toContain('cancelled');
		expect(sandbox.applied).toHaveLength(1); // only the second, normal request
	});

	it('resetAfterHeaders on a normal answer: applied, then the body is cut (fetch: status, then a throw)', async () => {
		onCancelSchedule({ resetAfterHeaders: true });
		const response = await fetch(cancelScheduleUrl(), { method: 'POST', headers: ddcmsKey });
		expect(response.status).toBe(200);
		await expect(response.text()).rejects.toThrow();
		expect(scheduleStatus()).toBe('Terminated');
		expect(sandbox.applied).toEqual([
			expect.objectContaining({
				provider: 'accessPaySuite',
				method: 'POST',
				path: new URL(cancelScheduleUrl()).pathname,
				status: 200,
			}),
		]);
	});

	it('applyThenDrop applies the action and sends nothing; drop applies nothing', async () => {
		onCancelSchedule({ applyThenDrop: true });
		const applied = await exchange(cancelScheduleUrl(), { method: 'POST', headers: ddcmsKey });
		expect(answeredNothing(applied)).toBe(true);
		expect(scheduleStatus()).toBe('Terminated');
		expect(sandbox.applied).toHaveLength(1);

		sandbox.reset();
		onCancelSchedule({ drop: true });
		const dropped = await exchange(cancelScheduleUrl(), { method: 'POST', headers: ddcmsKey });
		expect(answeredNothing(dropped)).toBe(true);
		expect(scheduleStatus()).toBe('Active');
		expect(sandbox.applied).toEqual([]);
		expect(sandbox.requests).toHaveLength(1);
	});

	it('refuses applyThenDrop with a status or drop', () => {
		expect(() => sandbox.inject({ applyThenDrop: true, status: 200 })).toThrow(TypeError);
		expect(() => sandbox.inject({ applyThenDrop: true, drop: true })).toThrow(TypeError);
	});
});

describe('over the admin endpoint', () => {
	it('takes the new fields as JSON', async () => {
		const injected = await send(`${sandbox.url}/__sandbox/inject`, {
			method: 'POST',
			body: JSON.stringify({
				provider: 'magicline',
				status: 302,
				location: 'http://198.51.100.7/',
				headers: { 'X-Hop': '1' },
				gzip: true,
			}),
		});
		expect(injected.status).toBe(200);
		const reply = await getReasons();
		expect([reply.status, reply.headers.location, reply.headers['x-hop']]).toEqual([
			302,
			'http://198.51.100.7/',
			'1',
		]);
		expect(gunzipSync(reply.body).toString()).toContain('Moved');
		const refused = await send(`${sandbox.url}/__sandbox/inject`, {
			method: 'POST',
			body: JSON.stringify({ status: 200, headers: { 'X-A': 1 } }),
		});
		expect(refused.status).toBe(400);
	});
});
