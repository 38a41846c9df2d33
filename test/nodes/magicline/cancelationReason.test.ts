import { useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';

const context = useSandbox();

describe('Magicline: cancelation reasons', () => {
	it('lists the reasons, one item each, limited', async () => {
		const all = await context.run(
			nodeStep('magicline', 'cancelationReason', 'getMany', { returnAll: true }),
		);
		expect(all.requests[0].path).toBe(
			'/magicline/v1/memberships/self-service/contract-cancelation-reasons',
		);
		expect(all.items.map((item) => item.json)).toEqual([
			{ cancelationReasonId: 1001, cancelationReasonName: 'Moving away' },
			{ cancelationReasonId: 1002, cancelationReasonName: 'Financial reasons' },
			{ cancelationReasonId: 1003, cancelationReasonName: 'Health' },
		]);
		const two = await context.run(
			nodeStep('magicline', 'cancelationReason', 'getMany', { limit: 2 }),
		);
		expect(two.items).toHaveLength(2);
	});
});
