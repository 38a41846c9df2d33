import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import { useSandbox } from '../../harness/fixture';
import { post, useTriggerHost } from '../../harness/triggerHost';

const context = useSandbox();
const triggers = useTriggerHost(context);

const TOKEN = SANDBOX_CREDENTIALS.debitsuccessWebhook.token;

describe('Debitsuccess Trigger', () => {
	const start = (events: string[] = []) => triggers.start('debitsuccessTrigger', { events });
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
			token: TOKEN,
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
			token: TOKEN,
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
			{ 'content-type': 'application/json', 'x-token': TOKEN },
			'{}',
		);
		expect(nameless.status).toBe(400);
		expect(calls.every((call) => call.run === undefined)).toBe(true);
	});
});
