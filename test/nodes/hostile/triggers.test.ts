/**
 * Issue 9, class 12: a webhook body that is not the expected JSON gets 400 and starts no run
 * (never a 500, never a run on an empty body).
 */
import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import { useSandbox } from '../../harness/fixture';
import { post, useTriggerHost } from '../../harness/triggerHost';

const context = useSandbox();
const triggers = useTriggerHost(context);

const MAGICLINE_HEADERS = {
	'content-type': 'application/json',
	'x-api-key': SANDBOX_CREDENTIALS.magiclineWebhook.webhookApiKey,
};

const magiclineEvent = (timestamp: unknown) =>
	JSON.stringify({
		entityId: 9001,
		uuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
		payload: [{ timestamp, type: 'CUSTOMER_CHECKIN' }],
	});

describe('Magicline Trigger: timestamps outside the Date range', () => {
	it.each([1e20, -1e20, 8.64e15 + 1, 'soon', null])(
		'timestamp %p gets 400 and starts no run',
		async (timestamp) => {
			const { webhookUrl, calls } = await triggers.start('magiclineTrigger', { events: [] });
			const answer = await post(webhookUrl, MAGICLINE_HEADERS, magiclineEvent(timestamp));
			expect(answer.status).toBe(400);
			expect(calls.every((call) => call.run === undefined)).toBe(true);
		},
	);

	it('the largest valid timestamp still starts a run', async () => {
		const { webhookUrl, calls } = await triggers.start('magiclineTrigger', { events: [] });
		const answer = await post(webhookUrl, MAGICLINE_HEADERS, magiclineEvent(8.64e15));
		expect(answer.status).toBe(200);
		expect(calls[0].items[0].json.occurredAt).toBe('+275760-09-13T00:00:00.000Z');
	});
});

describe('DDCMS Trigger: bodies that are no callback', () => {
	it.each(['{}', '[]', 'null', '[{"Entity":"contract"}]', '"text"'])(
		'%s gets 400 and starts no run',
		async (body) => {
			const { webhookUrl, calls } = await triggers.start('accessPaySuiteTrigger', {
				entity: 'contract',
			});
			const answer = await post(webhookUrl, { 'content-type': 'application/json' }, body);
			expect(answer.status).toBe(400);
			expect(calls.every((call) => call.run === undefined)).toBe(true);
		},
	);
});
