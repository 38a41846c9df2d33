import type { IDataObject } from 'n8n-workflow';

import { errorOf, useSandbox } from '../../harness/fixture';
import type { OnError } from '../../harness/workflow';

const context = useSandbox();

const ENVELOPE_OPEN =
	'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:deb="Debitsuccess.WebServices.WCF" xmlns:deb1="http://schemas.datacontract.org/2004/07/Debitsuccess.WebServices.Core"><soapenv:Header/><soapenv:Body>';
const USER =
	'<deb1:User><deb1:Password>sandbox-pass</deb1:Password><deb1:Username>sandbox-user</deb1:Username></deb1:User>';

function envelope(operation: string, members: string): string {
	return `${ENVELOPE_OPEN}<deb:${operation}><deb:request>${members}</deb:request></deb:${operation}></soapenv:Body></soapenv:Envelope>`;
}

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

const cancel = (parameters: IDataObject, onError?: OnError) =>
	debitsuccess(
		'account',
		'cancel',
		{ cancellationNote: 'Facility Request', ...parameters },
		onError,
	);
const adjust = (parameters: IDataObject, onError?: OnError) =>
	debitsuccess(
		'suspension',
		'adjustEndDate',
		{ accountReferenceNo: 'DS1001', ...parameters },
		onError,
	);

/** A Debitsuccess answer written by hand, with other prefixes, CDATA and entities, for the reader. */
function answer(operation: string, status: string, notes: Array<[string, string, string]>): string {
	const noteXml = notes
		.map(
			([code, note, type]) =>
				`<x:ResponseMessageNote><x:Code>${code}</x:Code><x:Note>${note}</x:Note><x:NoteType>${type}</x:NoteType></x:ResponseMessageNote>`,
		)
		.join('');
	return (
		'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		`<${operation}Response xmlns="Debitsuccess.WebServices.WCF"><${operation}Result xmlns:x="http://schemas.datacontract.org/2004/07/Debitsuccess.WebServices.Core">` +
		`<x:DateCreated>2026-06-15T10:00:00</x:DateCreated><x:Id>11111111-2222-3333-4444-555555555555</x:Id><x:ResponseNotes>${noteXml}</x:ResponseNotes><x:Status>${status}</x:Status>` +
		`</${operation}Result></${operation}Response></soap:Body></soap:Envelope>`
	);
}

describe('Debitsuccess: cancel an account', () => {
	it('posts the SOAP envelope in WCF element order, with the credentials filled in by the credential', async () => {
		const run = await context.run(cancel({ accountReferenceNo: 'DS1001' }));

		expect(run.error).toBeUndefined();
		const [request] = run.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/debitsuccess/DSWebService/DSServices.svc');
		expect(request.headers['content-type']).toBe('text/xml; charset=utf-8');
		expect(request.headers.soapaction).toBe(
			'"Debitsuccess.WebServices.WCF/IDSServices/CancelAccount"',
		);
		expect(request.body).toBe(
			envelope(
				'CancelAccount',
				`${USER}<deb1:AccountReferenceNo>DS1001</deb1:AccountReferenceNo><deb1:CancellationNote>Facility Request</deb1:CancellationNote>`,
			),
		);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			success: true,
			status: 'Succeed',
			notes: [{ code: '00', note: 'Success', type: 'Info' }],
			warnings: [],
		});
		expect(run.items[0].json.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(String(run.items[0].json.dateCreated)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(context.sandbox.state.debitsuccess.accounts.get('DS1001')).toMatchObject({
			status: 'Cancelled',
			cancellationReason: 'Facility Request',
		});
	});

	it('escapes every text it puts into XML, including the password', async () => {
		const run = await context.run(
			cancel(
				{
					externalAccountReferenceNo: 'EXT-1001',
					cancellationNote: 'Moved <away> & "transferred"',
					additionalFields: { requestInitiator: "O'Brien & co" },
				},
				'continueRegularOutput',
			),
			[{}],
			{ debitsuccessApi: { password: 'p&ss<$&>word' } },
		);
		expect(run.requests[0].body).toBe(
			envelope(
				'CancelAccount',
				'<deb1:RequestInitiator>O&apos;Brien &amp; co</deb1:RequestInitiator>' +
					'<deb1:User><deb1:Password>p&amp;ss&lt;$&amp;&gt;word</deb1:Password><deb1:Username>sandbox-user</deb1:Username></deb1:User>' +
					'<deb1:ExternalAccountReferenceNo>EXT-1001</deb1:ExternalAccountReferenceNo>' +
					'<deb1:CancellationNote>Moved &lt;away&gt; &amp; &quot;transferred&quot;</deb1:CancellationNote>',
			),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			code: '02',
			category: 'authentication',
			message: 'Invalid user credentials',
		});
	});

	it('treats a note with "transferred" as a transfer', async () => {
		await context.run(
			cancel({ accountReferenceNo: 'DS1001', cancellationNote: 'Transferred to Wellington' }),
		);
		expect(context.sandbox.state.debitsuccess.accounts.get('DS1001')?.cancellationReason).toBe(
			'Transfer',
		);
	});

	it.each([
		[
			'no account reference',
			{ accountReferenceNo: '', externalAccountReferenceNo: '' },
			'Parameter "accountReferenceNo" or "externalAccountReferenceNo" is required: give at least one of them',
		],
		[
			'a reference over 15 characters',
			{ accountReferenceNo: 'DS1001DS1001DS10' },
			'Parameter "accountReferenceNo" must be at most 15 characters long',
		],
		[
			'a note over 30 characters',
			{ accountReferenceNo: 'DS1001', cancellationNote: 'x'.repeat(31) },
			'Parameter "cancellationNote" must be at most 30 characters long',
		],
		[
			'an initiator over 100 characters',
			{ accountReferenceNo: 'DS1001', additionalFields: { requestInitiator: 'i'.repeat(101) } },
			'Parameter "additionalFields.requestInitiator" must be at most 100 characters long',
		],
	])('refuses %s without sending anything', async (_name, parameters, message) => {
		const run = await context.run(cancel(parameters, 'continueRegularOutput'));
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'validation',
			code: 'INVALID_PARAMETER',
			message,
		});
	});
});

describe('Debitsuccess: adjust a suspension end date', () => {
	it('sends NewEndDate at midnight before PayScheduleId', async () => {
		const run = await context.run(
			adjust({ payScheduleId: '501', newEndDate: '2026-08-20T15:30:00.000Z' }),
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
		const run = await context.run(adjust({ payScheduleId: '504', newEndDate: '' }));
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
		const run = await context.run(adjust({ payScheduleId: '501' }));
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
		const run = await context.run(adjust({ payScheduleId: '50 1' }, 'continueRegularOutput'));
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0]).message).toBe(
			'Parameter "payScheduleId" must contain only digits (1 to 19 of them)',
		);
	});
});

interface FaultCase {
	code: string;
	node: ReturnType<typeof cancel>;
	category: string;
	message: string;
	prepare?: () => void;
	credentials?: IDataObject;
}

const faults: FaultCase[] = [
	{
		code: '02',
		node: cancel({ accountReferenceNo: 'DS1001' }),
		category: 'authentication',
		message: 'Invalid user credentials',
		credentials: { password: 'wrong-password' },
	},
	{
		code: '07',
		node: cancel({ externalAccountReferenceNo: 'EXT-DUP' }),
		category: 'validation',
		message: 'Multiple accounts found with this criteria',
	},
	{
		code: '08',
		node: cancel({ accountReferenceNo: 'NOPE1' }),
		category: 'not_found',
		message: 'There is no record found with this criteria',
	},
	{
		code: '09',
		node: cancel({ accountReferenceNo: 'DS1005' }),
		category: 'provider_error',
		message: 'Failed to complete the process',
	},
	{
		code: '10',
		node: cancel({ accountReferenceNo: 'DS1002' }),
		category: 'invalid_state',
		message: 'Account is not active',
	},
	{
		code: '13141',
		node: adjust({ payScheduleId: '999' }),
		category: 'not_found',
		message: 'Suspension for given PayScheduleId not found',
	},
	{
		code: '13142',
		node: adjust({ payScheduleId: '502', newEndDate: '2026-12-01' }),
		category: 'invalid_state',
		message: 'Suspension already finished',
	},
	{
		code: '13143',
		node: adjust({ payScheduleId: '503', newEndDate: '2026-11-20' }),
		category: 'conflict',
		message: 'Adjusted suspension is overlapping with existing one',
	},
	{
		code: '13144',
		node: adjust({ payScheduleId: '501', newEndDate: '2026-07-01' }),
		category: 'validation',
		message: 'New suspension end date must not be before suspension start date',
	},
	{
		code: '13145',
		node: adjust({ payScheduleId: '501', newEndDate: '2026-06-10' }),
		category: 'validation',
		message: 'New suspension end date must not be in the past',
		// A suspension that started before the sandbox's today (2026-06-15) and is still running.
		prepare: () => {
			context.sandbox.state.debitsuccess.suspensions.get(501)!.startDate = '2026-06-01';
		},
	},
	...(
		[
			['12002', 'validation', 'Missing client first name'],
			[
				'12016',
				'validation',
				'Missing required reference number. Must provide either ExternalAccountReferenceNo or AccountReferenceNo or both.',
			],
			['13200', 'validation', 'Title field cannot be more than 10 characters long.'],
		] as const
	).map(([code, category, message]) => ({
		code,
		category,
		message,
		node: cancel({ accountReferenceNo: 'DS1001' }),
		// Codes the node's own checks keep it from provoking: the sandbox sends them on request.
		prepare: () =>
			context.sandbox.inject({
				provider: 'debitsuccess',
				status: 200,
				contentType: 'text/xml; charset=utf-8',
				body: answer('CancelAccount', 'Failed', [[code, message, 'Error']]),
			}),
	})),
];

describe.each(faults)(
	'Debitsuccess code $code',
	({ code, node, category, message, prepare, credentials }) => {
		const overrides: Record<string, IDataObject> = credentials
			? { debitsuccessApi: credentials }
			: {};

		it('gives an error item with the note code, its text and the category', async () => {
			prepare?.();
			const run = await context.run({ ...node, onError: 'continueErrorOutput' }, [{}], overrides);
			expect(run.items).toHaveLength(0);
			expect(errorOf(run.errorItems[0])).toMatchObject({
				provider: 'debitsuccess',
				resource: node.parameters.resource,
				operation: node.parameters.operation,
				httpCode: 200,
				code,
				category,
				message,
				fault: null,
				retryable: false,
			});
		});

		it('stops the workflow with the note text and [category] code', async () => {
			prepare?.();
			const run = await context.run(node, [{}], overrides);
			const error = run.error as unknown as IDataObject;
			expect(error.message).toBe(message);
			expect(String(error.description)).toMatch(new RegExp(`^\\[${category}\\] ${code}`));
		});
	},
);

describe('Debitsuccess answers that are not a plain Succeed or Failed', () => {
	it('Status Unknown is a provider_error with code UNKNOWN', async () => {
		const run = await context.run(
			cancel({ accountReferenceNo: 'DS1006' }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			code: 'UNKNOWN',
			category: 'provider_error',
			httpCode: 200,
		});
	});

	it('a SOAP Fault is a provider_error with its fault string', async () => {
		context.sandbox.inject({ provider: 'debitsuccess', status: 500 });
		const run = await context.run(
			cancel({ accountReferenceNo: 'DS1001' }, 'continueRegularOutput'),
		);
		const error = errorOf(run.items[0]);
		expect(error).toMatchObject({ code: '500', category: 'provider_error', httpCode: 500 });
		expect(String(error.description)).toMatch(/^SOAP fault code /);
	});

	it('malformed XML is a clear provider_error', async () => {
		context.sandbox.inject({
			provider: 'debitsuccess',
			status: 200,
			contentType: 'text/xml',
			body: '<s:Envelope><s:Body><Oops></s:Body>',
		});
		const run = await context.run(
			cancel({ accountReferenceNo: 'DS1001' }, 'continueRegularOutput'),
		);
		const error = errorOf(run.items[0]);
		expect(error).toMatchObject({ code: '200', category: 'provider_error', httpCode: 200 });
		expect(error.message).toMatch(
			/^Debitsuccess sent an answer that could not be read \(Malformed XML/,
		);
	});

	it('refuses an entity declaration instead of expanding it', async () => {
		context.sandbox.inject({
			provider: 'debitsuccess',
			status: 200,
			contentType: 'text/xml',
			body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
		});
		const run = await context.run(
			cancel({ accountReferenceNo: 'DS1001' }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0]).message).toMatch(/DOCTYPE declarations are not accepted/);
	});
});
