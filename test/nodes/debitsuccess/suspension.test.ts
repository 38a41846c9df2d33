import type { IDataObject } from 'n8n-workflow';

import { adjustSuspension, answer, envelope, members, USER } from '../../harness/debitsuccess';
import { errorOf, useSandbox } from '../../harness/fixture';
import { nodeStep } from '../../harness/nodeStep';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();

describe('Debitsuccess: suspend an account for payment cycles', () => {
	const create = (parameters: IDataObject, onError?: OnError) =>
		nodeStep(
			'debitsuccess',
			'suspension',
			'create',
			{
				accountReferenceNo: 'DS1001',
				minimumEffectiveDate: '2026-07-01',
				numberOfPaymentCycles: 2,
				...parameters,
			},
			onError,
		);

	it('sends every member in WCF order and returns the new pay schedule id', async () => {
		const run = await context.run(
			create({
				suspensionFee: 5.5,
				suspensionFeeFrequency: 'Weekly',
				stopOverdueMail: true,
				additionalFields: { requestInitiator: 'n8n' },
			}),
		);
		const [request] = run.requests;
		expect(request.headers.soapaction).toBe(
			'"Debitsuccess.WebServices.WCF/IDSServices/SuspendAccountForNumberOfPaymentCycles"',
		);
		expect(members(request.body)).toBe(
			'<deb1:RequestInitiator>n8n</deb1:RequestInitiator>' +
				USER +
				'<deb1:AccountReferenceNo>DS1001</deb1:AccountReferenceNo>' +
				'<deb1:MinimumEffectiveDate>2026-07-01T00:00:00</deb1:MinimumEffectiveDate>' +
				'<deb1:NumberOfPaymentCycles>2</deb1:NumberOfPaymentCycles>' +
				'<deb1:StopDirectDebits>true</deb1:StopDirectDebits>' +
				'<deb1:StopOverdueMail>true</deb1:StopOverdueMail>' +
				'<deb1:SuspensionFee>5.5</deb1:SuspensionFee>' +
				'<deb1:SuspensionFeeFrequency>Weekly</deb1:SuspensionFeeFrequency>',
		);
		expect(run.items[0].json).toMatchObject({
			success: true,
			status: 'Succeed',
			payScheduleId: '600',
		});
		expect(context.sandbox.state.debitsuccess.suspensions.get(600)).toMatchObject({
			accountReferenceNo: 'DS1001',
			startDate: '2026-07-01',
			numberOfPaymentCycles: 2,
			suspensionFee: '5.5',
			suspensionFeeFrequency: 'Weekly',
			stopDirectDebits: true,
			stopOverdueMail: true,
		});
	});

	it('a fee above 0 without a frequency is refused locally, naming the frequency', async () => {
		const run = await context.run(create({ suspensionFee: 10 }, 'continueRegularOutput'));
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0])).toMatchObject({
			code: 'INVALID_PARAMETER',
			message: 'Parameter "suspensionFeeFrequency" is required when the suspension fee is above 0',
		});
	});

	it('a cancelled account cannot be suspended (10)', async () => {
		const run = await context.run(
			create({ accountReferenceNo: 'DS1002' }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			code: '10',
			category: 'invalid_state',
			resource: 'suspension',
			operation: 'create',
		});
	});

	it('then the new suspension can be adjusted', async () => {
		await context.run(create({}));
		const run = await context.run(
			nodeStep('debitsuccess', 'suspension', 'adjustEndDate', {
				accountReferenceNo: 'DS1001',
				payScheduleId: '600',
				newEndDate: '2026-07-10',
			}),
		);
		expect(run.items[0].json.success).toBe(true);
		expect(context.sandbox.state.debitsuccess.suspensions.get(600)?.endDate).toBe('2026-07-10');
	});
});

describe('Debitsuccess: adjust a suspension end date', () => {
	it('sends NewEndDate at midnight before PayScheduleId', async () => {
		const run = await context.run(
			adjustSuspension({ payScheduleId: '501', newEndDate: '2026-08-20T15:30:00.000Z' }),
		);
		expect(run.requests[0].headers.soapaction).toBe(
			'"Debitsuccess.WebServices.WCF/IDSServices/AdjustSuspensionEndDate"',
		);
		expect(run.requests[0].body).toBe(
			envelope(
				'AdjustSuspensionEndDate',
				`${USER}<deb1:AccountReferenceNo>DS1001</deb1:AccountReferenceNo><deb1:NewEndDate>2026-08-20T00:00:00</deb1:NewEndDate><deb1:PayScheduleId>501</deb1:PayScheduleId>`,
			),
		);
		expect(run.items[0].json).toMatchObject({ success: true, status: 'Succeed' });
		expect(context.sandbox.state.debitsuccess.suspensions.get(501)?.endDate).toBe('2026-08-20');
	});

	it('leaves NewEndDate out to make the (last) suspension open-ended', async () => {
		const run = await context.run(adjustSuspension({ payScheduleId: '504', newEndDate: '' }));
		expect(run.requests[0].body).not.toContain('NewEndDate');
		expect(run.items[0].json).toMatchObject({ success: true });
		expect(context.sandbox.state.debitsuccess.suspensions.get(504)?.endDate).toBeNull();
	});

	it('reports warnings of a successful answer, read whatever the prefixes, CDATA and entities', async () => {
		context.sandbox.inject({
			provider: 'debitsuccess',
			status: 200,
			contentType: 'text/xml; charset=utf-8',
			body: answer('AdjustSuspensionEndDate', 'Succeed', [
				['00', 'Success &amp; saved', 'Info'],
				[
					'14020',
					"<![CDATA[DateTime field 'NewEndDate' contains time part, but the time is ignored by message.]]>",
					'Warning',
				],
			]),
		});
		const run = await context.run(adjustSuspension({ payScheduleId: '501' }));
		expect(run.items[0].json).toEqual({
			success: true,
			status: 'Succeed',
			id: '11111111-2222-3333-4444-555555555555',
			dateCreated: '2026-06-15T10:00:00',
			notes: [
				{ code: '00', note: 'Success & saved', type: 'Info' },
				{
					code: '14020',
					note: "DateTime field 'NewEndDate' contains time part, but the time is ignored by message.",
					type: 'Warning',
				},
			],
			warnings: [
				{
					code: '14020',
					note: "DateTime field 'NewEndDate' contains time part, but the time is ignored by message.",
					type: 'Warning',
				},
			],
		});
	});

	it('refuses a pay schedule ID that is not digits', async () => {
		const run = await context.run(
			adjustSuspension({ payScheduleId: '50 1' }, 'continueRegularOutput'),
		);
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0]).message).toBe(
			'Parameter "payScheduleId" must contain only digits (1 to 19 of them)',
		);
	});
});
