import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';
import { post, useTriggerHost } from '../../harness/triggerHost';

const context = useSandbox();
const triggers = useTriggerHost(context);

describe('Access PaySuite DDCMS Trigger', () => {
	const start = (entity = 'contract', overrides: IDataObject = {}) =>
		triggers.start('accessPaySuiteTrigger', { entity }, { accessPaySuiteApi: overrides });

	it('registers its URL on activation, finds it on the next start, and removes it on deactivation', async () => {
		const { webhookUrl, activate, deactivate } = await start('payment');
		expect(await activate()).toEqual({ existed: false, created: true });
		const registration = context.sandbox.requests.find((request) => request.method === 'POST');
		expect(registration?.path).toBe('/ddcms/api/v3/client/DEMO/BACS/payment/callback');
		expect(registration?.rawQuery).toBe(`url=${encodeURIComponent(webhookUrl)}`);
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

	it('registers with its own Timeout option', async () => {
		context.sandbox.inject({ method: 'GET', delayMs: 1500 });
		const slow = await triggers.start('accessPaySuiteTrigger', {
			entity: 'contract',
			options: { timeout: 300 },
		});
		const startedAt = performance.now();
		await expect(slow.activate()).rejects.toMatchObject({
			message: 'The provider did not answer within 300 ms; the outcome is unknown',
		});
		expect(performance.now() - startedAt).toBeLessThan(1200);
	});

	it('registers with its own Max Retries option', async () => {
		context.sandbox.inject({ method: 'GET', status: 503, retryAfter: '0', times: 5 });
		const requestsBefore = context.sandbox.requests.length;
		const noRetries = await triggers.start('accessPaySuiteTrigger', {
			entity: 'contract',
			options: { maxRetries: 0 },
		});
		await expect(noRetries.activate()).rejects.toMatchObject({ httpCode: '503' });
		expect(context.sandbox.requests.length - requestsBefore).toBe(1);
	});

	it('emits a callback DDCMS sends after a change, with the entity', async () => {
		const { activate, calls } = await start();
		await activate();
		await context.run(
			nodeStep('accessPaySuite', 'contract', 'cancelDirectDebit', {
				contractId: 'a0000000-0000-4000-8000-000000000001',
			}),
		);
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
