import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { childElements } from '../../sandbox/xml';
import { debitsuccess, soapRequest, soapResult, TODAY } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ today: TODAY });
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
	await sandbox.close();
});

const ref = (accountReferenceNo: string) =>
	`<core:AccountReferenceNo>${accountReferenceNo}</core:AccountReferenceNo>`;

describe('Debitsuccess element order (WCF data-contract strictness)', () => {
	it('reads CancellationNote in its place', async () => {
		const reply = await debitsuccess(sandbox, 'CancelAccount', {
			fields: `${ref('DS1001')}<core:CancellationNote>Member transferred</core:CancellationNote>`,
		});
		expect(soapResult(reply.text)).toMatchObject({
			status: 'Succeed',
			notes: [{ code: '00', note: 'Success', type: 'Info' }],
		});
		expect(sandbox.state.debitsuccess.accounts.get('DS1001')).toMatchObject({
			status: 'Cancelled',
			cancellationReason: 'Transfer',
		});
	});

	it('ignores AccountReferenceNo when it comes after CancellationNote (read as null)', async () => {
		const reply = await debitsuccess(sandbox, 'CancelAccount', {
			fields: `<core:CancellationNote>Facility Request</core:CancellationNote>${ref('DS1001')}`,
		});
		expect(soapResult(reply.text)).toMatchObject({ status: 'Failed', notes: [{ code: '12016' }] });
		expect(sandbox.state.debitsuccess.accounts.get('DS1001')?.status).toBe('Active');
	});

	it('ignores Username placed before Password', async () => {
		const body = soapRequest('CancelAccount', { fields: ref('DS1001') }).replace(
			/<core:User>.*<\/core:User>/,
			'<core:User><core:Username>sandbox-user</core:Username><core:Password>sandbox-pass</core:Password></core:User>',
		);
		expect(
			soapResult((await debitsuccess(sandbox, 'CancelAccount', {}, body)).text).notes[0].code,
		).toBe('02');
	});

	it('matches fields by namespace, not prefix: a field in the wrong namespace is unknown', async () => {
		const body = soapRequest('CancelAccount', {
			fields: '<x:AccountReferenceNo xmlns:x="urn:wrong">DS1001</x:AccountReferenceNo>',
		});
		expect(
			soapResult((await debitsuccess(sandbox, 'CancelAccount', {}, body)).text).notes[0].code,
		).toBe('12016');
	});
});

describe('Debitsuccess operations', () => {
	it('answers GetCustomerAccountByAccountId with both EXT-DUP accounts under its own prefix', async () => {
		const reply = await debitsuccess(sandbox, 'GetCustomerAccountByAccountId', {
			fields: '<core:ExternalAccountReferenceNo>EXT-DUP</core:ExternalAccountReferenceNo>',
		});
		const { status, result } = soapResult(reply.text);
		expect(status).toBe('Succeed');
		const accounts = childElements(childElements(result).find((e) => e.localName === 'Accounts')!);
		expect(accounts.map((account) => account.qName)).toEqual([
			'c:CustomerAccount',
			'c:CustomerAccount',
		]);
	});

	it('refuses to cancel when the external reference matches two accounts', async () => {
		const reply = await debitsuccess(sandbox, 'CancelAccount', {
			fields: '<core:ExternalAccountReferenceNo>EXT-DUP</core:ExternalAccountReferenceNo>',
		});
		expect(soapResult(reply.text).notes[0]).toEqual({
			code: '07',
			note: 'Multiple accounts found with this criteria',
			type: 'Error',
		});
	});

	it('adjusts an end date with a time part: warning 14020 in CDATA, then success', async () => {
		const reply = await debitsuccess(sandbox, 'AdjustSuspensionEndDate', {
			fields: `${ref('DS1001')}<core:NewEndDate>2030-03-20T10:30:00</core:NewEndDate><core:PayScheduleId>501</core:PayScheduleId>`,
		});
		expect(reply.text).toContain(
			"<![CDATA[DateTime field 'NewEndDate' contains time part, but the time is ignored by message.]]>",
		);
		expect(soapResult(reply.text).notes.map((note) => note.code)).toEqual(['14020', '00']);
		expect(sandbox.state.debitsuccess.suspensions.get(501)?.endDate).toBe('2030-03-20');
	});

	it.each([
		['502', '2030-03-20', '13142'],
		['999', '2030-03-20', '13141'],
		['501', '2030-01-10', '13145'],
		['501', '2030-02-01', '13144'],
		['501', '2030-04-20', '13143'],
	])('PayScheduleId %s to %s fails with %s', async (payScheduleId, newEnd, code) => {
		const reply = await debitsuccess(sandbox, 'AdjustSuspensionEndDate', {
			fields: `${ref('DS1001')}<core:NewEndDate>${newEnd}T00:00:00</core:NewEndDate><core:PayScheduleId>${payScheduleId}</core:PayScheduleId>`,
		});
		expect(soapResult(reply.text)).toMatchObject({ status: 'Failed', notes: [{ code }] });
	});

	it('answers a SOAP Fault when the required PayScheduleId is missing', async () => {
		const reply = await debitsuccess(sandbox, 'AdjustSuspensionEndDate', { fields: ref('DS1001') });
		expect(reply.status).toBe(500);
		expect(reply.text).toContain('<s:Fault>');
	});

	it('creates a suspension for payment cycles and returns its PayScheduleId', async () => {
		const reply = await debitsuccess(sandbox, 'SuspendAccountForNumberOfPaymentCycles', {
			fields:
				`${ref('DS1001')}<core:MinimumEffectiveDate>2030-09-01T00:00:00</core:MinimumEffectiveDate><core:NumberOfPaymentCycles>2</core:NumberOfPaymentCycles>` +
				'<core:StopDirectDebits>true</core:StopDirectDebits><core:StopOverdueMail>false</core:StopOverdueMail><core:SuspensionFee>5.00</core:SuspensionFee>' +
				'<core:SuspensionFeeFrequency>OneOff</core:SuspensionFeeFrequency>',
		});
		const { status, result } = soapResult(reply.text);
		expect(status).toBe('Succeed');
		expect(childElements(result).find((e) => e.localName === 'PayScheduleId')?.qName).toBe(
			'd:PayScheduleId',
		);
		expect(sandbox.state.debitsuccess.suspensions.get(600)).toMatchObject({
			startDate: '2030-09-01',
			suspensionFee: '5.00',
			stopDirectDebits: true,
		});
	});
});

describe('Debitsuccess transport checks', () => {
	it('answers 415 for a JSON content type', async () => {
		expect(
			(await debitsuccess(sandbox, 'CancelAccount', { contentType: 'application/json' })).status,
		).toBe(415);
	});

	it('answers ActionNotSupported when SOAPAction and the body disagree', async () => {
		const reply = await debitsuccess(sandbox, 'CancelAccount', {
			soapAction: '"Debitsuccess.WebServices.WCF/IDSServices/GetCustomerAccountByAccountId"',
		});
		expect(reply.status).toBe(500);
		expect(reply.text).toContain('a:ActionNotSupported');
	});

	it('answers a SOAP Fault for malformed XML', async () => {
		const reply = await debitsuccess(sandbox, 'CancelAccount', {}, '<env:Envelope><broken>');
		expect([reply.status, reply.headers.get('content-type')]).toEqual([
			500,
			'text/xml; charset=utf-8',
		]);
		expect(reply.text).toContain('<faultcode>s:Client</faultcode>');
	});
});
