import { credentialsFor, errorOf, useSandbox } from '../../harness/fixture';
import { loadOptions } from '../../harness/engine';
import { DDCMS_ROOT, ddcms, expectRefusedLocally, onTheWire } from './helpers';

const context = useSandbox();

const ADA = 'c0000000-0000-4000-8000-000000000001';
const C1 = 'a0000000-0000-4000-8000-000000000001';
const PROTECTED = 'a0000000-0000-4000-8000-000000000003';
/** Ten working days after the sandbox's today (2026-06-15) is 2026-06-29. */
const START = '2026-07-01';

describe('DDCMS contract: create', () => {
	it('opens an ad-hoc contract with only the parameters given, isGiftAid always', async () => {
		const run = await context.run(
			ddcms('contract', 'create', { customerId: ADA, scheduleName: 'Class pass', start: START }),
		);
		expect(onTheWire(run.requests)).toEqual([
			[
				'POST',
				`${DDCMS_ROOT}/customer/${ADA}/contract`,
				'scheduleName=Class%20pass&start=2026-07-01&isGiftAid=false' +
					'&terminationType=Until%20further%20notice&atTheEnd=Switch%20to%20Further%20Notice',
				'',
			],
		]);
		const created = [...context.sandbox.state.accessPaySuite.contracts.values()].find(
			(contract) => contract.customerId === ADA && contract.scheduleName === 'Class pass',
		)!;
		expect(run.items[0].json).toEqual({
			DirectDebitRef: created.reference,
			Id: created.id,
			success: true,
			customerId: ADA,
			contractId: created.id,
			directDebitRef: created.reference,
		});
		expect(created).toMatchObject({ directDebitStatus: 'Inactive', isGiftAid: false });
	});

	it('sends the additional fields in order, amounts exactly as typed', async () => {
		const run = await context.run(
			ddcms('contract', 'create', {
				customerId: ADA,
				scheduleName: 'Monthly membership',
				start: '2026-07-01T09:00:00.000+01:00',
				isGiftAid: true,
				terminationType: 'Take certain number of debits',
				atTheEnd: 'Expire',
				additionalFields: {
					amount: '25.5',
					extraInitialAmounts: '10',
					every: 1,
					numberOfDebits: 12,
					paymentDayInMonth: 1,
					additionalReference: 'CRM-42 gym',
				},
			}),
		);
		expect(run.requests[0].rawQuery).toBe(
			'scheduleName=Monthly%20membership&start=2026-07-01&isGiftAid=true' +
				'&terminationType=Take%20certain%20number%20of%20debits&atTheEnd=Expire' +
				'&amount=25.5&extraInitialAmounts=10&every=1&numberOfDebits=12&paymentDayInMonth=1' +
				'&additionalReference=CRM-42%20gym',
		);
		const contractId = run.items[0].json.contractId as string;
		expect(context.sandbox.state.accessPaySuite.contracts.get(contractId)).toMatchObject({
			amount: '25.50',
			extraInitialAmounts: '10.00',
			numberOfDebits: 12,
			isGiftAid: true,
			additionalReference: 'CRM-42 gym',
		});
	});

	it('answers an unknown schedule name and an unknown customer with the provider faults', async () => {
		const run = await context.run(
			ddcms(
				'contract',
				'create',
				{
					customerId: '={{ $json.customer }}',
					scheduleName: '={{ $json.schedule }}',
					start: START,
				},
				'continueRegularOutput',
			),
			[
				{ customer: ADA, schedule: 'Weekly yoga' },
				{ customer: 'c-unknown', schedule: 'Class pass' },
			],
		);
		expect(run.requests).toHaveLength(2);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'validation',
			httpCode: 400,
			code: '400',
			message: 'Weekly yoga is not given to any schedule of any service as a name\n',
		});
		expect(errorOf(run.items[1])).toMatchObject({ category: 'not_found', httpCode: 404 });
	});

	it.each([
		[
			{ terminationType: 'Take certain number of debits', atTheEnd: 'Expire' },
			'Parameter "additionalFields.numberOfDebits" is required when the termination type is "Take certain number of debits"',
		],
		[
			{ terminationType: 'End on exact date', atTheEnd: 'Expire' },
			'Parameter "additionalFields.terminationDate" is required when the termination type is "End on exact date"',
		],
		[
			{
				terminationType: 'End on exact date',
				atTheEnd: 'Expire',
				additionalFields: { terminationDate: START },
			},
			'Parameter "additionalFields.terminationDate" must be after the start date',
		],
		[
			{ atTheEnd: 'Expire' },
			'Parameter "atTheEnd" must be "Switch to Further Notice" when the termination type is "Until further notice"',
		],
		[
			{ additionalFields: { amount: '0.00' } },
			'Parameter "additionalFields.amount" must be more than 0',
		],
		[
			{ additionalFields: { finalAmount: '1234567890' } },
			'Parameter "additionalFields.finalAmount" must have at most 9 digits before the point',
		],
		[
			{ additionalFields: { initialAmount: '-5' } },
			'Parameter "additionalFields.initialAmount" must be a number with up to two decimals, like 12.50',
		],
		[
			{ additionalFields: { paymentDayInMonth: 30 } },
			'Parameter "additionalFields.paymentDayInMonth" must be 1 to 28, 98 (last working day) or 99 (last day of the month)',
		],
		[
			{ additionalFields: { numberOfDebits: 1000 } },
			'Parameter "additionalFields.numberOfDebits" must be a whole number from 1 to 999',
		],
		[
			{ additionalFields: { paymentDayInWeek: 6 } },
			'Parameter "additionalFields.paymentDayInWeek" must be a whole number from 1 to 5',
		],
		[{ start: '2026-13-01' }, 'Parameter "start" must be a date in the form YYYY-MM-DD'],
		[
			{ additionalFields: { additionalReference: 'x'.repeat(201) } },
			'Parameter "additionalFields.additionalReference" must be at most 200 characters long',
		],
	])('refuses %j without sending anything', async (change, message) => {
		const run = await context.run(
			ddcms(
				'contract',
				'create',
				{ customerId: ADA, scheduleName: 'Monthly membership', start: START, ...change },
				'continueRegularOutput',
			),
		);
		expectRefusedLocally(run, message);
	});

	it('lists the schedule names of every service in the Schedule dropdown', async () => {
		const before = context.sandbox.requests.length;
		const options = await loadOptions(
			ddcms('contract', 'create', { customerId: ADA }),
			'getScheduleNames',
			credentialsFor(context.sandbox),
		);
		expect(options).toEqual([
			{ name: 'Monthly membership', value: 'Monthly membership' },
			{ name: 'Annual membership', value: 'Annual membership' },
			{ name: 'Class pass', value: 'Class pass' },
		]);
		expect(onTheWire(context.sandbox.requests.slice(before))).toEqual([
			['GET', `${DDCMS_ROOT}/schedules`, '', ''],
		]);
	});
});

describe('DDCMS contract: archive', () => {
	it('archives a contract with no query and no body', async () => {
		const run = await context.run(ddcms('contract', 'archive', { contractId: C1 }));
		expect(onTheWire(run.requests)).toEqual([
			['POST', `${DDCMS_ROOT}/contract/${C1}/archive`, '', ''],
		]);
		expect(run.items[0].json).toEqual({
			success: true,
			contractId: C1,
			message: 'Contract archived',
		});
		expect(context.sandbox.state.accessPaySuite.contracts.get(C1)?.directDebitStatus).toBe(
			'Archived',
		);
	});

	it('answers a protected contract with 403 protected and an unknown one with 404 not_found', async () => {
		const run = await context.run(
			ddcms('contract', 'archive', { contractId: '={{ $json.id }}' }, 'continueErrorOutput'),
			[{ id: PROTECTED }, { id: 'a-unknown' }],
		);
		expect(run.errorItems.map((item) => errorOf(item))).toMatchObject([
			{ category: 'protected', httpCode: 403, message: 'API not enabled', retryable: false },
			{ category: 'not_found', httpCode: 404, message: 'Contract not found' },
		]);
		expect(context.sandbox.state.accessPaySuite.contracts.get(PROTECTED)?.directDebitStatus).toBe(
			'Active',
		);
	});
});
