/**
 * Issue 9, classes 3, 4, 5, 7 and the answer-side part of 14: provider answers that are too big,
 * too slow, cut short, not the provider's success, or shaped like an error. Each must end as one
 * error item with the contract's category, quickly, with n8n still running.
 */
import type { IDataObject } from 'n8n-workflow';

import { answer } from '../../harness/debitsuccess';
import { errorOf, useSandbox } from '../../harness/fixture';
import { DROPDOWNS, failedWrite, PROVIDERS, runDropdown, writeStep } from '../../harness/hostile';
import { nodeStep } from '../../harness/nodeStep';
import { useTriggerHost } from '../../harness/triggerHost';

const context = useSandbox();
const MB = 1024 * 1024;

/** Magicline's module contract read: a GET whose whole answer is passed through. */
const moduleGet = (options: IDataObject = {}) =>
	nodeStep(
		'magicline',
		'additionalModuleContract',
		'get',
		{ contractId: '5001', additionalModuleContractId: '7001', options },
		'continueRegularOutput',
	);

describe('class 3: oversized answers', () => {
	it('a gzip answer that inflates past 10 MB is a provider_error item, quickly, and n8n survives', async () => {
		context.sandbox.inject({ provider: 'magicline', status: 200, gzip: true, bodyBytes: 60 * MB });
		const heapBefore = process.memoryUsage().heapUsed;
		const started = Date.now();
		const run = await context.run(moduleGet());
		expect(Date.now() - started).toBeLessThan(10000);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'provider_error',
			httpCode: 200,
			retryable: false,
		});
		expect(String(errorOf(run.items[0]).message)).toMatch(/10 MB/);
		// Read up to the cap and dropped: nowhere near the 60 MB (or the ~36 bytes per byte of old).
		expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * MB);
		// The process still works: the next item goes through.
		const next = await context.run(moduleGet());
		expect(next.items[0].json).toMatchObject({ name: 'Sauna' });
	});

	it.each(PROVIDERS)(
		'%s: a plain 11 MB answer to a write is a provider_error item',
		async (provider) => {
			context.sandbox.inject({ provider, status: 200, bodyBytes: 11 * MB });
			const { error } = await failedWrite(context, provider);
			expect(error).toMatchObject({ category: 'provider_error', httpCode: 200 });
			expect(String(error.message)).toMatch(/larger than 10 MB/);
		},
	);

	it('a 2 MB answer full of 20-digit integers is read in linear time, every digit kept', async () => {
		context.sandbox.inject({
			provider: 'magicline',
			status: 200,
			bodyBytes: 2 * MB,
			bodyPrefix: '{"additionalModuleContractId":7001,"ids":[',
			bodyChunk: '12345678901234567890,',
			bodySuffix: '98765432109876543210]}',
		});
		const started = Date.now();
		const run = await context.run(moduleGet());
		expect(Date.now() - started).toBeLessThan(10000);
		const ids = run.items[0].json.ids as string[];
		expect(ids.length).toBeGreaterThan(90000);
		expect(ids[0]).toBe('12345678901234567890');
		expect(ids.at(-1)).toBe('98765432109876543210');
	});

	it('a 1 MB HTML error page gives a bounded message and description', async () => {
		context.sandbox.inject({
			provider: 'magicline',
			status: 500,
			contentType: 'text/html',
			bodyBytes: MB,
			bodyPrefix: '<html><body><p>',
			bodyChunk: 'Internal failure ',
			bodySuffix: '</p></body></html>',
		});
		const run = await context.run(moduleGet());
		const error = errorOf(run.items[0]);
		expect(error).toMatchObject({ category: 'provider_error', httpCode: 500 });
		expect(JSON.stringify(error).length).toBeLessThan(4096);
	});
	it.each([
		['magicline', '{"errorCode":"E1","errorMessage":"', '"}'],
		['accessPaySuite', '{"ErrorCode":3,"Message":"', '"}'],
		['singula', '{"errorCode":90001,"userMessage":"', '"}'],
		[
			'debitsuccess',
			'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>',
			'</faultstring></s:Fault></s:Body></s:Envelope>',
		],
	] as const)(
		'%s: a 1 MB fault message is cut to a bounded length',
		async (provider, bodyPrefix, bodySuffix) => {
			context.sandbox.inject({
				provider,
				status: 400,
				bodyBytes: MB,
				bodyPrefix,
				bodyChunk: 'The request was wrong. ',
				bodySuffix,
			});
			const { error } = await failedWrite(context, provider);
			expect(error).toMatchObject({ httpCode: 400 });
			expect(String(error.message)).toMatch(/^The request was wrong/);
			expect(JSON.stringify(error).length).toBeLessThan(8192);
		},
	);
});

describe('class 4: the timeout bounds the whole request, body included', () => {
	it.each(PROVIDERS)(
		'%s: a body dripping one byte every 250 ms with timeout 800 ms fails as timeout well under 8 s',
		async (provider) => {
			// A 40-byte answer dripped at 250 ms a byte would take 10 s (Magicline's own answer is just {}).
			context.sandbox.inject({
				provider,
				status: 200,
				body: `{"padding":"${'x'.repeat(26)}"}`,
				dripMs: 250,
			});
			const started = Date.now();
			const { run, error } = await failedWrite(context, provider, { timeout: 800 });
			expect(Date.now() - started).toBeLessThan(4000);
			expect(error).toMatchObject({
				category: 'timeout',
				code: 'TIMEOUT',
				retryable: false,
				httpCode: null,
			});
			expect(run.requests).toHaveLength(1);
		},
	);

	it('a dripping dropdown answer fails within its timeout too', async () => {
		context.sandbox.inject({ provider: 'magicline', dripMs: 250 });
		const dropdown = {
			...DROPDOWNS[1],
			parameters: { ...DROPDOWNS[1].parameters, options: { timeout: 800 } },
		};
		const started = Date.now();
		const { options, error } = await runDropdown(context.sandbox, dropdown);
		expect(Date.now() - started).toBeLessThan(4000);
		expect(options).toBeUndefined();
		expect(error?.message).toMatch(/800 ms/);
	});
});

describe('class 5: a connection broken after the request was sent', () => {
	it.each(PROVIDERS)(
		'%s: handled, then reset after the status line: timeout/NETWORK, not retried, applied once',
		async (provider) => {
			// One byte of the answer, then the reset (shorter than any provider's answer, Magicline's {} included).
			context.sandbox.inject({ provider, resetAfterHeaders: true, partialBody: '{' });
			const { run, error } = await failedWrite(context, provider);
			expect(error).toMatchObject({ category: 'timeout', code: 'NETWORK', retryable: false });
			expect(run.requests).toHaveLength(1);
			expect(context.sandbox.applied).toHaveLength(1);
		},
	);

	it.each([200, 503])(
		'a %i status line then a reset (nothing applied) is timeout/NETWORK and sent once',
		async (status) => {
			context.sandbox.inject({ provider: 'accessPaySuite', status, resetAfterHeaders: true });
			const { run, error } = await failedWrite(context, 'accessPaySuite');
			expect(error).toMatchObject({ category: 'timeout', code: 'NETWORK', retryable: false });
			expect(run.requests).toHaveLength(1);
			expect(context.sandbox.applied).toEqual([]);
		},
	);

	it('handled, then dropped without an answer: timeout/NETWORK, sent once, applied once', async () => {
		context.sandbox.inject({ provider: 'magicline', applyThenDrop: true });
		const { run, error } = await failedWrite(context, 'magicline');
		expect(error).toMatchObject({ category: 'timeout', code: 'NETWORK', retryable: false });
		expect(run.requests).toHaveLength(1);
		expect(context.sandbox.applied).toHaveLength(1);
	});
});

describe('class 7: a 2xx that is not the provider’s success', () => {
	const LOGIN_PAGE = '<!DOCTYPE html><html><body><form>Sign in to the proxy</form></body></html>';

	it.each([
		['an HTML login page', LOGIN_PAGE, 'text/html'],
		['plain text', 'OK', 'text/plain'],
		['broken JSON', '{"success":tru', 'application/json'],
	])(
		'%s with status 200 is a provider_error item for every JSON API',
		async (_label, body, contentType) => {
			for (const provider of ['accessPaySuite', 'magicline', 'singula'] as const) {
				context.sandbox.reset();
				context.sandbox.inject({ provider, status: 200, body, contentType });
				const { error } = await failedWrite(context, provider);
				expect({ provider, ...error }).toMatchObject({
					provider,
					category: 'provider_error',
					httpCode: 200,
					retryable: false,
				});
			}
		},
	);

	it('an HTML page with status 200 is a provider_error for Debitsuccess too', async () => {
		context.sandbox.inject({
			provider: 'debitsuccess',
			status: 200,
			body: LOGIN_PAGE,
			contentType: 'text/html',
		});
		const { error } = await failedWrite(context, 'debitsuccess');
		expect(error).toMatchObject({ category: 'provider_error', httpCode: 200 });
	});

	it('an empty 200 where data is expected (a GET) is a provider_error', async () => {
		context.sandbox.inject({ provider: 'magicline', status: 200, body: '' });
		const run = await context.run(moduleGet());
		expect(errorOf(run.items[0])).toMatchObject({ category: 'provider_error', httpCode: 200 });
	});

	it.each(DROPDOWNS.map((dropdown) => [dropdown.method, dropdown] as const))(
		'dropdown %s: an HTML 200 fails instead of showing an empty list',
		async (_method, dropdown) => {
			context.sandbox.inject({
				provider: dropdown.provider,
				status: 200,
				body: LOGIN_PAGE,
				contentType: 'text/html',
			});
			const { options, error } = await runDropdown(context.sandbox, dropdown);
			expect(options).toBeUndefined();
			expect(error?.message).toMatch(/not JSON|HTML/);
		},
	);

	it('a 200 record shaped { error, message } is an error item (provider_error), not a success', async () => {
		context.sandbox.inject({
			provider: 'magicline',
			status: 200,
			body: '{"error":"ENTITY_LOCKED","message":"The contract is locked"}',
		});
		const run = await context.run({ ...moduleGet(), onError: 'continueErrorOutput' });
		expect(run.items).toEqual([]);
		expect(run.errorItems).toHaveLength(1);
		expect(errorOf(run.errorItems[0])).toMatchObject({
			category: 'provider_error',
			provider: 'magicline',
			retryable: false,
		});
		expect(String(errorOf(run.errorItems[0]).message)).toContain('The contract is locked');
	});
});

describe('class 14: Retry-After and Debitsuccess Status', () => {
	it.each([429, 503])(
		'a %i with Retry-After -5 waits the backoff (treated as absent), then retries',
		async (status) => {
			context.sandbox.inject({ provider: 'accessPaySuite', status, retryAfter: '-5' });
			const started = Date.now();
			const run = await context.run(writeStep('accessPaySuite'));
			const waited = run.requests[1].receivedAt - run.requests[0].receivedAt;
			expect(run.requests).toHaveLength(2);
			expect(waited).toBeGreaterThanOrEqual(200); // the first backoff is 250–500 ms; a date in 2001 gives 0
			expect(Date.now() - started).toBeLessThan(5000);
			expect(run.items[0].json.success).toBe(true);
		},
	);

	const CORE = 'http://schemas.datacontract.org/2004/07/Debitsuccess.WebServices.Core';
	it.each([
		[
			'two Status elements',
			answer('CancelAccount', 'Failed', []).replace(
				'</x:Status>',
				'</x:Status><x:Status>Succeed</x:Status>',
			),
		],
		[
			'two Status elements, both Succeed',
			answer('CancelAccount', 'Succeed', []).replace(
				'</x:Status>',
				'</x:Status><x:Status>Succeed</x:Status>',
			),
		],
		[
			'a Status in a foreign namespace',
			answer('CancelAccount', 'Succeed', []).replace(
				'<x:Status>Succeed</x:Status>',
				'<e:Status xmlns:e="urn:elsewhere">Succeed</e:Status>',
			),
		],
		[
			'no Status at all',
			answer('CancelAccount', 'Succeed', []).replace('<x:Status>Succeed</x:Status>', ''),
		],
	])('%s is a provider_error, not Succeed', async (_label, body) => {
		expect(body).toContain(CORE);
		context.sandbox.inject({ provider: 'debitsuccess', status: 200, body });
		const { error } = await failedWrite(context, 'debitsuccess');
		expect(error).toMatchObject({ category: 'provider_error', httpCode: 200, retryable: false });
	});
});

describe('classes 3 and 5 outside actions: dropdowns and the webhook registration', () => {
	const triggers = useTriggerHost(context);

	it.each(DROPDOWNS.map((dropdown) => [dropdown.method, dropdown] as const))(
		'dropdown %s: a gzip answer inflating past 10 MB fails the dropdown',
		async (_method, dropdown) => {
			context.sandbox.inject({
				provider: dropdown.provider,
				status: 200,
				gzip: true,
				bodyBytes: 60 * MB,
			});
			const { options, error } = await runDropdown(context.sandbox, dropdown);
			expect(options).toBeUndefined();
			expect(error?.message).toMatch(/larger than 10 MB/);
		},
	);

	it('registration: an oversized answer to the look-up fails the activation', async () => {
		const host = await triggers.start('accessPaySuiteTrigger', { entity: 'contract' });
		context.sandbox.inject({
			provider: 'accessPaySuite',
			method: 'GET',
			status: 200,
			gzip: true,
			bodyBytes: 60 * MB,
		});
		await expect(host.activate()).rejects.toThrow(/larger than 10 MB/);
	});

	it('registration: a reset after the POST was handled fails the activation, not retried', async () => {
		const host = await triggers.start('accessPaySuiteTrigger', { entity: 'contract' });
		context.sandbox.inject({ provider: 'accessPaySuite', method: 'POST', resetAfterHeaders: true });
		await expect(host.activate()).rejects.toThrow(/outcome is unknown/);
		expect(context.sandbox.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
		expect(context.sandbox.applied).toHaveLength(1);
	});

	it('dropdown: a reset after the status line fails it, sent once', async () => {
		context.sandbox.inject({
			provider: 'magicline',
			status: 200,
			resetAfterHeaders: true,
			partialBody: '[{"cancel',
		});
		const { options, error } = await runDropdown(context.sandbox, DROPDOWNS[1]);
		expect(options).toBeUndefined();
		expect(error?.message).toMatch(/outcome is unknown/);
		expect(context.sandbox.requests).toHaveLength(1);
	});
});
