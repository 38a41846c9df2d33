import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import { useSandbox } from '../../harness/fixture';
import { expectNoSandboxSecret } from '../../harness/secretScan';
import { post, useTriggerHost } from '../../harness/triggerHost';

const context = useSandbox();
const triggers = useTriggerHost(context);

const WEBHOOK_API_KEY = SANDBOX_CREDENTIALS.magiclineWebhook.webhookApiKey;

describe('Magicline Trigger', () => {
	const start = (events: string[] = []) => triggers.start('magiclineTrigger', { events });

	it('emits one item per subscribed payload entry, with uuid for de-duplication', async () => {
		const { webhookUrl, calls } = await start(['CONTRACT_ADDITIONAL_MODULE_CANCELLED']);
		const sent = await context.sandbox.sendEvent({
			provider: 'magicline',
			url: webhookUrl,
			webhookApiKey: WEBHOOK_API_KEY,
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
			{ 'content-type': 'application/json', 'x-api-key': WEBHOOK_API_KEY },
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
			webhookApiKey: WEBHOOK_API_KEY,
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
			{ 'content-type': 'application/json', 'x-api-key': WEBHOOK_API_KEY },
			body,
		);
		expect(answer.status).toBe(400);
		expectNoSandboxSecret(answer.text);
		expect(calls[0].run).toBeUndefined();
	});
});
