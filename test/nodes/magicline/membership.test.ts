import { loadOptions } from '../../harness/engine';
import { credentialsFor, errorOf, useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';

const context = useSandbox();

// The sandbox's today is 2026-06-15: Magicline offers the last days of the next three months.
const AVAILABLE = ['2026-07-31', '2026-08-31', '2026-09-30'];

describe('Magicline: membership contract', () => {
	it('gets the contract data of a customer', async () => {
		const run = await context.run(
			nodeStep('magicline', 'membership', 'getContractData', { customerId: '9001' }),
		);
		expect(run.requests[0].path).toBe('/magicline/v1/memberships/9001/self-service/contract-data');
		// The spec's answer is an array, one entry per contract: one item each.
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({ id: 5001, availableCancelationDates: AVAILABLE });
		// Not cancelled: the spec's cancelationStatus has only cancellation states, so it is absent.
		expect(run.items[0].json.cancelationStatus).toBeUndefined();
	});

	it("offers the contract's available cancelation dates in the provider's order", async () => {
		const options = await loadOptions(
			nodeStep('magicline', 'membership', 'cancel', { customerId: '9001' }),
			'getAvailableCancelationDates',
			credentialsFor(context.sandbox),
		);
		expect(options).toEqual(AVAILABLE.map((date) => ({ name: date, value: date })));
	});

	it('cancels with integer ids in the body, verifies, then withdraws', async () => {
		const cancel = await context.run(
			nodeStep('magicline', 'membership', 'cancel', {
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
		});

		const verify = await context.run(
			nodeStep('magicline', 'membership', 'getContractData', { customerId: '9001' }),
		);
		expect(verify.items[0].json).toMatchObject({
			cancelationStatus: 'CANCELED',
			cancelationDate: AVAILABLE[1],
		});

		const withdraw = await context.run(
			nodeStep('magicline', 'membership', 'withdrawCancellation', {
				customerId: '9001',
				contractId: '5001',
			}),
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
			nodeStep(
				'magicline',
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
			nodeStep(
				'magicline',
				'membership',
				'getContractData',
				{ customerId: '1234' },
				'continueRegularOutput',
			),
		);
		expect(errorOf(run.items[0])).toMatchObject({ httpCode: 404, category: 'not_found' });
	});

	it('a customer id that is not digits is refused locally', async () => {
		const run = await context.run(
			nodeStep(
				'magicline',
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
