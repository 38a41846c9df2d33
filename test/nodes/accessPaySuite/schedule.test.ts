import { errorOf, useSandbox } from '../../harness/fixture';
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

	it('refuses a limit below 1 before anything is sent', async () => {
		const run = await context.run(
			nodeStep(
				'accessPaySuite',
				'schedule',
				'getMany',
				{ returnAll: false, limit: 0 },
				'continueRegularOutput',
			),
		);
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0])).toMatchObject({
			code: 'INVALID_PARAMETER',
			message: 'Parameter "limit" must be a whole number from 1 to 9007199254740991',
		});
	});
});
