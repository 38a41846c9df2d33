import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postEvent } from '../../sandbox/events';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { DDCMS_CONTRACT, ddcms, send, TODAY } from './helpers';

interface Received {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
}

/** A tiny subscriber on 127.0.0.1 that records every request and answers `status` / `body` (or never, when hang). */
class Receiver {
	readonly received: Received[] = [];
	url = '';
	status = 200;
	body = 'ok';
	hang = false;
	private waiters: Array<(request: Received) => void> = [];
	private awaited = 0;
	private readonly server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const received = {
				method: request.method ?? '',
				path: request.url ?? '',
				headers: request.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			this.received.push(received);
			this.waiters.shift()?.(received);
			if (!this.hang)
				response.writeHead(this.status, { 'content-type': 'text/plain' }).end(this.body);
		});
	});

	async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	/** The next request (or the oldest one not yet awaited). */
	next(): Promise<Received> {
		const index = this.awaited++;
		if (index < this.received.length) return Promise.resolve(this.received[index]);
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}
}

/** The headers a subscriber receives: ours plus the three Node always writes (one connection per event). */
function expectedHeaders(
	body: string,
	ours: Record<string, string>,
	receiver: Receiver,
): Record<string, string> {
	return {
		host: new URL(receiver.url).host,
		connection: 'close',
		'content-length': String(Buffer.byteLength(body)),
		...ours,
	};
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let sandbox: Sandbox;
let receiver: Receiver;

beforeAll(async () => {
	sandbox = await startSandbox({ today: TODAY });
});

beforeEach(async () => {
	sandbox.reset();
	receiver = new Receiver();
	await receiver.start();
});

afterEach(async () => {
	await receiver.close();
});

afterAll(async () => {
	await sandbox.close();
});

describe('sendEvent', () => {
	it('sends a Magicline event with x-api-key and the {entityId, uuid, payload} body', async () => {
		const sent = await sandbox.sendEvent({
			provider: 'magicline',
			url: `${receiver.url}/webhook/magicline`,
			webhookApiKey: 'whk-123',
			type: 'CONTRACT_ADDITIONAL_MODULE_CANCELLED',
			entityId: 9001,
			content: { contractId: 5001, moduleContractId: 7001 },
			uuid: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
			timestamp: 1642779144176,
		});
		const body =
			'{"entityId":9001,"uuid":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","payload":[{"timestamp":1642779144176,' +
			'"type":"CONTRACT_ADDITIONAL_MODULE_CANCELLED","content":{"contractId":5001,"moduleContractId":7001}}]}';
		const [received] = receiver.received;
		expect(received).toEqual({
			method: 'POST',
			path: '/webhook/magicline',
			headers: expectedHeaders(
				body,
				{ 'content-type': 'application/json', 'x-api-key': 'whk-123' },
				receiver,
			),
			body,
		});
		expect(sent).toEqual({
			provider: 'magicline',
			url: `${receiver.url}/webhook/magicline`,
			headers: { 'Content-Type': 'application/json', 'x-api-key': 'whk-123' },
			body,
			status: 200,
			responseBody: 'ok',
		});
		expect(sandbox.sentEvents).toEqual([sent]);
	});

	it('fills a random uuid, the current timestamp and the entityId of the named contract, and leaves content out', async () => {
		const before = Date.now();
		await sandbox.sendEvent({
			provider: 'magicline',
			url: receiver.url,
			webhookApiKey: 'k',
			type: 'CUSTOMER_CHECKIN',
			entityId: '9007199254740993',
		});
		const first = JSON.parse((await receiver.next()).body);
		expect(Object.keys(first)).toEqual(['entityId', 'uuid', 'payload']);
		expect(first.uuid).toMatch(UUID_V4);
		expect(first.payload).toEqual([{ timestamp: expect.any(Number), type: 'CUSTOMER_CHECKIN' }]);
		expect(first.payload[0].timestamp).toBeGreaterThanOrEqual(before);
		expect(receiver.received[0].body).toContain('"entityId":9007199254740993,'); // digit text stays exact

		await sandbox.sendEvent({
			provider: 'magicline',
			url: receiver.url,
			webhookApiKey: 'k',
			type: 'CONTRACT_CANCELLED',
			content: { contractId: 5001 },
		});
		const second = JSON.parse((await receiver.next()).body);
		expect(second.entityId).toBe(9001); // contract 5001 belongs to customer 9001
		expect(second.uuid).not.toBe(first.uuid);

		await expect(
			sandbox.sendEvent({
				provider: 'magicline',
				url: receiver.url,
				webhookApiKey: 'k',
				type: 'CUSTOMER_CREATED',
			}),
		).rejects.toThrow(TypeError);
	});

	it('sends a Debitsuccess event with X-EventName, X-Token, X-TraceId and the data as the body', async () => {
		const data = {
			FacilityNo: 'F1',
			ScheduleId: 501,
			AccountId: 'DS1001',
			SuspensionFee: 0,
			StartDate: '2030-02-14',
			EndDate: '2030-03-16',
			Frequency: 'Weekly',
		};
		const sent = await sandbox.sendEvent({
			provider: 'debitsuccess',
			url: `${receiver.url}/ds`,
			token: 'static-token',
			eventName: 'customer.Schedule.Suspension.Added',
			data,
			traceId: 'trace-1',
		});
		const body = JSON.stringify(data);
		expect(receiver.received).toEqual([
			{
				method: 'POST',
				path: '/ds',
				headers: expectedHeaders(
					body,
					{
						'content-type': 'application/json',
						'x-eventname': 'customer.Schedule.Suspension.Added',
						'x-token': 'static-token',
						'x-traceid': 'trace-1',
					},
					receiver,
				),
				body,
			},
		]);
		expect(sent.headers).toEqual({
			'Content-Type': 'application/json',
			'X-EventName': 'customer.Schedule.Suspension.Added',
			'X-Token': 'static-token',
			'X-TraceId': 'trace-1',
		});

		const random = await sandbox.sendEvent({
			provider: 'debitsuccess',
			url: receiver.url,
			token: 't',
			eventName: 'Realtime.Account.Payment.Declined',
			data: {},
		});
		expect(random.headers['X-TraceId']).toMatch(UUID_V4);
		expect(receiver.received[1].body).toBe('{}');
	});

	it('sends a DDCMS callback with Entity first and no secret, to the registered URL by default', async () => {
		const body = {
			Id: DDCMS_CONTRACT(1),
			NewStatus: 'Cancelled',
			ChangeDate: '2030-01-15',
			Source: 'ADDACS',
			ReportMessage: 'Instruction cancelled by payer',
			Comment: null,
		};
		await expect(
			sandbox.sendEvent({ provider: 'accessPaySuite', entity: 'contract', body }),
		).rejects.toThrow(/no callback registered/);

		await ddcms(
			sandbox,
			'POST',
			`BACS/contract/callback?url=${encodeURIComponent(`${receiver.url}/ddcms`)}`,
		);
		const sent = await sandbox.sendEvent({ provider: 'accessPaySuite', entity: 'contract', body });
		const expectedBody = JSON.stringify({ Entity: 'contract', ...body });
		expect(receiver.received).toEqual([
			{
				method: 'POST',
				path: '/ddcms',
				headers: expectedHeaders(expectedBody, { 'content-type': 'application/json' }, receiver),
				body: expectedBody,
			},
		]);
		expect([sent.url, sent.status]).toEqual([`${receiver.url}/ddcms`, 200]);

		await sandbox.sendEvent({
			provider: 'accessPaySuite',
			entity: 'payment',
			url: `${receiver.url}/other`,
			body: { Id: 'p1', NewStatus: 'Unpaid' },
		});
		expect(receiver.received[1]).toMatchObject({
			path: '/other',
			body: '{"Entity":"payment","Id":"p1","NewStatus":"Unpaid"}',
		});
	});

	it('reports the subscriber status and body, and a closed port as status 0 without throwing', async () => {
		receiver.status = 401;
		receiver.body = 'bad key';
		const refused = await sandbox.sendEvent({
			provider: 'magicline',
			url: receiver.url,
			webhookApiKey: 'x',
			type: 'CUSTOMER_CREATED',
			entityId: 1,
		});
		expect([refused.status, refused.responseBody]).toEqual([401, 'bad key']);

		const closedUrl = receiver.url;
		await receiver.close();
		const failed = await sandbox.sendEvent({
			provider: 'debitsuccess',
			url: closedUrl,
			token: 't',
			eventName: 'e',
			data: {},
		});
		expect(failed.status).toBe(0);
		expect(failed.responseBody).toMatch(/ECONNREFUSED/);
		expect(sandbox.sentEvents.map((event) => event.status)).toEqual([401, 0]);
		await receiver.start(); // afterEach closes it again
	});

	it('gives up after the timeout with status 0', async () => {
		receiver.hang = true;
		const sent = await postEvent(
			{ provider: 'debitsuccess', url: receiver.url, headers: {}, body: '{}' },
			{ timeoutMs: 100 },
		);
		expect([sent.status, sent.responseBody]).toEqual([0, 'no answer within 100 ms']);
	});

	it('refuses malformed events and reset() clears sentEvents', async () => {
		await expect(sandbox.sendEvent({ provider: 'stripe' } as never)).rejects.toThrow(TypeError);
		await expect(
			sandbox.sendEvent({
				provider: 'debitsuccess',
				url: 'ftp://x',
				token: 't',
				eventName: 'e',
				data: {},
			}),
		).rejects.toThrow(/http\(s\) URL/);
		await expect(
			sandbox.sendEvent({
				provider: 'debitsuccess',
				url: receiver.url,
				token: 't',
				eventName: 'e',
				data: {},
				extra: 1,
			} as never),
		).rejects.toThrow(/unknown/);
		await sandbox.sendEvent({
			provider: 'debitsuccess',
			url: receiver.url,
			token: 't',
			eventName: 'e',
			data: {},
		});
		expect(sandbox.sentEvents).toHaveLength(1);
		sandbox.reset();
		expect(sandbox.sentEvents).toHaveLength(0);
	});
});

describe('DDCMS contract callbacks from state', () => {
	beforeEach(async () => {
		await ddcms(
			sandbox,
			'POST',
			`BACS/contract/callback?url=${encodeURIComponent(`${receiver.url}/cb`)}`,
		);
	});

	it('POSTs the new schedule status after answering a cancelSchedule, and the comment after a restartSchedule', async () => {
		const id = DDCMS_CONTRACT(1);
		expect((await ddcms(sandbox, 'POST', `contract/${id}/cancelSchedule`)).status).toBe(200);
		const cancelled = await receiver.next();
		expect(cancelled.method).toBe('POST');
		expect(cancelled.path).toBe('/cb');
		expect(cancelled.headers['content-type']).toBe('application/json');
		expect(cancelled.body).toBe(
			`{"Entity":"contract","Id":"${id}","NewStatus":"Terminated","ChangeDate":"${TODAY}","Source":"API","ReportMessage":null,"Comment":null}`,
		);
		await waitFor(() => sandbox.sentEvents.length === 1);
		expect(sandbox.sentEvents[0]).toMatchObject({
			provider: 'accessPaySuite',
			url: `${receiver.url}/cb`,
			status: 200,
		});

		await ddcms(sandbox, 'POST', `contract/${id}/restartSchedule?comment=Back`);
		expect(JSON.parse((await receiver.next()).body)).toMatchObject({
			Id: id,
			NewStatus: 'Active',
			Comment: 'Back',
		});
	});

	it('POSTs the Direct Debit status after cancel and reactivate', async () => {
		await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/cancel`);
		expect(JSON.parse((await receiver.next()).body)).toMatchObject({
			Id: DDCMS_CONTRACT(1),
			NewStatus: 'Cancelled',
		});
		await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(4)}/reactivate`);
		expect(JSON.parse((await receiver.next()).body)).toMatchObject({
			Id: DDCMS_CONTRACT(4),
			NewStatus: 'Active',
		});
	});

	it('sends nothing for a failed, faulted or unregistered write', async () => {
		expect(
			(await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(2)}/cancelSchedule`)).status,
		).toBe(400); // already Terminated
		expect(
			(await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(3)}/cancelSchedule`)).status,
		).toBe(403);
		sandbox.inject({ provider: 'accessPaySuite', status: 503 });
		expect(
			(await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/cancelSchedule`)).status,
		).toBe(503);
		await ddcms(sandbox, 'DELETE', 'BACS/contract/callback');
		expect((await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/cancel`)).status).toBe(200);
		await ddcms(
			sandbox,
			'POST',
			`BACS/contract/callback?url=${encodeURIComponent(`${receiver.url}/cb`)}`,
		);
		await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/cancelSchedule`);
		expect(JSON.parse((await receiver.next()).body)).toMatchObject({
			Id: DDCMS_CONTRACT(1),
			NewStatus: 'Terminated',
		});
		expect(receiver.received).toHaveLength(1);
	});
});

describe('POST /__sandbox/events', () => {
	it('sends the event and answers with the SentEvent, keeping large integers exact', async () => {
		const event =
			`{"provider":"magicline","url":"${receiver.url}/m","webhookApiKey":"k","type":"CONTRACT_ADDITIONAL_MODULE_CANCELLED",` +
			'"entityId":9001,"uuid":"u-1","timestamp":1,"content":{"contractId":5001,"moduleContractId":9007199254740993}}';
		const reply = await send(`${sandbox.url}/__sandbox/events`, { method: 'POST', body: event });
		const body =
			'{"entityId":9001,"uuid":"u-1","payload":[{"timestamp":1,"type":"CONTRACT_ADDITIONAL_MODULE_CANCELLED",' +
			'"content":{"contractId":5001,"moduleContractId":9007199254740993}}]}';
		expect(reply.status).toBe(200);
		expect(JSON.parse(reply.text)).toEqual({
			provider: 'magicline',
			url: `${receiver.url}/m`,
			headers: { 'Content-Type': 'application/json', 'x-api-key': 'k' },
			body,
			status: 200,
			responseBody: 'ok',
		});
		expect(receiver.received[0]).toMatchObject({ method: 'POST', path: '/m', body });
		expect(sandbox.requests).toHaveLength(0); // admin calls are not recorded
	});

	it('answers 400 for a malformed event', async () => {
		const reply = await send(`${sandbox.url}/__sandbox/events`, {
			method: 'POST',
			body: '{"provider":"debitsuccess","url":"nope"}',
		});
		expect(reply.status).toBe(400);
		expect(JSON.parse(reply.text).error).toMatch(/url/);
		expect(
			(await send(`${sandbox.url}/__sandbox/events`, { method: 'POST', body: '{' })).status,
		).toBe(400);
	});
});
