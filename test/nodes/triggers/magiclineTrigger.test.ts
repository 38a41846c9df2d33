import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { startWebhookHost } from '../../harness/engine';
import type { StoredCredential, WebhookHost } from '../../harness/engine';
import { credentialsFor, useSandbox } from '../../harness/fixture';

const context = useSandbox();

const MAGICLINE_KEY = 'magicline-webhook-key-7f3a';
const DEBITSUCCESS_TOKEN = 'debitsuccess-token-91c2';

function webhookCredentials(): Record<string, StoredCredential> {
	return {
		...credentialsFor(context.sandbox),
		magiclineWebhookApi: { type: 'magiclineWebhookApi', data: { webhookApiKey: MAGICLINE_KEY } },
		debitsuccessWebhookApi: { type: 'debitsuccessWebhookApi', data: { token: DEBITSUCCESS_TOKEN } },
	};
}

let host: WebhookHost | undefined;
afterEach(async () => {
	await host?.close();
	host = undefined;
});

async function post(url: string, headers: Record<string, string>, body: string) {
	const response = await fetch(url, { method: 'POST', headers, body });
	return { status: response.status, text: await response.text() };
}

/** Every secret must stay out of answers and items. */
function expectNoSecret(text: string) {
	for (const secret of [MAGICLINE_KEY, DEBITSUCCESS_TOKEN, 'ddcms-sandbox-key'])
		expect(text).not.toContain(secret);
}

describe('Magicline Trigger', () => {
	const start = async (events: string[] = []) => {
		host = await startWebhookHost(
			{ type: 'magiclineTrigger', credentialType: 'magiclineWebhookApi', parameters: { events } },
			webhookCredentials(),
		);
		return host;
	};

	it('emits one item per subscribed payload entry, with uuid for de-duplication', async () => {
		const { webhookUrl, calls } = await start(['CONTRACT_ADDITIONAL_MODULE_CANCELLED']);
		const sent = await context.sandbox.sendEvent({
			provider: 'magicline',
			url: webhookUrl,
			webhookApiKey: MAGICLINE_KEY,
			type: 'CONTRACT_ADDITIONAL_MODULE_CANCELLED',
			entityId: 9001,
			uuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
			timestamp: 1781690400000,
			content: { contractId: 5001, moduleContractId: 7001 },
		});
		expect(sent.status).toBe(200);
		expect(calls).toHaveLength(1);
		expect(calls[0].items.map((item) => item.json)).toEqual([
			{
				uuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
				entityId: 9001,
				type: 'CONTRACT_ADDITIONAL_MODULE_CANCELLED',
				timestamp: 1781690400000,
				occurredAt: '2026-06-17T10:00:00.000Z',
				content: { contractId: 5001, moduleContractId: 7001 },
			},
		]);
		expect(calls[0].run?.data.resultData.error).toBeUndefined();
		expect(calls[0].run?.data.resultData.runData.Success?.[0]?.data?.main?.[0]).toHaveLength(1);
	});

	it('gives content {} when the event has none, and several entries give several items', async () => {
		const { webhookUrl, calls } = await start();
		const body = {
			entityId: 42,
			uuid: 'u-1',
			payload: [
				{ timestamp: 1781690400000, type: 'CUSTOMER_CHECKIN' },
				{ timestamp: 1781690460000, type: 'CUSTOMER_CHECKOUT' },
			],
		};
		const answer = await post(
			webhookUrl,
			{ 'content-type': 'application/json', 'x-api-key': MAGICLINE_KEY },
			JSON.stringify(body),
		);
		expect(answer.status).toBe(200);
		expect(calls[0].items.map((item) => [item.json.type, item.json.content])).toEqual([
			['CUSTOMER_CHECKIN', {}],
			['CUSTOMER_CHECKOUT', {}],
		]);
	});

	it('answers 200 and starts no run when every event is filtered out', async () => {
		const { webhookUrl, calls } = await start(['CONTRACT_CANCELLED']);
		const sent = await context.sandbox.sendEvent({
			provider: 'magicline',
			url: webhookUrl,
			webhookApiKey: MAGICLINE_KEY,
			type: 'CUSTOMER_CREATED',
			entityId: 1,
		});
		expect(sent.status).toBe(200);
		expect(calls[0].run).toBeUndefined();
	});

	it.each([
		['a wrong key', { 'x-api-key': 'not-the-key' }],
		['no key', {}],
	])('answers 401 to %s without echoing anything and starts no run', async (_name, headers) => {
		const { webhookUrl, calls } = await start();
		const answer = await post(
			webhookUrl,
			{ 'content-type': 'application/json', ...headers },
			JSON.stringify({ uuid: 'x', payload: [] }),
		);
		expect(answer).toEqual({ status: 401, text: '{"message":"Unauthorized"}' });
		expect(calls[0].run).toBeUndefined();
	});

	it.each([
		['no payload', JSON.stringify({ entityId: 1, uuid: 'u' })],
		['an entry without a type', JSON.stringify({ uuid: 'u', payload: [{ timestamp: 1 }] })],
		['a JSON array', '[]'],
		['broken JSON', '{"payload": ['],
	])('answers 400 to %s and starts no run', async (_name, body) => {
		const { webhookUrl, calls } = await start();
		const answer = await post(
			webhookUrl,
			{ 'content-type': 'application/json', 'x-api-key': MAGICLINE_KEY },
			body,
		);
		expect(answer.status).toBe(400);
		expectNoSecret(answer.text);
		expect(calls[0].run).toBeUndefined();
	});
});

describe('Debitsuccess Trigger', () => {
	const start = async (events: string[] = []) => {
		host = await startWebhookHost(
			{
				type: 'debitsuccessTrigger',
				credentialType: 'debitsuccessWebhookApi',
				parameters: { events },
			},
			webhookCredentials(),
		);
		return host;
	};
	const data: IDataObject = {
		FacilityNo: 'F1',
		ScheduleId: 501,
		AccountId: 'DS1001',
		StartDate: '2026-07-15',
		EndDate: '2026-08-14',
	};

	it('emits the event with its name and trace id, matching the filter case-insensitively', async () => {
		const { webhookUrl, calls } = await start(['customer.Schedule.Suspension.Updated']);
		const sent = await context.sandbox.sendEvent({
			provider: 'debitsuccess',
			url: webhookUrl,
			token: DEBITSUCCESS_TOKEN,
			eventName: 'Customer.Schedule.Suspension.UPDATED',
			traceId: 'trace-123',
			data,
		});
		expect(sent.status).toBe(200);
		expect(calls[0].items.map((item) => item.json)).toEqual([
			{ eventName: 'Customer.Schedule.Suspension.UPDATED', traceId: 'trace-123', data },
		]);
	});

	it('answers 200 without a run for an event not selected', async () => {
		const { webhookUrl, calls } = await start(['Realtime.Account.Payment.Declined']);
		const sent = await context.sandbox.sendEvent({
			provider: 'debitsuccess',
			url: webhookUrl,
			token: DEBITSUCCESS_TOKEN,
			eventName: 'Realtime.Account.Payment.Authorized',
			data: {},
		});
		expect(sent.status).toBe(200);
		expect(calls[0].run).toBeUndefined();
	});

	it('answers 401 to a wrong token and 400 to a missing event name', async () => {
		const { webhookUrl, calls } = await start();
		const wrong = await context.sandbox.sendEvent({
			provider: 'debitsuccess',
			url: webhookUrl,
			token: 'wrong',
			eventName: 'x',
			data: {},
		});
		expect([wrong.status, wrong.responseBody]).toEqual([401, '{"message":"Unauthorized"}']);
		const nameless = await post(
			webhookUrl,
			{ 'content-type': 'application/json', 'x-token': DEBITSUCCESS_TOKEN },
			'{}',
		);
		expect(nameless.status).toBe(400);
		expect(calls.every((call) => call.run === undefined)).toBe(true);
	});
});

describe('Access PaySuite DDCMS Trigger', () => {
	const start = async (entity = 'contract', overrides: IDataObject = {}) => {
		const credentials = webhookCredentials();
		credentials.accessPaySuiteApi = {
			type: 'accessPaySuiteApi',
			data: {
				...credentials.accessPaySuiteApi.data,
				...overrides,
			} as ICredentialDataDecryptedObject,
		};
		host = await startWebhookHost(
			{
				type: 'accessPaySuiteTrigger',
				credentialType: 'accessPaySuiteApi',
				parameters: { entity },
			},
			credentials,
		);
		return host;
	};

	it('registers its URL on activation, finds it on the next start, and removes it on deactivation', async () => {
		const { webhookUrl, activate, deactivate } = await start('payment');
		expect(await activate()).toEqual({ existed: false, created: true });
		const post = context.sandbox.requests.find((request) => request.method === 'POST');
		expect(post?.path).toBe('/ddcms/api/v3/client/DEMO/BACS/payment/callback');
		expect(post?.rawQuery).toBe(`url=${encodeURIComponent(webhookUrl)}`);
		expect(context.sandbox.state.accessPaySuite.callbacks.get('payment')).toBe(webhookUrl);

		expect(await activate()).toEqual({ existed: true, created: false });
		expect(await deactivate()).toBe(true);
		expect(context.sandbox.requests.at(-1)).toMatchObject({
			method: 'DELETE',
			path: '/ddcms/api/v3/client/DEMO/BACS/payment/callback',
		});
		expect(context.sandbox.state.accessPaySuite.callbacks.has('payment')).toBe(false);
	});

	it('treats a URL registered by someone else as not existing, and replaces it', async () => {
		const { webhookUrl, activate } = await start();
		context.sandbox.state.accessPaySuite.callbacks.set('contract', 'https://old.example.com/hook');
		expect(await activate()).toEqual({ existed: false, created: true });
		expect(context.sandbox.state.accessPaySuite.callbacks.get('contract')).toBe(webhookUrl);
	});

	it('fails activation with the provider message when the key is wrong', async () => {
		const { activate } = await start('contract', { apiKey: 'wrong-key-000' });
		await expect(activate()).rejects.toMatchObject({
			message: 'Authorization has been denied for this request.',
		});
	});

	it('emits a callback DDCMS sends after a change, with the entity', async () => {
		const { activate, calls } = await start();
		await activate();
		await context.run({
			type: 'accessPaySuite',
			credentialType: 'accessPaySuiteApi',
			parameters: {
				resource: 'contract',
				operation: 'cancelDirectDebit',
				contractId: 'a0000000-0000-4000-8000-000000000001',
			},
		});
		for (let wait = 0; wait < 50 && !calls[0]?.run; wait++)
			await new Promise((resolve) => setTimeout(resolve, 20));
		expect(calls[0].items).toHaveLength(1);
		expect(calls[0].items[0].json).toMatchObject({
			Entity: 'contract',
			Id: 'a0000000-0000-4000-8000-000000000001',
			NewStatus: 'Cancelled',
			entity: 'contract',
		});
	});

	it('answers 400 to a body that is not a JSON object', async () => {
		const { webhookUrl, calls } = await start();
		const answer = await post(webhookUrl, { 'content-type': 'text/plain' }, 'hello');
		expect(answer.status).toBe(400);
		expect(calls[0].run).toBeUndefined();
	});
});
