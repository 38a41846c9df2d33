import { useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';

const context = useSandbox();

const CUSTOMER_1 = 'c0000000-0000-4000-8000-000000000001';

describe('Access PaySuite DDCMS: customers', () => {
	it('searches customers with only the filters given', async () => {
		const run = await context.run(
			nodeStep('accessPaySuite', 'customer', 'search', {
				filters: { email: 'ADA@example.com', postCode: 'AB1 2CD' },
				returnAll: true,
			}),
		);
		const [request] = run.requests;
		expect([request.method, request.path, request.rawQuery]).toEqual([
			'GET',
			'/ddcms/api/v3/client/DEMO/customer',
			'email=ADA%40example.com&postCode=AB1%202CD',
		]);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			Id: CUSTOMER_1,
			Email: 'ada@example.com',
			Surname: 'Lovelace',
		});
	});

	it('applies the limit to the records', async () => {
		const run = await context.run(nodeStep('accessPaySuite', 'customer', 'search', { limit: 1 }));
		expect(run.requests[0].rawQuery).toBe('');
		expect(run.items).toHaveLength(1);
	});
});
