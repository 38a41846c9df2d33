/**
 * Issue 9, classes 4 and 7 for the credential "Test" button: an answer that is not the provider's
 * success must not pass the Test, and a stalled answer must not hold it past the default timeout.
 */
import { testCredential } from '../../harness/engine';
import { credentialsFor, useSandbox } from '../../harness/fixture';
import { CREDENTIAL_OF, PROVIDERS } from '../../harness/hostile';
import type { Provider } from '../../harness/nodeStep';

const context = useSandbox();

const LOGIN_PAGE = '<!DOCTYPE html><html><body><form>Sign in to the proxy</form></body></html>';
/** The contract's default `options.timeout`; the Test has no options, so this bounds it. */
const DEFAULT_TIMEOUT_MS = 30000;

const runTest = (provider: Provider) => {
	const type = CREDENTIAL_OF[provider];
	return testCredential(type, credentialsFor(context.sandbox)[type].data);
};

describe('an HTML login page with status 200 fails the Test', () => {
	it('debitsuccess', async () => {
		context.sandbox.inject({
			provider: 'debitsuccess',
			status: 200,
			body: LOGIN_PAGE,
			contentType: 'text/html',
		});
		expect((await runTest('debitsuccess')).status).toBe('Error');
	});

	// The Test reads the answer with the node's own reader: a login page is no success.
	it.each(PROVIDERS.filter((provider) => provider !== 'debitsuccess'))('%s', async (provider) => {
		// n8n's request helper may ask twice; both get the page.
		context.sandbox.inject({
			provider,
			status: 200,
			body: LOGIN_PAGE,
			contentType: 'text/html',
			times: 2,
		});
		expect((await runTest(provider)).status).toBe('Error');
	});
});

// Every credential Test has the contract's default deadline (30 s), body included.
it(
	'a dripping answer ends every credential Test within the default timeout',
	async () => {
		for (const provider of PROVIDERS) context.sandbox.inject({ provider, dripMs: 1000, times: 2 });
		const deadline = DEFAULT_TIMEOUT_MS + 1500;
		const outcomes = await Promise.all(
			PROVIDERS.map(async (provider) => {
				const ended = await Promise.race([
					runTest(provider).then(() => 'ended'),
					new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), deadline)),
				]);
				return [provider, ended];
			}),
		);
		expect(Object.fromEntries(outcomes)).toEqual({
			accessPaySuite: 'ended',
			magicline: 'ended',
			singula: 'ended',
			debitsuccess: 'ended',
		});
	},
	DEFAULT_TIMEOUT_MS + 10000,
);
