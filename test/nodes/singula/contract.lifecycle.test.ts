import type { IDataObject } from 'n8n-workflow';

import { errorOf, useSandbox } from '../../harness/fixture';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();
const CUSTOMER = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01';
const BASE = `/singula/apis/contracts/v1/customer/${CUSTOMER}`;

function singula(operation: string, parameters: IDataObject = {}, onError?: OnError) {
	return {
		type: 'singula',
		credentialType: 'singulaApi',
		parameters: {
			resource: 'contract',
			operation,
			customerId: CUSTOMER,
			contractId: '80001',
			...parameters,
		},
		onError,
	};
}

describe('Singula Decisions: contract lookups', () => {
	it('gets a contract as one item', async () => {
		const run = await context.run(singula('get'));
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
		const active = await context.run(singula('getMany', { returnAll: true }));
		expect(active.requests[0].path).toBe(`${BASE}/contract`);
		expect(active.requests[0].rawQuery).toBe('activeOnly=true');
		expect(active.items.every((item) => item.json.status !== 'CUSTOMER_CANCELLED')).toBe(true);

		const all = await context.run(singula('getMany', { activeOnly: false, returnAll: true }));
		expect(all.requests[0].rawQuery).toBe('activeOnly=false');
		expect(all.items.length).toBe(active.items.length + 1);
		expect(all.items.map((item) => item.pairedItem)).toEqual(all.items.map(() => ({ item: 0 })));

		const limited = await context.run(singula('getMany', { limit: 3 }));
		expect(limited.items).toHaveLength(3);
	});

	it('lists change paths, one item per path; none is zero items, not an error', async () => {
		const run = await context.run(singula('getChangePaths'));
		expect(run.requests[0].path).toBe(`${BASE}/contract/80001/change`);
		expect(run.items.map((item) => [item.json.itemCode, item.json.changeType])).toEqual([
			['PREMIUM', 'UPGRADE'],
			['SPORTS', 'CROSSGRADE'],
			['LITE', 'DOWNGRADE'],
			['VCN_BOX', 'UPGRADE'],
		]);
		const none = await context.run(singula('getChangePaths', { contractId: '80007' }));
		expect(none.error).toBeUndefined();
		expect(none.items).toHaveLength(0);
	});
});

describe('Singula Decisions: undo a change, cancel and undo the cancellation', () => {
	it('withdraws a scheduled downgrade with the JSON body {}', async () => {
		await context.run(singula('change', { itemCode: 'LITE' }));
		expect(context.sandbox.state.singula.contracts.get('80001')?.status).toBe(
			'DOWNGRADE_SCHEDULED',
		);

		const run = await context.run(singula('withdrawChange'));
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
		const run = await context.run(singula('withdrawChange', {}, 'continueRegularOutput'));
		expect(errorOf(run.items[0])).toMatchObject({
			code: '90017',
			fault: 'InvalidContractState',
			category: 'invalid_state',
		});
	});

	it('cancels at the next payment date with {}, then withdraws the cancellation', async () => {
		const cancel = await context.run(singula('cancel'));
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

		const withdraw = await context.run(singula('withdrawCancellation'));
		expect([withdraw.requests[0].path, withdraw.requests[0].body]).toEqual([
			`${BASE}/contract/80001/cancel/withdraw`,
			'{}',
		]);
		expect(context.sandbox.state.singula.contracts.get('80001')?.status).toBe('ACTIVE');
	});

	it('cancels on a chosen date', async () => {
		const run = await context.run(singula('cancel', { cancelDate: '2026-07-01T09:00:00.000Z' }));
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
		const run = await context.run(singula('cancel', parameters, 'continueErrorOutput'));
		expect(errorOf(run.errorItems[0])).toMatchObject({
			code,
			fault,
			category,
			httpCode,
			operation: 'cancel',
			retryable: false,
		});
		const stopped = await context.run(singula('cancel', parameters));
		expect(String((stopped.error as unknown as IDataObject).description)).toMatch(
			new RegExp(`^\\[${category}\\] ${code}`),
		);
	});

	it('a system failure on cancel (90061) is retryable', async () => {
		context.sandbox.inject({
			provider: 'singula',
			status: 500,
			body: '{"errorCode":90061,"developerMessage":"SystemFailureFault: try later","userMessage":"System Failure, Please try again later"}',
		});
		const run = await context.run(singula('cancel', {}, 'continueRegularOutput'));
		expect(errorOf(run.items[0])).toMatchObject({
			code: '90061',
			category: 'provider_error',
			retryable: true,
		});
	});
});
