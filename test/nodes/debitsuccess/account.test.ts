import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import { errorOf, useSandbox } from '../../harness/fixture';
import { cancelAccount, envelope, members, USER } from '../../harness/debitsuccess';
import { nodeStep } from '../../harness/nodeStep';

const context = useSandbox();

describe('Debitsuccess: get an account', () => {
	it('asks GetCustomerAccountByAccountId and gives one item per account, keys camelCased', async () => {
		const run = await context.run(
			nodeStep('debitsuccess', 'account', 'get', { accountReferenceNo: 'DS1001' }),
		);
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
			nodeStep('debitsuccess', 'account', 'get', { externalAccountReferenceNo: 'EXT-DUP' }),
		);
		expect(run.items.map((item) => [item.json.accountCode, item.pairedItem])).toEqual([
			['DS1003', { item: 0 }],
			['DS1004', { item: 0 }],
		]);
	});

	it('an unknown account is not_found (08)', async () => {
		const run = await context.run(
			nodeStep(
				'debitsuccess',
				'account',
				'get',
				{ accountReferenceNo: 'NOPE' },
				'continueRegularOutput',
			),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			code: '08',
			category: 'not_found',
			operation: 'get',
		});
	});
});

describe('Debitsuccess: cancel an account', () => {
	it('posts the SOAP envelope in WCF element order, with the credentials filled in by the credential', async () => {
		const run = await context.run(cancelAccount({ accountReferenceNo: 'DS1001' }));

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
			cancelAccount(
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
					`<deb1:User><deb1:Password>p&amp;ss&lt;$&amp;&gt;word</deb1:Password><deb1:Username>${SANDBOX_CREDENTIALS.debitsuccess.username}</deb1:Username></deb1:User>` +
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
			cancelAccount({
				accountReferenceNo: 'DS1001',
				cancellationNote: 'Transferred to Wellington',
			}),
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
		const run = await context.run(cancelAccount(parameters, 'continueRegularOutput'));
		expect(run.requests).toHaveLength(0);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'validation',
			code: 'INVALID_PARAMETER',
			message,
		});
	});
});

describe('Debitsuccess answers that are not a plain Succeed or Failed', () => {
	it('Status Unknown is a provider_error with code UNKNOWN', async () => {
		const run = await context.run(
			cancelAccount({ accountReferenceNo: 'DS1006' }, 'continueRegularOutput'),
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
			cancelAccount({ accountReferenceNo: 'DS1001' }, 'continueRegularOutput'),
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
			cancelAccount({ accountReferenceNo: 'DS1001' }, 'continueRegularOutput'),
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
			cancelAccount({ accountReferenceNo: 'DS1001' }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0]).message).toMatch(/DOCTYPE declarations are not accepted/);
	});
});
