import { useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';

const context = useSandbox();

describe('Access PaySuite DDCMS: schedules', () => {
	it('lists the schedules of every service, one item per schedule', async () => {
		const run = await context.run(
			nodeStep('accessPaySuite', 'schedule', 'getMany', { returnAll: true }),
		);
		expect(run.requests[0].path).toBe('/ddcms/api/v3/client/DEMO/schedules');
		expect(run.items.map((item) => item.json.Name)).toEqual([
			'Monthly membership',
			'Annual membership',
			'Class pass',
		]);
	});
});
