import { errorOf, useSandbox } from '../../harness/fixture';
import { DDCMS_ROOT, ddcms, expectRefusedLocally, onTheWire } from './helpers';

const context = useSandbox();

const C1 = 'a0000000-0000-4000-8000-000000000001';
const PROTECTED = 'a0000000-0000-4000-8000-000000000003';
const PAID = 'd0000000-0000-4000-8000-000000000001';
/** Five working days after the sandbox's today (2026-06-15) is 2026-06-22. */
const DATE = '2026-06-25';

async function createPayment(extra = {}) {
	return await context.run(
		ddcms('payment', 'create', {
			contractId: C1,
			amount: '15.99',
			date: DATE,
			comment: 'Locker key',
			...extra,
		}),
	);
}

const paymentOf = (paymentId: string) =>
	context.sandbox.state.accessPaySuite.payments.find((payment) => payment.id === paymentId);

describe('DDCMS payment: create, get, update, delete', () => {
	it('books a one-off payment from the query string, isCredit left out', async () => {
		const run = await createPayment();
		expect(onTheWire(run.requests)).toEqual([
			[
				'POST',
				`${DDCMS_ROOT}/contract/${C1}/payment`,
				'amount=15.99&date=2026-06-25&comment=Locker%20key',
				'',
			],
		]);
		const paymentId = run.items[0].json.paymentId as string;
		expect(run.items[0].json).toEqual({
			Amount: 15.99,
			Contract: C1,
			DueDate: '2026-06-25T00:00:00.000',
			Id: paymentId,
			success: true,
			contractId: C1,
			paymentId,
		});
		expect(paymentOf(paymentId)).toMatchObject({
			status: 'Pending',
			amount: '15.99',
			isCredit: false,
		});
	});

	it('sends isCredit only when true', async () => {
		const credit = await createPayment({ additionalFields: { isCredit: true } });
		expect(credit.requests[0].rawQuery).toBe(
			'amount=15.99&date=2026-06-25&comment=Locker%20key&isCredit=true',
		);
		expect(paymentOf(credit.items[0].json.paymentId as string)?.isCredit).toBe(true);
		const notCredit = await createPayment({ additionalFields: { isCredit: false } });
		expect(notCredit.requests[0].rawQuery).toBe(
			'amount=15.99&date=2026-06-25&comment=Locker%20key',
		);
	});

	it('gets, changes and deletes the payment', async () => {
		const paymentId = (await createPayment()).items[0].json.paymentId as string;
		const path = `${DDCMS_ROOT}/contract/${C1}/payment/${paymentId}`;

		const got = await context.run(ddcms('payment', 'get', { contractId: C1, paymentId }));
		expect(onTheWire(got.requests)).toEqual([['GET', path, '', '']]);
		expect(got.items[0].json).toMatchObject({ Id: paymentId, Status: 'Pending', Amount: 15.99 });

		const updated = await context.run(
			ddcms('payment', 'update', {
				contractId: C1,
				paymentId,
				amount: '20',
				date: '2026-06-26',
				comment: 'Two keys',
			}),
		);
		expect(onTheWire(updated.requests)).toEqual([
			['PATCH', path, 'amount=20&date=2026-06-26&comment=Two%20keys', ''],
		]);
		expect(updated.items[0].json).toEqual({
			success: true,
			contractId: C1,
			paymentId,
			message: 'Payment updated',
		});
		expect(paymentOf(paymentId)).toMatchObject({ amount: '20.00', date: '2026-06-26' });

		const deleted = await context.run(
			ddcms('payment', 'delete', { contractId: C1, paymentId, comment: 'Key returned' }),
		);
		expect(onTheWire(deleted.requests)).toEqual([['DELETE', path, 'comment=Key%20returned', '']]);
		expect(deleted.items[0].json).toEqual({
			success: true,
			contractId: C1,
			paymentId,
			message: 'Payment deleted',
		});
		expect(paymentOf(paymentId)).toBeUndefined();
	});
});

describe('DDCMS payment: faults and validation', () => {
	it('answers a protected contract with 403 and unknown records with 404', async () => {
		const run = await context.run(
			ddcms(
				'payment',
				'create',
				{ contractId: '={{ $json.id }}', amount: '5', date: DATE, comment: 'Towel' },
				'continueRegularOutput',
			),
			[{ id: PROTECTED }, { id: 'a-unknown' }],
		);
		expect(run.items.map((item) => errorOf(item))).toMatchObject([
			{ category: 'protected', httpCode: 403, message: 'Contract cannot be accessed' },
			{ category: 'not_found', httpCode: 404, message: 'Contract not found' },
		]);

		const unknownPayment = await context.run(
			ddcms('payment', 'get', { contractId: C1, paymentId: 'd-unknown' }, 'continueRegularOutput'),
		);
		expect(errorOf(unknownPayment.items[0])).toMatchObject({
			category: 'not_found',
			message: 'Payment not found',
		});
	});

	it('answers a change of a payment already sent to the bank as a validation error', async () => {
		const run = await context.run(
			ddcms(
				'payment',
				'delete',
				{ contractId: C1, paymentId: PAID, comment: 'Refund' },
				'continueRegularOutput',
			),
		);
		expect(errorOf(run.items[0])).toMatchObject({ category: 'validation', httpCode: 400 });
		expect(paymentOf(PAID)).toBeDefined();
	});

	it.each([
		['create', { amount: '0' }, 'Parameter "amount" must be more than 0'],
		[
			'create',
			{ amount: '-1' },
			'Parameter "amount" must be a number with up to two decimals, like 12.50',
		],
		[
			'create',
			{ amount: '9.999' },
			'Parameter "amount" must be a number with up to two decimals, like 12.50',
		],
		['create', { comment: '={{ "" }}' }, 'Parameter "comment" is required'],
		[
			'create',
			{ comment: 'x'.repeat(256) },
			'Parameter "comment" must be at most 255 characters long',
		],
		['create', { date: 'tomorrow' }, 'Parameter "date" must be a date in the form YYYY-MM-DD'],
		['update', { paymentId: 'd1', amount: '0.00' }, 'Parameter "amount" must be more than 0'],
		['update', { paymentId: 'd1', date: '={{ "" }}' }, 'Parameter "date" is required'],
		['update', { paymentId: '..' }, 'Parameter "paymentId" must not be "." or ".."'],
		['delete', { paymentId: 'd1', comment: '={{ "" }}' }, 'Parameter "comment" is required'],
	])('%s refuses %j without sending anything', async (operation, change, message) => {
		const run = await context.run(
			ddcms(
				'payment',
				operation,
				{ contractId: C1, amount: '15.99', date: DATE, comment: 'Locker key', ...change },
				'continueRegularOutput',
			),
		);
		expectRefusedLocally(run, message);
	});
});
