import type { IDataObject } from 'n8n-workflow';

import { loadOptions } from '../../harness/engine';
import { credentialsFor, errorOf, useSandbox } from '../../harness/fixture';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();

function magicline(
	resource: string,
	operation: string,
	parameters: IDataObject = {},
	onError?: OnError,
) {
	return {
		type: 'magicline',
		credentialType: 'magiclineApi',
		parameters: { resource, operation, ...parameters },
		onError,
	};
}

// The sandbox's today is 2026-06-15: Magicline offers the last days of the next three months.
const AVAILABLE = ['2026-07-31', '2026-08-31', '2026-09-30'];

describe('Magicline: module contract lookup and withdrawal', () => {
	it('gets a module contract as one item', async () => {
		const run = await context.run(
			magicline('additionalModuleContract', 'get', {
				contractId: '5001',
				additionalModuleContractId: '7002',
			}),
		);
		expect(run.requests.map((r) => [r.method, r.path])).toEqual([
			['GET', '/magicline/v1/memberships/5001/self-service/additional-module-contracts/7002'],
		]);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			status: 'CANCELED',
			name: 'Drinks flat rate',
			cancelationDate: AVAILABLE[0],
		});
	});

	it('withdraws a module cancelation with no body, and the module is active again', async () => {
		const run = await context.run(
			magicline('additionalModuleContract', 'withdrawCancellation', {
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
			magicline(
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

describe('Magicline: membership contract', () => {
	it('gets the contract data of a customer', async () => {
		const run = await context.run(
			magicline('membership', 'getContractData', { customerId: '9001' }),
		);
		expect(run.requests[0].path).toBe('/magicline/v1/memberships/9001/self-service/contract-data');
		expect(run.items[0].json).toMatchObject({
			contractId: 5001,
			cancelationStatus: 'NOT_CANCELED',
			availableCancelationDates: AVAILABLE,
		});
	});

	it("offers the contract's available cancelation dates in the provider's order", async () => {
		const options = await loadOptions(
			{
				type: 'magicline',
				credentialType: 'magiclineApi',
				parameters: { resource: 'membership', operation: 'cancel', customerId: '9001' },
			},
			'getAvailableCancelationDates',
			credentialsFor(context.sandbox),
		);
		expect(options).toEqual(AVAILABLE.map((date) => ({ name: date, value: date })));
	});

	it('cancels with integer ids in the body, verifies, then withdraws', async () => {
		const cancel = await context.run(
			magicline('membership', 'cancel', {
				customerId: '9001',
				contractId: '5001',
				cancelationDate: AVAILABLE[1],
				cancelationReasonId: '1003',
			}),
		);
		const [request] = cancel.requests;
		expect([request.method, request.path, request.body]).toEqual([
			'POST',
			'/magicline/v1/memberships/9001/self-service/ordinary-contract-cancelation',
			'{"contractId":5001,"cancelationDate":"2026-08-31","cancelationReasonId":1003}',
		]);
		expect(cancel.items[0].json).toMatchObject({
			success: true,
			customerId: '9001',
			contractId: '5001',
			cancelationDate: AVAILABLE[1],
			cancelationReasonId: '1003',
			cancelationStatus: 'CANCELED',
		});

		const verify = await context.run(
			magicline('membership', 'getContractData', { customerId: '9001' }),
		);
		expect(verify.items[0].json).toMatchObject({
			cancelationStatus: 'CANCELED',
			cancelationDate: AVAILABLE[1],
		});

		const withdraw = await context.run(
			magicline('membership', 'withdrawCancellation', { customerId: '9001', contractId: '5001' }),
		);
		expect([
			withdraw.requests[0].method,
			withdraw.requests[0].path,
			withdraw.requests[0].body,
		]).toEqual([
			'POST',
			'/magicline/v1/memberships/9001/self-service/withdraw-ordinary-contract-cancelation/5001',
			'',
		]);
		expect(withdraw.items[0].json).toEqual({
			success: true,
			customerId: '9001',
			contractId: '5001',
		});
		expect(context.sandbox.state.magicline.contracts.get('5001')?.cancelationStatus).toBe(
			'NOT_CANCELED',
		);
	});

	it('a date Magicline does not offer is refused by Magicline', async () => {
		const run = await context.run(
			magicline(
				'membership',
				'cancel',
				{
					customerId: '9001',
					contractId: '5001',
					cancelationDate: '2026-07-15',
					cancelationReasonId: '1001',
				},
				'continueRegularOutput',
			),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			code: 'INVALID_CANCELATION_DATE',
			category: 'validation',
			resource: 'membership',
			operation: 'cancel',
		});
	});

	it('an unknown customer is not_found', async () => {
		const run = await context.run(
			magicline('membership', 'getContractData', { customerId: '1234' }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0])).toMatchObject({ httpCode: 404, category: 'not_found' });
	});

	it('a customer id that is not digits is refused locally', async () => {
		const run = await context.run(
			magicline(
				'membership',
				'withdrawCancellation',
				{ customerId: 'abc', contractId: '5001' },
				'continueRegularOutput',
			),
		);
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0]).message).toBe(
			'Parameter "customerId" must contain only digits (1 to 19 of them)',
		);
	});
});

describe('Magicline: cancelation reasons', () => {
	it('lists the reasons, one item each, limited', async () => {
		const all = await context.run(magicline('cancelationReason', 'getMany', { returnAll: true }));
		expect(all.requests[0].path).toBe(
			'/magicline/v1/memberships/self-service/contract-cancelation-reasons',
		);
		expect(all.items.map((item) => item.json)).toEqual([
			{ cancelationReasonId: 1001, cancelationReasonName: 'Moving away' },
			{ cancelationReasonId: 1002, cancelationReasonName: 'Financial reasons' },
			{ cancelationReasonId: 1003, cancelationReasonName: 'Health' },
		]);
		const two = await context.run(magicline('cancelationReason', 'getMany', { limit: 2 }));
		expect(two.items).toHaveLength(2);
	});
});
