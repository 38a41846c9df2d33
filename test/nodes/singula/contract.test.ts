import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import { loadOptions } from '../../harness/engine';
import { credentialsFor, errorOf, useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();
const CUSTOMER = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01';
const BASE = `/singula/apis/contracts/v1/customer/${CUSTOMER}`;

/** An operation on contract 80001 of the sandbox's customer. */
const contractStep = (operation: string, parameters: IDataObject = {}, onError?: OnError) =>
	nodeStep(
		'singula',
		'contract',
		operation,
		{ customerId: CUSTOMER, contractId: '80001', ...parameters },
		onError,
	);

const change = (parameters: IDataObject, onError?: OnError) =>
	contractStep('change', { itemCode: 'PREMIUM', ...parameters }, onError);

describe('Singula Decisions: change a contract', () => {
	it('sends a signed request with only the given fields and outputs the ids plus the provider body', async () => {
		const run = await context.run(change({}));

		expect(run.error).toBeUndefined();
		const [request] = run.requests;
		const path = `/singula/apis/contracts/v1/customer/${CUSTOMER}/contract/80001/change`;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(path);
		expect(request.body).toBe('{"itemCode":"PREMIUM"}');
		// The signature is recomputed here from the documented rule, independently of the node's code.
		const timestamp = request.headers.timestamp;
		expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
		const expected = createHmac('sha256', SANDBOX_CREDENTIALS.singula.apiSecret)
			.update(`${timestamp}POST${path}`)
			.digest('hex')
			.toUpperCase();
		expect(request.headers.authorization).toBe(
			`hmac ${SANDBOX_CREDENTIALS.singula.apiKey}:${expected}`,
		);
		expect(run.items).toEqual([
			{
				json: {
					href: `/customer/${CUSTOMER}/contract/80001`,
					rel: 'Get contract details',
					type: 'application/json',
					success: true,
					customerId: CUSTOMER,
					contractId: '80001',
					itemCode: 'PREMIUM',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(context.sandbox.state.singula.contracts.get('80001')?.itemCode).toBe('PREMIUM');
	});

	it('sends referrer, discount code, downgrade timing and tenant fields in that order', async () => {
		const run = await context.run(
			change({
				itemCode: 'LITE',
				additionalFields: {
					referrerId: 'partner-42',
					discountCode: { promoCode: 'WELCOME10' },
					immediateDowngrade: false,
					extraBody: '{"salesChannel":"web","itemCode":"IGNORED"}',
				},
			}),
		);
		expect(run.requests[0].body).toBe(
			'{"itemCode":"LITE","referrerId":"partner-42","discountCode":{"promoCode":"WELCOME10"},"immediateDowngrade":false,"salesChannel":"web"}',
		);
		expect(context.sandbox.state.singula.contracts.get('80001')).toMatchObject({
			status: 'DOWNGRADE_SCHEDULED',
			changeToItem: 'LITE',
		});
	});

	it('applies a downgrade at once when asked to', async () => {
		await context.run(change({ itemCode: 'LITE', additionalFields: { immediateDowngrade: true } }));
		expect(context.sandbox.state.singula.contracts.get('80001')).toMatchObject({
			status: 'ACTIVE',
			itemCode: 'LITE',
		});
	});

	it('keeps a contract id above 2^53 exact in the path', async () => {
		const run = await context.run(change({ contractId: '9007199254740993' }));
		expect(run.requests[0].path).toContain('/contract/9007199254740993/change');
		expect(run.items[0].json).toMatchObject({ success: true, contractId: '9007199254740993' });
	});

	it.each([
		[
			'customerId',
			{ customerId: 'not-a-uuid' },
			'Parameter "customerId" must be a UUID like 123e4567-e89b-12d3-a456-426614174000',
		],
		[
			'contractId',
			{ contractId: '80001x' },
			'Parameter "contractId" must contain only digits (1 to 19 of them)',
		],
		[
			'referrerId',
			{ additionalFields: { referrerId: 'r'.repeat(51) } },
			'Parameter "additionalFields.referrerId" must be at most 50 characters long',
		],
		[
			'extraBody',
			{ additionalFields: { extraBody: '[1,2]' } },
			'Parameter "additionalFields.extraBody" must be a JSON object like {"key": "value"}',
		],
	])('refuses a bad %s without sending anything', async (_name, parameters, message) => {
		const run = await context.run(change(parameters, 'continueRegularOutput'));
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'validation',
			code: 'INVALID_PARAMETER',
			message,
		});
	});

	it('lists the change paths of the chosen contract for the item dropdown', async () => {
		const options = await loadOptions(
			contractStep('change'),
			'getChangePaths',
			credentialsFor(context.sandbox),
		);
		expect(options.map((option) => option.value)).toEqual(['PREMIUM', 'SPORTS', 'LITE', 'VCN_BOX']);
		expect(options[0].name).toMatch(/UPGRADE/);
	});
});

const SUGGESTED = {
	90029: 'Contract cannot be crossgraded',
	90050: 'Payment collection cannot be attempted at this time',
};

const faultCases: Array<[string, IDataObject, IDataObject]> = [
	[
		'90029',
		{ contractId: '80002' },
		{
			httpCode: 400,
			fault: 'InvalidStateForCrossgradeFault',
			category: 'invalid_state',
			retryable: false,
		},
	],
	[
		'90041',
		{ contractId: '99999' },
		{ httpCode: 404, fault: 'NoContractFoundFault', category: 'not_found', retryable: false },
	],
	[
		'90018',
		{ itemCode: 'NOT_A_PATH' },
		{ httpCode: 400, fault: 'InvalidCrossgradePathFault', category: 'validation' },
	],
	[
		'90077',
		{ itemCode: 'VCN_BOX', additionalFields: { extraBody: '{"viewingCard":"2222222222"}' } },
		{ httpCode: 400, fault: 'VCNCurrencyMismatchFault', category: 'validation' },
	],
	[
		'90063',
		{ contractId: '80003' },
		{ httpCode: 400, fault: 'UnableToCrossgradeFault', category: 'invalid_state' },
	],
	[
		'90079',
		{ itemCode: 'VCN_BOX' },
		{ httpCode: 400, fault: 'VCNRequiredFault', category: 'validation' },
	],
	[
		'90045',
		{ contractId: '80004' },
		{ httpCode: 400, fault: 'PaymentAuthorisationFault', category: 'payment', retryable: false },
	],
	[
		'90050',
		{ contractId: '80005' },
		{
			httpCode: 500,
			fault: 'PaymentSystemFault',
			category: 'unavailable',
			retryable: true,
			message: SUGGESTED[90050],
			description: null,
		},
	],
	[
		'90031',
		{ itemCode: 'VCN_BOX', additionalFields: { extraBody: '{"viewingCard":"12"}' } },
		{ httpCode: 400, fault: 'InvalidVCNFault', category: 'validation' },
	],
	[
		'90061',
		{ contractId: '80006' },
		{ httpCode: 500, fault: 'SystemFailureFault', category: 'provider_error', retryable: true },
	],
	[
		'90078',
		{ itemCode: 'VCN_BOX', additionalFields: { extraBody: '{"viewingCard":"1111111111"}' } },
		{ httpCode: 400, fault: 'VCNInUseFault', category: 'conflict', retryable: false },
	],
	[
		'90022',
		{ additionalFields: { discountCode: { promoCode: 'NOPE' } } },
		{ httpCode: 404, fault: 'InvalidDiscountCodeFault', category: 'validation' },
	],
];

describe.each(faultCases)('Singula fault %s', (code, parameters, expected) => {
	it('gives an error item with the fault name and category', async () => {
		const run = await context.run(change(parameters, 'continueErrorOutput'), [{ crmId: 'X' }]);
		expect(run.items).toHaveLength(0);
		const error = errorOf(run.errorItems[0]);
		expect(error).toMatchObject({
			provider: 'singula',
			resource: 'contract',
			operation: 'change',
			code,
			traceId: null,
			...expected,
		});
		expect(run.errorItems[0].json.crmId).toBe('X');
		expect(String(error.message).length).toBeGreaterThan(0);
	});

	it('stops the workflow with [category] code', async () => {
		const run = await context.run(change(parameters));
		const error = run.error as unknown as IDataObject;
		expect(error.httpCode).toBe(String(expected.httpCode));
		expect(String(error.description)).toMatch(
			new RegExp(`^\\[${String(expected.category)}\\] ${code}`),
		);
	});
});

describe('Singula authentication', () => {
	it('a wrong secret gives an authentication error item', async () => {
		const run = await context.run(change({}, 'continueRegularOutput'), [{}], {
			singulaApi: { apiSecret: 'wrong-secret-xyz' },
		});
		expect(errorOf(run.items[0])).toMatchObject({
			httpCode: 401,
			code: '401',
			category: 'authentication',
			fault: null,
		});
	});

	it('says what the message fallbacks are for messageless faults', async () => {
		const run = await context.run(change({ contractId: '80005' }, 'continueRegularOutput'));
		expect(errorOf(run.items[0]).message).toBe(SUGGESTED[90050]);
		const blocked = await context.run(change({ contractId: '80003' }, 'continueRegularOutput'));
		expect(errorOf(blocked.items[0]).message).toBe(errorOf(blocked.items[0]).description);
		const state = await context.run(change({ contractId: '80002' }, 'continueRegularOutput'));
		expect(errorOf(state.items[0]).message).toBe(SUGGESTED[90029]);
	});
});

describe('Singula Decisions: contract lookups', () => {
	it('gets a contract as one item', async () => {
		const run = await context.run(contractStep('get'));
		expect(run.requests.map((r) => [r.method, r.path, r.rawQuery])).toEqual([
			['GET', `${BASE}/contract/80001`, ''],
		]);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			contractId: 80001,
			itemCode: 'BASIC',
			status: 'ACTIVE',
		});
	});

	it('lists contracts, always sending activeOnly and nothing else', async () => {
		const active = await context.run(contractStep('getMany', { returnAll: true }));
		expect(active.requests[0].path).toBe(`${BASE}/contract`);
		expect(active.requests[0].rawQuery).toBe('activeOnly=true');
		expect(active.items.every((item) => item.json.status !== 'CUSTOMER_CANCELLED')).toBe(true);

		const all = await context.run(contractStep('getMany', { activeOnly: false, returnAll: true }));
		expect(all.requests[0].rawQuery).toBe('activeOnly=false');
		expect(all.items.length).toBe(active.items.length + 1);
		expect(all.items.map((item) => item.pairedItem)).toEqual(all.items.map(() => ({ item: 0 })));

		const limited = await context.run(contractStep('getMany', { limit: 3 }));
		expect(limited.items).toHaveLength(3);
	});

	it('lists change paths, one item per path; none is zero items, not an error', async () => {
		const run = await context.run(contractStep('getChangePaths'));
		expect(run.requests[0].path).toBe(`${BASE}/contract/80001/change`);
		expect(run.items.map((item) => [item.json.itemCode, item.json.changeType])).toEqual([
			['PREMIUM', 'UPGRADE'],
			['SPORTS', 'CROSSGRADE'],
			['LITE', 'DOWNGRADE'],
			['VCN_BOX', 'UPGRADE'],
		]);
		const none = await context.run(contractStep('getChangePaths', { contractId: '80007' }));
		expect(none.error).toBeUndefined();
		expect(none.items).toHaveLength(0);
	});
});

describe('Singula Decisions: undo a change, cancel and undo the cancellation', () => {
	it('withdraws a scheduled downgrade with the JSON body {}', async () => {
		await context.run(contractStep('change', { itemCode: 'LITE' }));
		expect(context.sandbox.state.singula.contracts.get('80001')?.status).toBe(
			'DOWNGRADE_SCHEDULED',
		);

		const run = await context.run(contractStep('withdrawChange'));
		const [request] = run.requests;
		expect([request.method, request.path, request.body, request.headers['content-type']]).toEqual([
			'POST',
			`${BASE}/contract/80001/change/withdraw`,
			'{}',
			'application/json',
		]);
		expect(run.items[0].json).toEqual({
			status: 'ACTIVE',
			success: true,
			customerId: CUSTOMER,
			contractId: '80001',
		});
		expect(context.sandbox.state.singula.contracts.get('80001')).toMatchObject({
			status: 'ACTIVE',
			changeToItem: null,
		});
	});

	it('withdrawing when no change is scheduled is invalid_state 90017', async () => {
		const run = await context.run(contractStep('withdrawChange', {}, 'continueRegularOutput'));
		expect(errorOf(run.items[0])).toMatchObject({
			code: '90017',
			fault: 'InvalidContractState',
			category: 'invalid_state',
		});
	});

	it('cancels at the next payment date with {}, then withdraws the cancellation', async () => {
		const cancel = await context.run(contractStep('cancel'));
		expect([cancel.requests[0].path, cancel.requests[0].body]).toEqual([
			`${BASE}/contract/80001/cancel`,
			'{}',
		]);
		expect(cancel.items[0].json).toEqual({
			status: 'CUSTOMER_CANCELLED',
			cancellationDate: '2026-06-25',
			success: true,
			customerId: CUSTOMER,
			contractId: '80001',
		});

		const withdraw = await context.run(contractStep('withdrawCancellation'));
		expect([withdraw.requests[0].path, withdraw.requests[0].body]).toEqual([
			`${BASE}/contract/80001/cancel/withdraw`,
			'{}',
		]);
		expect(context.sandbox.state.singula.contracts.get('80001')?.status).toBe('ACTIVE');
	});

	it('cancels on a chosen date', async () => {
		const run = await context.run(
			contractStep('cancel', { cancelDate: '2026-07-01T09:00:00.000Z' }),
		);
		expect(run.requests[0].body).toBe('{"cancelDate":"2026-07-01"}');
		expect(run.items[0].json.cancellationDate).toBe('2026-07-01');
	});

	it.each([
		['90016', { cancelDate: '2026-01-01' }, 'InvalidCancellationDate', 'validation', 400],
		['90017', { contractId: '80002' }, 'InvalidContractState', 'invalid_state', 400],
		['90025', { contractId: '80008' }, 'InvalidPaymentMethod', 'payment', 400],
		['90006', { contractId: '80009' }, 'ContractCancellation', 'provider_error', 500],
		['90041', { contractId: '80099' }, 'NoContractFoundFault', 'not_found', 404],
	])('cancel fault %s', async (code, parameters, fault, category, httpCode) => {
		const run = await context.run(contractStep('cancel', parameters, 'continueErrorOutput'));
		expect(errorOf(run.errorItems[0])).toMatchObject({
			code,
			fault,
			category,
			httpCode,
			operation: 'cancel',
			retryable: false,
		});
		const stopped = await context.run(contractStep('cancel', parameters));
		expect(String((stopped.error as unknown as IDataObject).description)).toMatch(
			new RegExp(`^\\[${category}\\] ${code}`),
		);
	});

	// Unknown codes map by HTTP status; only Magicline's own 409 is retryable (INTERFACE "conflict").
	it('an unknown code at 409 is a conflict that is not retryable', async () => {
		context.sandbox.inject({
			provider: 'singula',
			status: 409,
			body: '{"errorCode":99999,"developerMessage":"Clash","userMessage":"Someone else changed it"}',
		});
		const run = await context.run(contractStep('cancel', {}, 'continueRegularOutput'));
		expect(errorOf(run.items[0])).toMatchObject({
			code: '99999',
			httpCode: 409,
			fault: null,
			category: 'conflict',
			retryable: false,
			message: 'Someone else changed it',
		});
	});

	it('a system failure on cancel (90061) is retryable', async () => {
		context.sandbox.inject({
			provider: 'singula',
			status: 500,
			body: '{"errorCode":90061,"developerMessage":"SystemFailureFault: try later","userMessage":"System Failure, Please try again later"}',
		});
		const run = await context.run(contractStep('cancel', {}, 'continueRegularOutput'));
		expect(errorOf(run.items[0])).toMatchObject({
			code: '90061',
			category: 'provider_error',
			retryable: true,
		});
	});
});
