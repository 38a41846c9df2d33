import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { DDCMS_CONTRACT, ddcms, magicline, singula, TODAY } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ today: TODAY });
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
	await sandbox.close();
});

describe('Access PaySuite', () => {
	it('cancels an Active schedule, refuses a second cancel, and restarts it with a comment', async () => {
		const id = DDCMS_CONTRACT(1);
		const cancel = await ddcms(sandbox, 'POST', `contract/${id}/cancelSchedule`);
		expect([cancel.status, JSON.parse(cancel.text)]).toEqual([
			200,
			{ Message: 'Contract schedule was cancelled successfully.' },
		]);
		expect(sandbox.state.accessPaySuite.contracts.get(id)?.scheduleStatus).toBe('Terminated');

		const again = await ddcms(sandbox, 'POST', `contract/${id}/cancelSchedule`);
		expect([again.status, JSON.parse(again.text).ErrorCode]).toEqual([400, 3]);

		const restart = await ddcms(
			sandbox,
			'POST',
			`contract/${id}/restartSchedule?comment=Back%20from%20holiday`,
		);
		expect([restart.status, JSON.parse(restart.text)]).toEqual([
			200,
			{ Message: 'Contract schedule was restarted successfully.' },
		]);
		expect(sandbox.state.accessPaySuite.contracts.get(id)).toMatchObject({
			scheduleStatus: 'Active',
			lastComment: 'Back from holiday',
		});
		expect(sandbox.requests.map((r) => r.path)).toContain(
			`/ddcms/api/v3/client/DEMO/contract/${id}/restartSchedule`,
		);
		expect(sandbox.requests[2]).toMatchObject({
			rawQuery: 'comment=Back%20from%20holiday',
			query: { comment: 'Back from holiday' },
			body: '',
		});
	});

	it('answers 403 for the protected contract and 500 for the broken one, leaving them unchanged', async () => {
		const protectedReply = await ddcms(
			sandbox,
			'POST',
			`contract/${DDCMS_CONTRACT(3)}/cancelSchedule`,
		);
		expect(protectedReply.status).toBe(403);
		expect(JSON.parse(protectedReply.text)).toMatchObject({
			ErrorCode: 5,
			Message: 'Contract is protected and cannot be modified',
		});
		const broken = await ddcms(
			sandbox,
			'PATCH',
			`contract/${DDCMS_CONTRACT(5)}/amount?amount=10.00`,
		);
		expect([broken.status, broken.text]).toEqual([500, '{"Message":"An error has occurred."}']);
		expect(sandbox.state.accessPaySuite.contracts.get(DDCMS_CONTRACT(3))?.scheduleStatus).toBe(
			'Active',
		);
	});

	it('answers an unknown id with JSON 404 and an unknown route with an HTML page', async () => {
		const unknownId = await ddcms(sandbox, 'POST', 'contract/no-such-id/cancelSchedule');
		expect(JSON.parse(unknownId.text)).toEqual({
			ErrorCode: 4,
			Detail: null,
			Message: 'No contract found for the provided ID',
		});
		const unknownRoute = await ddcms(sandbox, 'POST', `contract/${DDCMS_CONTRACT(1)}/pause`);
		expect(unknownRoute.status).toBe(404);
		expect(unknownRoute.headers.get('content-type')).toMatch(/^text\/html/);
		expect(unknownRoute.text).toContain('No HTTP resource was found');
	});

	it('registers, reads and deletes a callback URL', async () => {
		expect(
			JSON.parse(
				(await ddcms(sandbox, 'POST', 'BACS/contract/callback?url=https%3A%2F%2Fhooks.example%2Fa'))
					.text,
			),
		).toEqual({ Message: 'Updated' });
		expect(JSON.parse((await ddcms(sandbox, 'GET', 'BACS/contract/callback')).text)).toEqual({
			Message: 'https://hooks.example/a',
		});
		await ddcms(sandbox, 'DELETE', 'BACS/contract/callback');
		expect(JSON.parse((await ddcms(sandbox, 'GET', 'BACS/contract/callback')).text)).toEqual({
			Message: null,
		});
		expect((await ddcms(sandbox, 'POST', 'BACS/contract/callback')).status).toBe(400);
	});
});

describe('Magicline', () => {
	const modulePath = (id: string) =>
		`/v1/memberships/5001/self-service/additional-module-contracts/${id}`;

	it('cancels a module with an id above 2^53, answering a VoidResult, and shows it canceled', async () => {
		const reply = await magicline(
			sandbox,
			'POST',
			`${modulePath('9007199254740993')}/ordinary-cancelation`,
			'{"cancelationDate":"2030-02-28","cancelationReasonId":1001}',
		);
		expect([reply.status, reply.text]).toEqual([200, '{}']);
		expect(sandbox.state.magicline.moduleContracts.get('9007199254740993')).toMatchObject({
			status: 'CANCELED',
			cancelationReasonId: '1001',
		});
		expect(
			JSON.parse((await magicline(sandbox, 'GET', modulePath('9007199254740993'))).text),
		).toEqual({
			name: 'Personal training',
			price: { amount: 9.9, currency: 'EUR' },
			startDate: '2029-07-19',
			endDate: '2030-02-28',
			cancelationDate: '2030-02-28',
			cancelationReason: 'Moving away',
			contractCancelationStatus: 'CANCELED',
			contractCancelationCanBeWithdrawn: true,
		});
		// ...992 is a different (unknown) module: ids are never rounded.
		expect((await magicline(sandbox, 'GET', modulePath('9007199254740992'))).status).toBe(404);
	});

	it.each([
		[
			'a past date',
			'7001',
			'{"cancelationDate":"2030-01-14","cancelationReasonId":1001}',
			400,
			'INVALID_CANCELATION_DATE',
		],
		[
			'an unknown reason',
			'7001',
			'{"cancelationDate":"2030-02-28","cancelationReasonId":9}',
			400,
			'INVALID_CANCELATION_REASON',
		],
		[
			'a reason sent as a string',
			'7001',
			'{"cancelationDate":"2030-02-28","cancelationReasonId":"1001"}',
			400,
			'VALIDATION_ERROR',
		],
		[
			'an already canceled module',
			'7002',
			'{"cancelationDate":"2030-02-28","cancelationReasonId":1001}',
			400,
			'ALREADY_CANCELED',
		],
		[
			'a locked module',
			'7003',
			'{"cancelationDate":"2030-02-28","cancelationReasonId":1001}',
			409,
			'CONCURRENT_MODIFICATION',
		],
		[
			'an unknown module',
			'7004',
			'{"cancelationDate":"2030-02-28","cancelationReasonId":1001}',
			404,
			'ENTITY_NOT_FOUND',
		],
	])('refuses %s', async (_case, moduleId, body, status, errorCode) => {
		const reply = await magicline(
			sandbox,
			'POST',
			`${modulePath(moduleId)}/ordinary-cancelation`,
			body,
		);
		expect(reply.status).toBe(status);
		expect(JSON.parse(reply.text).errorCode).toBe(errorCode);
	});

	it('answers a module without a cancelation with no cancelation fields, and withdraws a cancelation', async () => {
		expect(JSON.parse((await magicline(sandbox, 'GET', modulePath('7001'))).text)).toEqual({
			name: 'Sauna',
			price: { amount: 9.9, currency: 'EUR' },
			startDate: '2029-07-19',
			contractCancelationCanBeWithdrawn: false,
		});
		const withdraw = await magicline(sandbox, 'POST', `${modulePath('7002')}/withdraw-cancelation`);
		expect([withdraw.status, withdraw.text]).toEqual([200, '{}']);
		expect(sandbox.state.magicline.moduleContracts.get('7002')?.status).toBe('ACTIVE');
	});

	const contractData = async (customerId: string) => {
		const reply = await magicline(
			sandbox,
			'GET',
			`/v1/memberships/${customerId}/self-service/contract-data`,
		);
		return [reply.status, JSON.parse(reply.text)];
	};
	const contract5001 = {
		id: 5001,
		startDate: '2029-06-29',
		endDate: '2030-06-29',
		rateName: 'Premium 12 months',
		contractStatus: 'ACTIVE',
		cancelationPeriod: { periodValue: 1, periodUnit: 'MONTH' },
		price: 39.9,
		priceDetails: {
			basePrice: { amount: 39.9, currency: 'EUR' },
			currentPrice: { amount: 39.9, currency: 'EUR' },
			paymentFrequency: { type: 'RECURRING', price: { amount: 39.9, currency: 'EUR' } },
		},
		lastPossibleCancelationDate: '2030-05-30',
		availableCancelationDates: ['2030-02-28', '2030-03-31', '2030-04-30'],
	};

	it('lists the contract data as an array, one entry per main contract, and cancels on an offered date', async () => {
		expect(await contractData('9001')).toEqual([200, [contract5001]]);
		const reply = await magicline(
			sandbox,
			'POST',
			'/v1/memberships/9001/self-service/ordinary-contract-cancelation',
			'{"contractId":5001,"cancelationDate":"2030-03-31","cancelationReasonId":1003}',
		);
		expect([reply.status, reply.text]).toEqual([200, '{}']);
		expect(await contractData('9001')).toEqual([
			200,
			[
				{
					...contract5001,
					cancelationStatus: 'CANCELED',
					cancelationDate: '2030-03-31',
					cancelationReason: 'Health',
					cancelationOrigin: 'CUSTOMER',
				},
			],
		]);
		const withdraw = await magicline(
			sandbox,
			'POST',
			'/v1/memberships/9001/self-service/withdraw-ordinary-contract-cancelation/5001',
		);
		expect([withdraw.status, withdraw.text]).toEqual([200, '{}']);
		expect(sandbox.state.magicline.contracts.get('5001')?.cancelationStatus).toBe('NOT_CANCELED');
		expect(await contractData('9001')).toEqual([200, [contract5001]]);
	});

	it('answers a prospect without contracts with an empty list and an unknown customer with 404', async () => {
		expect(await contractData('9002')).toEqual([200, []]);
		const [status, body] = await contractData('9003');
		expect([status, body.errorCode]).toEqual([404, 'ENTITY_NOT_FOUND']);
	});
});

describe('Singula', () => {
	it('schedules a downgrade for the next payment date and withdraws it', async () => {
		const change = await singula(sandbox, 'POST', '/contract/80001/change', '{"itemCode":"LITE"}');
		expect(JSON.parse(change.text)).toEqual({
			href: `/customer/5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01/contract/80001`,
			rel: 'Get contract details',
			type: 'application/json',
		});
		expect(sandbox.state.singula.contracts.get('80001')).toMatchObject({
			status: 'DOWNGRADE_SCHEDULED',
			changeToItem: 'LITE',
			changeDate: '2030-01-25',
			itemCode: 'BASIC',
		});
		const withdraw = await singula(sandbox, 'POST', '/contract/80001/change/withdraw', '{}');
		expect(JSON.parse(withdraw.text)).toEqual({ status: 'ACTIVE' });
	});

	it.each([
		['80002', '{"itemCode":"PREMIUM"}', 400, { errorCode: 90029 }],
		['80001', '{"itemCode":"GOLD"}', 400, { errorCode: 90018 }],
		[
			'80001',
			'{"itemCode":"PREMIUM","discountCode":{"promoCode":"NOPE"}}',
			404,
			{ errorCode: 90022 },
		],
		['80001', '{"itemCode":"VCN_BOX","viewingCard":"1111111111"}', 400, { errorCode: 90078 }],
		['80004', '{"itemCode":"PREMIUM"}', 400, { errorCode: 90045 }],
		['80099', '{"itemCode":"PREMIUM"}', 404, { errorCode: 90041 }],
	])('contract %s with %s answers %i', async (contractId, body, status, expected) => {
		const reply = await singula(sandbox, 'POST', `/contract/${contractId}/change`, body);
		expect(reply.status).toBe(status);
		expect(JSON.parse(reply.text)).toMatchObject({ ...expected, userMessage: expect.any(String) });
	});

	it('sends the sparse fault bodies the real API sends', async () => {
		expect(
			(await singula(sandbox, 'POST', '/contract/80005/change', '{"itemCode":"PREMIUM"}')).text,
		).toBe('{"errorCode":90050}');
		const blocked = JSON.parse(
			(await singula(sandbox, 'POST', '/contract/80003/change', '{"itemCode":"SPORTS"}')).text,
		);
		expect(Object.keys(blocked)).toEqual(['errorCode', 'developerMessage']);
	});

	it('cancels with the default date, refuses an empty body, and tells 2^53+1 from 2^53', async () => {
		expect(
			JSON.parse((await singula(sandbox, 'POST', '/contract/80001/cancel', '')).text).errorCode,
		).toBe(90001);
		const reply = await singula(sandbox, 'POST', '/contract/9007199254740993/cancel', '{}');
		expect(JSON.parse(reply.text)).toEqual({
			status: 'CUSTOMER_CANCELLED',
			cancellationDate: '2030-01-25',
		});
		expect(sandbox.state.singula.contracts.get('80001')?.status).toBe('ACTIVE');
		expect((await singula(sandbox, 'GET', '/contract/9007199254740992')).status).toBe(404);
	});
});
