import type { IDataObject } from 'n8n-workflow';

import { errorOf, useSandbox } from '../../harness/fixture';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();

const USER =
	'<deb1:User><deb1:Password>sandbox-pass</deb1:Password><deb1:Username>sandbox-user</deb1:Username></deb1:User>';

function debitsuccess(
	resource: string,
	operation: string,
	parameters: IDataObject,
	onError?: OnError,
) {
	return {
		type: 'debitsuccess',
		credentialType: 'debitsuccessApi',
		parameters: { resource, operation, ...parameters },
		onError,
	};
}

/** The request members inside `<deb:request>`. */
function members(body: string): string {
	return /<deb:request>(.*)<\/deb:request>/.exec(body)?.[1] ?? '';
}

describe('Debitsuccess: get an account', () => {
	it('asks GetCustomerAccountByAccountId and gives one item per account, keys camelCased', async () => {
		const run = await context.run(debitsuccess('account', 'get', { accountReferenceNo: 'DS1001' }));
		const [request] = run.requests;
		expect(request.headers.soapaction).toBe(
			'"Debitsuccess.WebServices.WCF/IDSServices/GetCustomerAccountByAccountId"',
		);
		expect(request.body).toContain('<deb:GetCustomerAccountByAccountId><deb:request>');
		expect(members(request.body)).toBe(
			`${USER}<deb1:AccountReferenceNo>DS1001</deb1:AccountReferenceNo>`,
		);
		expect(run.items).toEqual([
			{
				json: {
					accountCode: 'DS1001',
					accountReferenceNo: 'DS1001',
					externalAccountReferenceNo: 'EXT-1001',
					accountStatus: 'Active',
					firstName: 'Ada',
					lastName: 'Lovelace',
					nextBillingDate: '2026-06-22T00:00:00',
					overdueStatus: 'None',
					overdueAmount: '0.00',
					regularPaymentAmount: '19.99',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('gives every account that shares an external reference', async () => {
		const run = await context.run(
			debitsuccess('account', 'get', { externalAccountReferenceNo: 'EXT-DUP' }),
		);
		expect(run.items.map((item) => [item.json.accountCode, item.pairedItem])).toEqual([
			['DS1003', { item: 0 }],
			['DS1004', { item: 0 }],
		]);
	});

	it('an unknown account is not_found (08)', async () => {
		const run = await context.run(
			debitsuccess('account', 'get', { accountReferenceNo: 'NOPE' }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			code: '08',
			category: 'not_found',
			operation: 'get',
		});
	});
});

describe('Debitsuccess: suspend an account for payment cycles', () => {
	const create = (parameters: IDataObject, onError?: OnError) =>
		debitsuccess(
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
			debitsuccess('suspension', 'adjustEndDate', {
				accountReferenceNo: 'DS1001',
				payScheduleId: '600',
				newEndDate: '2026-07-10',
			}),
		);
		expect(run.items[0].json.success).toBe(true);
		expect(context.sandbox.state.debitsuccess.suspensions.get(600)?.endDate).toBe('2026-07-10');
	});
});
