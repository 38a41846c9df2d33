import { errorOf, useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';

const context = useSandbox();

const CONTRACT = 'a0000000-0000-4000-8000-000000000001';

describe('Access PaySuite DDCMS: payments', () => {
	it("lists a contract's payments asking for `rows` = the limit", async () => {
		const run = await context.run(
			nodeStep('accessPaySuite', 'payment', 'getMany', { contractId: CONTRACT, limit: 3 }),
		);
		expect(run.requests[0].path).toBe(`/ddcms/api/v3/client/DEMO/contract/${CONTRACT}/payment`);
		expect(run.requests[0].rawQuery).toBe('rows=3');
		expect(run.items).toHaveLength(3);
		expect(Object.keys(run.items[0].json).sort()).toEqual(['Amount', 'Date', 'Id', 'Status']);
	});

	it('asks for 100 payments with Return All, and refuses a limit above 100', async () => {
		const all = await context.run(
			nodeStep('accessPaySuite', 'payment', 'getMany', { contractId: CONTRACT, returnAll: true }),
		);
		expect(all.requests[0].rawQuery).toBe('rows=100');
		expect(all.items).toHaveLength(5);

		const tooMany = await context.run(
			nodeStep(
				'accessPaySuite',
				'payment',
				'getMany',
				{ contractId: CONTRACT, limit: 101 },
				'continueRegularOutput',
			),
		);
		expect(tooMany.requests).toHaveLength(0);
		expect(errorOf(tooMany.items[0])).toMatchObject({
			code: 'INVALID_PARAMETER',
			message: 'Parameter "limit" must be at most 100: DDCMS returns up to 100 payments',
		});
	});
});
