import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import { loadOptions } from '../../harness/engine';
import { credentialsFor, errorOf, useSandbox } from '../../harness/fixture';
import { nodeStep, packageNode } from '../../harness/nodeStep';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();

// The sandbox's today is 2026-06-15; module cancelations may be dated from then on.
const CANCEL_DATE = '2026-07-31';
// Magicline offers the last days of the next three months.
const AVAILABLE = ['2026-07-31', '2026-08-31', '2026-09-30'];

const cancelModule = (parameters: IDataObject, onError?: OnError) =>
	nodeStep(
		'magicline',
		'additionalModuleContract',
		'cancel',
		{
			contractId: '5001',
			additionalModuleContractId: '7001',
			cancelationDate: CANCEL_DATE,
			cancelationReasonId: '1001',
			...parameters,
		},
		onError,
	);

describe('Magicline: cancel an additional module contract', () => {
	it('sends the documented request and outputs the ids plus the provider fields', async () => {
		const run = await context.run(cancelModule({}));

		expect(run.error).toBeUndefined();
		const [request] = run.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(
			'/magicline/v1/memberships/5001/self-service/additional-module-contracts/7001/ordinary-cancelation',
		);
		expect(request.headers['x-api-key']).toBe(SANDBOX_CREDENTIALS.magicline.apiKey);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toBe('{"cancelationDate":"2026-07-31","cancelationReasonId":1001}');
		expect(run.items).toEqual([
			{
				// Magicline answers a VoidResult ({}): the item is the ids and values given.
				json: {
					success: true,
					cancelationDate: CANCEL_DATE,
					contractId: '5001',
					additionalModuleContractId: '7001',
					cancelationReasonId: '1001',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(context.sandbox.state.magicline.moduleContracts.get('7001')).toMatchObject({
			status: 'CANCELED',
			cancelationDate: CANCEL_DATE,
			cancelationReasonId: '1001',
		});
	});

	it('keeps int64 ids exact on the wire and in the output, and cuts a timestamp to its date', async () => {
		const run = await context.run(
			cancelModule({
				additionalModuleContractId: '={{ $json.moduleId }}',
				cancelationDate: '={{ $json.when }}',
			}),
			[{ moduleId: '9007199254740993', when: '2026-08-31T00:00:00.000+02:00' }],
		);

		const [request] = run.requests;
		expect(request.path).toContain(
			'/additional-module-contracts/9007199254740993/ordinary-cancelation',
		);
		expect(request.body).toBe('{"cancelationDate":"2026-08-31","cancelationReasonId":1001}');
		expect(run.items[0].json).toMatchObject({
			additionalModuleContractId: '9007199254740993',
			cancelationDate: '2026-08-31',
		});
	});

	it.each([
		[
			'contractId',
			{ contractId: '50a1' },
			'Parameter "contractId" must contain only digits (1 to 19 of them)',
		],
		[
			'additionalModuleContractId',
			{ additionalModuleContractId: '={{ $json.missing }}' },
			'Parameter "additionalModuleContractId" is required',
		],
		[
			'cancelationDate',
			{ cancelationDate: '2026-02-30' },
			'Parameter "cancelationDate" must be a date in the form YYYY-MM-DD',
		],
		[
			'cancelationReasonId',
			{ cancelationReasonId: '12345678901234567890' },
			'Parameter "cancelationReasonId" must contain only digits (1 to 19 of them)',
		],
	])('refuses a bad %s without sending anything', async (_name, parameters, message) => {
		const run = await context.run(cancelModule(parameters, 'continueRegularOutput'));
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'validation',
			code: 'INVALID_PARAMETER',
			httpCode: null,
			message,
		});
	});

	it('loads the cancelation reasons for the dropdown from the provider', async () => {
		const options = await loadOptions(
			packageNode('magicline'),
			'getCancelationReasons',
			credentialsFor(context.sandbox),
		);
		expect(options).toEqual([
			{ name: 'Moving away', value: '1001' },
			{ name: 'Financial reasons', value: '1002' },
			{ name: 'Health', value: '1003' },
		]);
		expect(context.sandbox.requests.at(-1)?.path).toBe(
			'/magicline/v1/memberships/self-service/contract-cancelation-reasons',
		);
	});
});

describe('Magicline: module contract lookup and withdrawal', () => {
	it('gets a module contract as one item', async () => {
		const run = await context.run(
			nodeStep('magicline', 'additionalModuleContract', 'get', {
				contractId: '5001',
				additionalModuleContractId: '7002',
			}),
		);
		expect(run.requests.map((r) => [r.method, r.path])).toEqual([
			['GET', '/magicline/v1/memberships/5001/self-service/additional-module-contracts/7002'],
		]);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			contractCancelationStatus: 'CANCELED',
			name: 'Drinks flat rate',
			cancelationDate: AVAILABLE[0],
		});
	});

	it('withdraws a module cancelation with no body, and the module is active again', async () => {
		const run = await context.run(
			nodeStep('magicline', 'additionalModuleContract', 'withdrawCancellation', {
				contractId: '5001',
				additionalModuleContractId: '7002',
			}),
		);
		const [request] = run.requests;
		expect([request.method, request.path, request.body]).toEqual([
			'POST',
			'/magicline/v1/memberships/5001/self-service/additional-module-contracts/7002/withdraw-cancelation',
			'',
		]);
		expect(run.items[0].json).toEqual({
			success: true,
			contractId: '5001',
			additionalModuleContractId: '7002',
		});
		expect(context.sandbox.state.magicline.moduleContracts.get('7002')?.status).toBe('ACTIVE');
	});

	it('withdrawing a cancelation that does not exist is a validation error', async () => {
		const run = await context.run(
			nodeStep(
				'magicline',
				'additionalModuleContract',
				'withdrawCancellation',
				{ contractId: '5001', additionalModuleContractId: '7001' },
				'continueRegularOutput',
			),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			httpCode: 400,
			code: 'CANCELATION_NOT_FOUND',
			category: 'validation',
		});
	});
});

const faultCases: Array<{
	name: string;
	parameters: IDataObject;
	prepare?: () => void;
	credentials?: IDataObject;
	expected: IDataObject;
}> = [
	{
		name: '400 date in the past',
		parameters: { cancelationDate: '2026-01-31' },
		expected: {
			httpCode: 400,
			code: 'INVALID_CANCELATION_DATE',
			category: 'validation',
			retryable: false,
			details: 'cancelationDate',
		},
	},
	{
		name: '400 already canceled',
		parameters: { additionalModuleContractId: '7002' },
		expected: { httpCode: 400, code: 'ALREADY_CANCELED', category: 'validation' },
	},
	{
		name: '401 wrong key',
		parameters: {},
		credentials: { apiKey: 'not-the-key-000' },
		expected: { httpCode: 401, code: 'UNAUTHORIZED', category: 'authentication', retryable: false },
	},
	{
		name: '403 key without the write scope',
		parameters: {},
		credentials: { apiKey: SANDBOX_CREDENTIALS.magicline.readOnlyApiKey },
		expected: { httpCode: 403, code: 'FORBIDDEN', category: 'forbidden', retryable: false },
	},
	{
		name: '404 unknown module contract',
		parameters: { additionalModuleContractId: '7777' },
		expected: { httpCode: 404, code: 'ENTITY_NOT_FOUND', category: 'not_found', retryable: false },
	},
	{
		name: '409 concurrent modification (retryable)',
		parameters: { additionalModuleContractId: '7003' },
		expected: {
			httpCode: 409,
			code: 'CONCURRENT_MODIFICATION',
			category: 'conflict',
			retryable: true,
		},
	},
	{
		name: '429 rate limit (retries off)',
		parameters: {},
		// Retry-After 1: the 429 also pauses the credential, and this test runs twice with it.
		prepare: () => context.sandbox.inject({ provider: 'magicline', status: 429, retryAfter: '1' }),
		expected: {
			httpCode: 429,
			code: 'TOO_MANY_REQUESTS',
			category: 'rate_limited',
			retryable: true,
		},
	},
	{
		name: '500 unexpected error',
		parameters: { contractId: '5999', additionalModuleContractId: '7999' },
		expected: {
			httpCode: 500,
			code: 'UNEXPECTED_ERROR',
			category: 'provider_error',
			retryable: false,
		},
	},
	{
		name: '503 under load (retries off)',
		parameters: {},
		prepare: () => context.sandbox.inject({ provider: 'magicline', status: 503 }),
		expected: {
			httpCode: 503,
			code: 'SERVICE_UNAVAILABLE',
			category: 'unavailable',
			retryable: true,
		},
	},
];

describe.each(faultCases)(
	'Magicline fault: $name',
	({ parameters, prepare, credentials, expected }) => {
		const overrides: Record<string, IDataObject> = credentials ? { magiclineApi: credentials } : {};
		const withoutRetries = { ...parameters, options: { maxRetries: 0 } };

		it('gives an error item with the Magicline message, trace id and category', async () => {
			prepare?.();
			const run = await context.run(
				cancelModule(withoutRetries, 'continueErrorOutput'),
				[{ row: 1 }],
				overrides,
			);
			expect(run.items).toHaveLength(0);
			expect(run.errorItems).toHaveLength(1);
			const error = errorOf(run.errorItems[0]);
			expect(error).toMatchObject({
				provider: 'magicline',
				resource: 'additionalModuleContract',
				operation: 'cancel',
				fault: null,
				...expected,
			});
			expect(typeof error.message).toBe('string');
			expect((error.message as string).length).toBeGreaterThan(0);
			expect(error.traceId).toMatch(/^[0-9a-f]{16}$/);
		});

		it('stops the workflow with the same message and [category] code', async () => {
			prepare?.();
			const itemRun = await context.run(
				cancelModule(withoutRetries, 'continueRegularOutput'),
				[{}],
				overrides,
			);
			context.sandbox.reset();
			prepare?.();
			const run = await context.run(cancelModule(withoutRetries), [{}], overrides);
			const error = run.error as unknown as IDataObject;
			const expectedError = errorOf(itemRun.items[0]);
			expect(error.message).toBe(expectedError.message);
			expect(error.httpCode).toBe(String(expected.httpCode));
			expect(String(error.description)).toMatch(
				new RegExp(`^\\[${String(expected.category)}\\] ${String(expectedError.code)}`),
			);
		});
	},
);
