import { errorOf, useSandbox } from '../../harness/fixture';
import { magicline, onTheWire } from './helpers';

const context = useSandbox();

describe('Magicline membership: get many', () => {
	it("lists a customer's contracts with their module contracts, status sent only when chosen", async () => {
		const all = await context.run(
			magicline('membership', 'getMany', { customerId: '9001', returnAll: true }),
		);
		expect(onTheWire(all.requests)).toEqual([
			['GET', '/magicline/v1/customers/9001/contracts', '', ''],
		]);
		expect(all.items.map((item) => item.json.id)).toEqual([5001]);
		expect(
			(all.items[0].json.moduleContracts as Array<{ id: unknown }>).map((module) => module.id),
		).toEqual([7001, 7002, 7003, '9007199254740993']);

		const inactive = await context.run(
			magicline('membership', 'getMany', { customerId: '9001', status: 'INACTIVE' }),
		);
		expect(inactive.requests[0].rawQuery).toBe('status=INACTIVE');
		expect(inactive.items).toHaveLength(0);
	});

	it('answers an unknown customer with not_found', async () => {
		const run = await context.run(
			magicline('membership', 'getMany', { customerId: '404' }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0])).toMatchObject({ category: 'not_found', httpCode: 404 });
	});
});
