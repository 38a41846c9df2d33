import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import { loadOptions } from '../../harness/engine';
import { credentialsFor, errorOf, useSandbox } from '../../harness/fixture';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();
const CUSTOMER = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01';

function change(parameters: IDataObject, onError?: OnError) {
	return {
		type: 'singula',
		credentialType: 'singulaApi',
		parameters: {
			resource: 'contract',
			operation: 'change',
			customerId: CUSTOMER,
			contractId: '80001',
			itemCode: 'PREMIUM',
			...parameters,
		},
		onError,
	};
}

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
			{
				type: 'singula',
				credentialType: 'singulaApi',
				parameters: {
					resource: 'contract',
					operation: 'change',
					customerId: CUSTOMER,
					contractId: '80001',
				},
			},
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
