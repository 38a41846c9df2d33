/**
 * Issue 9, class 13: a credential's base URL with a user name and password, a query or a fragment
 * is refused before anything is sent, and the refusal never repeats the URL (it may hold a
 * password), in actions, dropdowns and the credential Test alike.
 */
import type { Sandbox } from '../../../sandbox/server';
import { testCredential } from '../../harness/engine';
import { credentialsFor, useSandbox } from '../../harness/fixture';
import {
	CREDENTIAL_OF,
	DROPDOWNS,
	failedWrite,
	PROVIDERS,
	REFUSED,
	runDropdown,
	writeStep,
} from '../../harness/hostile';
import type { Provider } from '../../harness/nodeStep';
import { useTriggerHost } from '../../harness/triggerHost';

const context = useSandbox();

const PASSWORD = 'hunter2-in-url';

/** Hostile variants of the sandbox's base URL of a provider, and what the refusal must name. */
function hostileBaseUrls(sandbox: Sandbox, provider: Provider): Array<[string, string, RegExp]> {
	const url = new URL(sandbox.urls[provider]);
	const withUser = `${url.protocol}//admin:${PASSWORD}@${url.host}${url.pathname}`;
	return [
		['user and password', withUser, /user name or password/],
		[
			'only a user name',
			`${url.protocol}//${PASSWORD}@${url.host}${url.pathname}`,
			/user name or password/,
		],
		[
			'an invalid URL holding a password',
			`https://admin:${PASSWORD}@bad host${url.pathname}`,
			/not a valid URL/,
		],
		['a query', `${sandbox.urls[provider]}?tenant=${PASSWORD}`, /query/],
		['an empty query', `${sandbox.urls[provider]}?`, /query/],
		['a fragment', `${sandbox.urls[provider]}#${PASSWORD}`, /fragment/],
	];
}

/** The three places the refusal shows up never hold the URL's text. */
function expectNoEcho(text: string): void {
	expect(text).not.toContain(PASSWORD);
	expect(text).not.toContain('admin:');
	expect(text).not.toContain(encodeURIComponent(PASSWORD));
}

describe.each(PROVIDERS)('%s credential base URL', (provider) => {
	const type = CREDENTIAL_OF[provider];
	const cases = () => hostileBaseUrls(context.sandbox, provider);

	it('with user info, a query or a fragment: the action refuses it, nothing sent, nothing echoed', async () => {
		for (const [label, baseUrl, reason] of cases()) {
			const { run, error } = await failedWrite(context, provider, {}, { [type]: { baseUrl } });
			expect({ label, ...error }).toMatchObject({ label, ...REFUSED });
			expect(String(error.message)).toMatch(reason);
			expectNoEcho(JSON.stringify(run.run.data.resultData.runData));
			expect(run.requests).toHaveLength(0);
		}
	});

	it('stop mode: the thrown error does not echo it either', async () => {
		for (const [, baseUrl] of cases()) {
			const stopped = await context.run(writeStep(provider, 'stopWorkflow'), [{}], {
				[type]: { baseUrl },
			});
			expect(stopped.error).toBeDefined();
			expectNoEcho(`${stopped.error?.message} ${JSON.stringify(stopped.error)}`);
			expect(stopped.requests).toHaveLength(0);
		}
	});

	it('the credential Test fails without sending or echoing', async () => {
		for (const [, baseUrl] of cases()) {
			const data = { ...credentialsFor(context.sandbox)[type].data, baseUrl };
			const result = await testCredential(type, data);
			expect(result.status).toBe('Error');
			expectNoEcho(result.message);
		}
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

describe.each(DROPDOWNS.map((dropdown) => [dropdown.method, dropdown] as const))(
	'dropdown %s with a hostile base URL',
	(_method, dropdown) => {
		it('fails without sending or echoing', async () => {
			for (const [, baseUrl, reason] of hostileBaseUrls(context.sandbox, dropdown.provider)) {
				const { options, error } = await runDropdown(context.sandbox, dropdown, { baseUrl });
				expect(options).toBeUndefined();
				expect(error?.message).toMatch(reason);
				expectNoEcho(`${error?.message} ${JSON.stringify(error)}`);
			}
			expect(context.sandbox.requests).toHaveLength(0);
		});
	},
);

describe('DDCMS webhook registration with a hostile base URL', () => {
	const triggers = useTriggerHost(context);

	it('activation fails without sending or echoing', async () => {
		for (const [, baseUrl, reason] of hostileBaseUrls(context.sandbox, 'accessPaySuite')) {
			const host = await triggers.start(
				'accessPaySuiteTrigger',
				{ entity: 'contract' },
				{ accessPaySuiteApi: { baseUrl } },
			);
			const failure = (await host.activate().then(
				() => undefined,
				(error: unknown) => error,
			)) as Error | undefined;
			expect(failure?.message).toMatch(reason);
			expectNoEcho(`${failure?.message} ${JSON.stringify(failure)}`);
			await host.close();
		}
		expect(context.sandbox.requests).toHaveLength(0);
	});
});
