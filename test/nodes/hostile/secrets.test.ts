/**
 * Issue 9, class 2: provider text that echoes a credential (a 401 repeating the key, a SOAP Fault
 * repeating the envelope, a Debitsuccess note holding the password, the Singula signature sent
 * back) never reaches an item, the thrown error, a log line or a dropdown error. Every run here is
 * also scanned by the harness (items, serialized thrown error, engine log); the checks below make
 * sure each answer really carried the secret, so the scan had something to find.
 */
import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import type { FaultRule } from '../../../sandbox/server';
import { answer } from '../../harness/debitsuccess';
import { testCredential } from '../../harness/engine';
import { credentialsFor, useSandbox } from '../../harness/fixture';
import {
	CREDENTIAL_OF,
	DROPDOWNS,
	errorsOf,
	leaksInError,
	runDropdown,
	writeStep,
} from '../../harness/hostile';
import type { Provider } from '../../harness/nodeStep';
import { findSecrets, secretsSeen } from '../../harness/secretScan';
import { useTriggerHost } from '../../harness/triggerHost';

const context = useSandbox();
const triggers = useTriggerHost(context);

/** A 401 (or SOAP answer) per provider that repeats what it received, in every escaping. */
const ECHOES: Record<Provider, Omit<FaultRule, 'provider'>> = {
	accessPaySuite: {
		status: 401,
		body: '{"Message":"Key {{json:header:apikey}} denied","Detail":"{{url:header:apikey}} / {{xml:header:apikey}}"}',
	},
	magicline: {
		status: 401,
		body: '{"errorMessage":"Unknown key {{json:header:x-api-key}}","errorCode":"UNAUTHORIZED","traceId":"{{url:header:x-api-key}}","reference":"{{json:header:x-api-key}}"}',
	},
	singula: {
		status: 401,
		body: '{"errorCode":90001,"developerMessage":"Bad signature {{json:header:authorization}} at {{json:header:timestamp}}","userMessage":"Refused {{url:header:authorization}}","moreInfo":"{{json:body}}"}',
	},
	debitsuccess: {
		status: 500,
		body:
			'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
			'<faultcode>s:Client</faultcode><faultstring>Cannot read {{xml:body}}</faultstring>' +
			'<detail>{{xml:body}}</detail></s:Fault></s:Body></s:Envelope>',
	},
};

/** What each echo must still say once the secret is gone: the provider's own words. */
const STILL_SAYS: Record<Provider, RegExp> = {
	accessPaySuite: /^Key .* denied$/,
	magicline: /^Unknown key /,
	singula: /^Refused /,
	debitsuccess: /^Cannot read /,
};

function expectEchoCarriedTheSecret(provider: Provider): void {
	const [request] = context.sandbox.requests;
	const sent = JSON.stringify(request.headers) + request.body;
	const secrets = secretsSeen(context.sandbox);
	expect(findSecrets({ request: [sent] }, secrets).length).toBeGreaterThan(0);
	if (provider === 'singula') expect(request.headers.authorization).toMatch(/^hmac \S+:\w{64}$/);
}

describe.each(Object.keys(ECHOES) as Provider[])('%s echoes the credential back', (provider) => {
	beforeEach(() => context.sandbox.inject({ provider, ...ECHOES[provider] }));

	it('the error item keeps the message and drops the secret', async () => {
		const run = await context.run(writeStep(provider, 'continueRegularOutput'));
		expectEchoCarriedTheSecret(provider);
		const [error] = errorsOf(run.items);
		expect(String(error.message)).toMatch(STILL_SAYS[provider]);
	});

	it('the error on the error output drops it too', async () => {
		const run = await context.run(writeStep(provider, 'continueErrorOutput'));
		expectEchoCarriedTheSecret(provider);
		expect(errorsOf(run.errorItems)).toHaveLength(1);
	});

	it('the thrown error (message, description, context) and the log drop it', async () => {
		const run = await context.run(writeStep(provider, 'stopWorkflow'));
		expectEchoCarriedTheSecret(provider);
		expect(run.error?.message).toMatch(STILL_SAYS[provider]);
		expect(leaksInError(context.sandbox, run.error)).toEqual([]);
	});

	it('the credential Test drops it', async () => {
		// n8n's request helper tries a 401 once more: both attempts get the echo.
		context.sandbox.inject({ provider, ...ECHOES[provider] });
		const type = CREDENTIAL_OF[provider];
		const result = await testCredential(type, credentialsFor(context.sandbox)[type].data);
		expect(result.status).toBe('Error');
		expectEchoCarriedTheSecret(provider);
		expect(leaksInError(context.sandbox, result.message)).toEqual([]);
	});
});

describe.each(DROPDOWNS.map((dropdown) => [dropdown.method, dropdown] as const))(
	'dropdown %s with an echoing provider',
	(_method, dropdown) => {
		it('throws the provider message without the secret', async () => {
			context.sandbox.inject({ provider: dropdown.provider, ...ECHOES[dropdown.provider] });
			const { error } = await runDropdown(context.sandbox, dropdown);
			expectEchoCarriedTheSecret(dropdown.provider);
			expect(error?.message).toMatch(STILL_SAYS[dropdown.provider]);
			expect(leaksInError(context.sandbox, error)).toEqual([]);
		});
	},
);

it('DDCMS webhook registration: the echoed key is not in the activation error', async () => {
	const host = await triggers.start('accessPaySuiteTrigger', { entity: 'contract' });
	context.sandbox.inject({ provider: 'accessPaySuite', ...ECHOES.accessPaySuite });
	const failure = await host.activate().then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(String((failure as Error).message)).toMatch(STILL_SAYS.accessPaySuite);
	expectEchoCarriedTheSecret('accessPaySuite');
	expect(leaksInError(context.sandbox, failure)).toEqual([]);
});

describe('Debitsuccess notes that carry the password', () => {
	const password = SANDBOX_CREDENTIALS.debitsuccess.password;

	it.each([
		['a Succeed answer (the success item lists the notes)', 'Succeed', 'Information'],
		['a Failed answer (the error item takes the note)', 'Failed', 'Error'],
	])('%s', async (_label, status, type) => {
		context.sandbox.inject({
			provider: 'debitsuccess',
			status: 200,
			body: answer('CancelAccount', status, [
				['12016', `Echo {{xml:body}}`, type],
				['12017', `Password was ${password}`, 'Warning'],
			]),
		});
		const run = await context.run(writeStep('debitsuccess', 'continueRegularOutput'));
		const json = run.items[0].json as IDataObject;
		const notes = status === 'Succeed' ? (json.notes as IDataObject[]) : undefined;
		if (notes) {
			expect(notes.map((note) => note.code)).toEqual(['12016', '12017']);
			expect(String(notes[1].note)).toMatch(/^Password was /);
		} else {
			expect(String((json.error as IDataObject).message)).toMatch(/^Echo /);
		}
		expect(String(run.requests[0].body)).toContain(password);
	});
});

describe('a success answer that echoes the credential', () => {
	it.each([
		['accessPaySuite', '{"Message":"Cancelled for {{json:header:apikey}}"}', 'message'],
		['magicline', '{"moduleContractId":7001,"note":"{{json:header:x-api-key}}"}', 'note'],
		['singula', '{"href":"/x","rel":"{{json:header:authorization}}"}', 'rel'],
	] as const)(
		'%s: the passed-through record is redacted, the item still a success',
		async (provider, body, field) => {
			context.sandbox.inject({ provider, status: 200, body });
			const run = await context.run(writeStep(provider, 'continueRegularOutput'));
			expectEchoCarriedTheSecret(provider);
			expect(run.items[0].json.success).toBe(true);
			expect(typeof run.items[0].json[field]).toBe('string');
		},
	);
});
