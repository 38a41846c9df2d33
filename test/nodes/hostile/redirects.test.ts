/**
 * Issue 9, class 1: a 3xx from the provider is never followed, so the API key, the Singula
 * signature or the SOAP envelope with the password never reaches another address. Covered on all
 * four paths that send a credential: actions, dropdowns, credential tests and webhook registration.
 */
import { testCredential } from '../../harness/engine';
import { credentialsFor, useSandbox } from '../../harness/fixture';
import {
	CREDENTIAL_OF,
	DROPDOWNS,
	failedWrite,
	PROVIDERS,
	runDropdown,
	startElsewhere,
} from '../../harness/hostile';
import type { Elsewhere } from '../../harness/hostile';
import { useTriggerHost } from '../../harness/triggerHost';

const context = useSandbox();
const triggers = useTriggerHost(context);
let elsewhere: Elsewhere;
beforeAll(async () => {
	elsewhere = await startElsewhere();
});
beforeEach(() => {
	elsewhere.requests.length = 0;
});
afterAll(async () => elsewhere.close());

/** A Location that would carry the key along in its query if anyone read it. */
const stealingLocation = () =>
	`${elsewhere.url}/steal?key={{url:header:x-api-key}}&k={{url:header:apikey}}`;

describe.each(PROVIDERS)('%s action: redirects are not followed', (provider) => {
	it.each([301, 302, 307, 308])(
		'a %i to another origin is a provider_error naming only its origin; nothing reaches it',
		async (status) => {
			context.sandbox.inject({ provider, status, location: stealingLocation() });
			const { run, error } = await failedWrite(context, provider);
			expect(error).toMatchObject({
				category: 'provider_error',
				httpCode: status,
				code: String(status),
				retryable: false,
			});
			expect(String(error.message)).toContain(elsewhere.url);
			expect(JSON.stringify(error)).not.toMatch(/steal|key=/);
			expect(run.requests).toHaveLength(1);
			expect(elsewhere.requests).toEqual([]);
		},
	);

	it('a redirect back to the same origin is not followed either', async () => {
		context.sandbox.inject({ provider, status: 307, location: `${context.sandbox.url}/elsewhere` });
		const { run, error } = await failedWrite(context, provider);
		expect(error).toMatchObject({ category: 'provider_error', httpCode: 307 });
		expect(run.requests).toHaveLength(1);
		expect(context.sandbox.applied).toEqual([]);
	});
});

describe.each(DROPDOWNS.map((dropdown) => [dropdown.method, dropdown] as const))(
	'dropdown %s: redirects are not followed',
	(_method, dropdown) => {
		it('fails with the redirect instead of listing what the other host says', async () => {
			context.sandbox.inject({
				provider: dropdown.provider,
				status: 302,
				location: stealingLocation(),
			});
			const { options, error } = await runDropdown(context.sandbox, dropdown);
			expect(options).toBeUndefined();
			expect(error?.message).toMatch(/redirect/i);
			expect(error?.message).not.toMatch(/steal/);
			expect(context.sandbox.requests).toHaveLength(1);
			expect(elsewhere.requests).toEqual([]);
		});
	},
);

describe.each(PROVIDERS)('%s credential Test: redirects are not followed', (provider) => {
	it('a 302 fails the test and nothing reaches the other origin', async () => {
		context.sandbox.inject({ provider, status: 302, location: stealingLocation() });
		const type = CREDENTIAL_OF[provider];
		const result = await testCredential(type, credentialsFor(context.sandbox)[type].data);
		expect(result.status).toBe('Error');
		expect(result.message).not.toMatch(/steal/);
		expect(context.sandbox.requests).toHaveLength(1);
		expect(elsewhere.requests).toEqual([]);
	});
});

describe('DDCMS webhook registration: redirects are not followed', () => {
	it.each(['GET', 'POST', 'DELETE'])(
		'a 307 answering the %s of the registration fails it; nothing reaches the other origin',
		async (method) => {
			const host = await triggers.start('accessPaySuiteTrigger', { entity: 'contract' });
			if (method === 'DELETE') await host.activate();
			if (method === 'POST')
				context.sandbox.state.accessPaySuite.callbacks.set('contract', 'https://old.example.com');
			context.sandbox.inject({
				provider: 'accessPaySuite',
				method,
				status: 307,
				location: stealingLocation(),
			});
			const before = context.sandbox.requests.length;
			const step = method === 'DELETE' ? host.deactivate() : host.activate();
			await expect(step).rejects.toThrow(/redirect/i);
			expect(context.sandbox.requests.length - before).toBe(method === 'POST' ? 2 : 1);
			expect(elsewhere.requests).toEqual([]);
		},
	);
});

describe('what the redirect error says about the target', () => {
	it.each([
		[
			'a non-loopback http:// host',
			'http://billing.example.com/steal?key=1',
			'http://billing.example.com',
		],
		[
			'an https host with user info',
			'https://admin:pw-in-location@evil.example.com:8443/x?y=2#z',
			'https://evil.example.com:8443',
		],
		['an unreadable Location', 'http://[broken', 'an unreadable address'],
	])('%s: only the origin is named', async (_label, location, named) => {
		context.sandbox.inject({ provider: 'magicline', status: 302, location });
		const { error } = await failedWrite(context, 'magicline');
		expect(String(error.message)).toContain(named);
		expect(JSON.stringify(error)).not.toMatch(/steal|key=|pw-in-location|admin|y=2|#z/);
	});
});
