import { getEventListeners } from 'events';

import { signedPath, signSingulaRequest, singulaSignature } from '../../common/singula';
import { guardRequest, urlProblem } from '../../common/url';
import { ItemFailure } from '../../nodes/shared/engine/failure';
import { fillRoute, queryString } from '../../nodes/shared/transport/route';
import { CredentialPace } from '../../nodes/shared/transport/pace';
import { CancelledError, requestDeadline, whenFired } from '../../nodes/shared/transport/sleep';

function invalidParameterOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		if (error instanceof ItemFailure && error.details.code === 'INVALID_PARAMETER') {
			return error.details.message;
		}
		throw error;
	}
	throw new Error('expected an INVALID_PARAMETER failure');
}

describe('route templates', () => {
	it('fills each placeholder with its percent-encoded value', () => {
		expect(
			fillRoute('POST customer/{customerId}/contract/{contractId}/cancel', {
				customerId: 'a b/c?d#',
				contractId: '42',
			}),
		).toEqual({ method: 'POST', path: 'customer/a%20b%2Fc%3Fd%23/contract/42/cancel' });
	});
	it.each(['.', '..', ''])('refuses the segment %j, naming the parameter', (value) => {
		expect(
			invalidParameterOf(() => fillRoute('POST contract/{contractId}/x', { contractId: value })),
		).toMatch(/^Parameter "contractId" must not be empty, "\." or "\.\."$/);
	});
	it('refuses a lone surrogate in a path or query value, naming the parameter', () => {
		expect(invalidParameterOf(() => fillRoute('GET x/{id}', { id: 'a\uD800' }))).toMatch(
			/^Parameter "id" contains a character/,
		);
		expect(invalidParameterOf(() => queryString({ comment: 'x\uDC00' }))).toMatch(
			/^Parameter "comment" contains a character/,
		);
	});
	it('fails loudly (a bug, not a user error) when a placeholder has no value', () => {
		expect(() => fillRoute('GET x/{id}', {})).toThrow('has no value for {id}');
	});
	it('writes the query in order, leaving out undefined values', () => {
		expect(queryString({ amount: '1.50', comment: undefined, note: 'a&b=c' })).toBe(
			'?amount=1.50&note=a%26b%3Dc',
		);
		expect(queryString({})).toBe('');
	});
});

describe('credential base URLs', () => {
	it.each([
		['https://user:secret@api.example.com', /user name or password/],
		['https://api.example.com?tenant=1', /query/],
		['https://api.example.com/#x', /fragment/],
		['http://example.com', /only allowed for localhost/],
		['no url', /not a valid URL/],
	])('refuses %s without repeating it', (url, reason) => {
		const problem = urlProblem(url, 'base');
		expect(problem).toMatch(reason);
		expect(problem).not.toContain('secret');
		expect(problem).not.toContain('tenant');
	});
	it('guards every signed request: never follows redirects, refuses a bad base URL', () => {
		expect(guardRequest({ url: 'https://api.example.com/x' }, 'https://api.example.com')).toEqual({
			url: 'https://api.example.com/x',
			disableFollowRedirect: true,
		});
		expect(() =>
			guardRequest({ url: 'https://a:pw@h.example/x' }, 'https://a:pw@h.example'),
		).toThrow(/user name or password/);
		expect(() => guardRequest({ url: 'https://a:pw@h.example/x' })).not.toThrow(/pw/);
	});
});

describe('signing requests in the legacy form (uri), as the HTTP Request node sends them', () => {
	it('guards and signs a request whose URL is in uri', () => {
		const credentials = { baseUrl: 'https://gw.example', apiKey: 'key', apiSecret: 'secret' };
		const signed = signSingulaRequest(credentials, {
			uri: 'https://gw.example/api/get/p%C3%A4th',
			method: 'GET',
		});
		expect(signed.disableFollowRedirect).toBe(true);
		expect(String((signed as { headers?: Record<string, string> }).headers?.Authorization)).toMatch(
			/^hmac key:[0-9A-F]{64}$/,
		);
		expect(() => guardRequest({ uri: 'http://example.com/x' })).toThrow(
			/only allowed for localhost/,
		);
		expect(guardRequest({ uri: 'https://example.com/x' })).toEqual({
			uri: 'https://example.com/x',
			disableFollowRedirect: true,
		});
	});
});

describe('Singula signed path', () => {
	it('signs the raw UTF-8 path, as the public test vector does', () => {
		expect(signedPath('https://gw.example/api/get/p%C3%A4th?x=1')).toBe('/api/get/päth');
		expect(
			singulaSignature(
				'secret',
				'1580674802',
				'GET',
				signedPath('https://gw.example/api/get/p%C3%A4th'),
			),
		).toBe('F1DDF5074C308F8AE0FBC9276B2DD4BE32BC7AD6EB5EA95A5B2DEEA3A21ADB1F');
	});
});

describe('waiting on a shared signal', () => {
	it('adds one listener to a signal however many requests wait on it, and wakes them all', async () => {
		const controller = new AbortController();
		const waits = Array.from({ length: 50 }, () => whenFired(controller.signal));
		expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
		waits[0].dispose();
		let woken = 0;
		await Promise.race([
			Promise.all(waits.slice(1).map(async (wait) => wait.fired.then(() => woken++))),
			(async () => controller.abort())(),
		]);
		await Promise.all(waits.slice(1).map((wait) => wait.fired));
		expect(woken).toBe(49);
	});
	it('shares one deadline signal per 25 ms slot', () => {
		expect(requestDeadline(800)).toBe(requestDeadline(800));
	});
});

describe('the pace of a credential', () => {
	it('serves turns in the order asked; a cancelled taker leaves at once without breaking the line', async () => {
		const pace = new CredentialPace();
		const started = performance.now();
		const startedAt: Record<string, number> = {};
		const taker = (name: string, signal?: AbortSignal) =>
			pace.take(100, signal).then(() => {
				startedAt[name] = performance.now() - started;
			});
		const cancel = new AbortController();
		const first = taker('first');
		const second = taker('second');
		const cancelled = taker('cancelled', cancel.signal).catch((error: unknown) => error);
		const fourth = taker('fourth');
		await new Promise((resolve) => setTimeout(resolve, 30));
		cancel.abort();
		const cancelledAt = performance.now();
		expect(await cancelled).toBeInstanceOf(CancelledError);
		expect(performance.now() - cancelledAt).toBeLessThan(20);
		await Promise.all([first, second, fourth]);
		expect(startedAt.first).toBeLessThan(20);
		expect(startedAt.second).toBeGreaterThanOrEqual(95);
		// The line goes on behind the cancelled taker: the fourth starts one interval after the second.
		expect(startedAt.fourth).toBeGreaterThanOrEqual(startedAt.second + 95);
		expect(startedAt.cancelled).toBeUndefined();
	});
});
