/**
 * Issue 9, classes 6, 8, 9, 10 and 11: odd input from the user or an expression. Each either goes
 * on the wire in its canonical form, or is refused as INVALID_PARAMETER naming the parameter with
 * nothing sent.
 */
import { DateTime } from 'luxon';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { RecordedRequest } from '../../../sandbox/server';
import { errorOf, useSandbox } from '../../harness/fixture';
import type { NodeRun } from '../../harness/fixture';
import {
	ACTION_NODES,
	DDCMS_ACTIVE,
	REFUSED,
	SINGULA_CUSTOMER,
	writeStep,
} from '../../harness/hostile';
import { nodeStep } from '../../harness/nodeStep';
import type { Provider } from '../../harness/nodeStep';
import type { NodeUnderTest } from '../../harness/workflow';

const context = useSandbox();

/** The run refused its only item naming `parameter`, and sent nothing. */
function expectRefused(run: NodeRun, parameter: string): void {
	expect(run.requests).toHaveLength(0);
	const error = errorOf(run.items[0]);
	expect(error).toMatchObject(REFUSED);
	expect(String(error.message)).toContain(`"${parameter}"`);
}

const withParameters = (step: NodeUnderTest, parameters: IDataObject): NodeUnderTest => ({
	...step,
	parameters: { ...step.parameters, ...parameters },
});

describe('class 6: dot segments in ids', () => {
	const cases: Array<[string, NodeUnderTest, string]> = [
		['DDCMS cancelSchedule', writeStep('accessPaySuite'), 'contractId'],
		[
			'DDCMS customer get',
			nodeStep('accessPaySuite', 'customer', 'get', {}, 'continueRegularOutput'),
			'customerId',
		],
		[
			'DDCMS payment get',
			nodeStep(
				'accessPaySuite',
				'payment',
				'get',
				{ contractId: DDCMS_ACTIVE },
				'continueRegularOutput',
			),
			'paymentId',
		],
		[
			'DDCMS payment get (contract)',
			nodeStep(
				'accessPaySuite',
				'payment',
				'get',
				{ paymentId: 'd0000000-0000-4000-8000-000000000001' },
				'continueRegularOutput',
			),
			'contractId',
		],
		['Magicline module cancel', writeStep('magicline'), 'additionalModuleContractId'],
		['Singula change', writeStep('singula'), 'customerId'],
	];
	describe.each(cases)('%s', (_label, step, parameter) => {
		it.each(['..', '.', '={{ ".." }}', '={{ "." }}'])(
			`${parameter} %j is INVALID_PARAMETER, nothing sent`,
			async (value) => {
				const run = await context.run(withParameters(step, { [parameter]: value }));
				expectRefused(run, parameter);
			},
		);
	});

	it('an encoded dot segment is sent encoded, as the literal text it is', async () => {
		const run = await context.run(
			withParameters(writeStep('accessPaySuite'), { contractId: '%2E%2E' }),
		);
		expect(run.requests.map((request) => request.path)).toEqual([
			'/ddcms/api/v3/client/DEMO/contract/%252E%252E/cancelSchedule',
		]);
	});
});

describe('class 8: integers with leading zeros go into JSON as the canonical integer', () => {
	it('Magicline cancelationReasonId "0012" is written 12', async () => {
		const run = await context.run(
			withParameters(writeStep('magicline'), { cancelationReasonId: '0012' }),
		);
		expect(run.requests[0].body).toBe('{"cancelationDate":"2026-07-31","cancelationReasonId":12}');
	});

	it('Magicline membership cancel: contractId "005001" and reason "01001" are 5001 and 1001', async () => {
		const run = await context.run(
			nodeStep('magicline', 'membership', 'cancel', {
				customerId: '9001',
				contractId: '005001',
				cancelationDate: '2026-07-31',
				cancelationReasonId: '01001',
			}),
		);
		expect(run.requests[0].body).toBe(
			'{"contractId":5001,"cancelationDate":"2026-07-31","cancelationReasonId":1001}',
		);
	});

	it('"0" stays 0 and 19 digits stay exact', async () => {
		const run = await context.run(
			withParameters(writeStep('magicline'), { cancelationReasonId: '={{ $json.id }}' }),
			[{ id: '0000' }, { id: '9223372036854775807' }],
		);
		expect(
			run.requests.map((request) => JSON.parse(request.body.replace(/(\d{16,})/, '"$1"'))),
		).toEqual([
			{ cancelationDate: '2026-07-31', cancelationReasonId: 0 },
			{ cancelationDate: '2026-07-31', cancelationReasonId: '9223372036854775807' },
		]);
	});
});

describe('class 9: dates from expressions are cut to the date in their own zone', () => {
	/** Where each provider puts one date parameter on the wire. */
	const DATE_FIELDS: Array<{
		provider: Provider;
		step: (date: string) => NodeUnderTest;
		wire: (request: RecordedRequest) => string | undefined;
		format: (date: string) => string;
	}> = [
		{
			provider: 'magicline',
			step: (date) => withParameters(writeStep('magicline'), { cancelationDate: date }),
			wire: (request) => JSON.parse(request.body).cancelationDate,
			format: (date) => date,
		},
		{
			provider: 'singula',
			step: (date) =>
				nodeStep(
					'singula',
					'contract',
					'cancel',
					{ customerId: SINGULA_CUSTOMER, contractId: '80001', cancelDate: date },
					'continueRegularOutput',
				),
			wire: (request) => JSON.parse(request.body).cancelDate,
			format: (date) => date,
		},
		{
			provider: 'accessPaySuite',
			step: (date) =>
				nodeStep(
					'accessPaySuite',
					'payment',
					'create',
					{ contractId: DDCMS_ACTIVE, amount: '15.00', date, comment: 'Joining fee' },
					'continueRegularOutput',
				),
			wire: (request) => request.query.date,
			format: (date) => date,
		},
		{
			provider: 'debitsuccess',
			step: (date) =>
				nodeStep(
					'debitsuccess',
					'suspension',
					'adjustEndDate',
					{ accountReferenceNo: 'DS1001', payScheduleId: '501', newEndDate: date },
					'continueRegularOutput',
				),
			wire: (request) => /<deb1:NewEndDate>([^<]*)</.exec(request.body)?.[1],
			format: (date) => `${date}T00:00:00`,
		},
	];
	const in30Days = (zone: string) =>
		DateTime.now().setZone(zone).plus({ days: 30 }).toISODate() as string;
	const EXPRESSIONS: Array<[string, () => string]> = [
		["={{ DateTime.fromISO('2026-07-31T01:30:00+02:00', { setZone: true }) }}", () => '2026-07-31'],
		["={{ DateTime.fromISO('2026-07-31T23:30:00-05:00', { setZone: true }) }}", () => '2026-07-31'],
		[
			"={{ $now.setZone('Pacific/Kiritimati').plus({ days: 30 }) }}",
			() => in30Days('Pacific/Kiritimati'),
		],
		[
			"={{ $now.setZone('Pacific/Pago_Pago').plus({ days: 30 }) }}",
			() => in30Days('Pacific/Pago_Pago'),
		],
		['2026-07-31T23:30:00-05:00', () => '2026-07-31'],
		['2026-07-31T01:30:00+02:00', () => '2026-07-31'],
		// A JavaScript Date carries no zone: its UTC date.
		["={{ new Date('2026-07-31T23:30:00Z') }}", () => '2026-07-31'],
	];

	describe.each(DATE_FIELDS.map((field) => [field.provider, field] as const))(
		'%s',
		(_provider, field) => {
			it.each(EXPRESSIONS)('%s', async (expression, expected) => {
				const run = await context.run(field.step(expression));
				expect(run.requests).toHaveLength(1);
				expect(field.wire(run.requests[0])).toBe(field.format(expected()));
			});

			it('={{ $now.plus({ days: 30 }) }} is accepted as the date 30 days ahead', async () => {
				const run = await context.run(field.step('={{ $now.plus({ days: 30 }) }}'));
				expect(run.requests).toHaveLength(1);
				// $now is in the workflow's zone; whatever it is, the date is one of these.
				const candidates = ['Pacific/Kiritimati', 'UTC', 'Pacific/Pago_Pago'].map(in30Days);
				expect(candidates.map(field.format)).toContain(field.wire(run.requests[0]));
			});
		},
	);
});

describe('class 10: Singula extraBody is data', () => {
	const change = (extraBody: string) =>
		withParameters(writeStep('singula'), { additionalFields: { extraBody } });

	it('a value shaped like the raw-integer marker is sent as the string it is', async () => {
		const run = await context.run(change('{"rawInteger":"1,\\"itemCode\\":\\"X\\""}'));
		const body = JSON.parse(run.requests[0].body);
		expect(body).toEqual({ itemCode: 'PREMIUM', rawInteger: '1,"itemCode":"X"' });
	});

	it('a tenant field cannot replace the node’s own itemCode', async () => {
		const run = await context.run(change('{"itemCode":"X","tenantRef":"T-1"}'));
		expect(run.requests[0].body).toBe('{"itemCode":"PREMIUM","tenantRef":"T-1"}');
	});

	it('12345678901234567890 is sent with every digit', async () => {
		const run = await context.run(change('{"big":12345678901234567890}'));
		expect(run.requests[0].body).toBe('{"itemCode":"PREMIUM","big":12345678901234567890}');
	});

	it('large integers nested in objects and arrays, negative too, keep every digit', async () => {
		const run = await context.run(
			change('{"big":12345678901234567890,"nested":{"list":[-98765432109876543210,1.5]}}'),
		);
		expect(run.requests[0].body).toBe(
			'{"itemCode":"PREMIUM","big":12345678901234567890,"nested":{"list":[-98765432109876543210,1.5]}}',
		);
	});

	it('keys named like Object.prototype members are kept', async () => {
		const run = await context.run(change('{"constructor":"c","toString":"t","hasOwnProperty":1}'));
		expect(run.requests[0].body).toBe(
			'{"itemCode":"PREMIUM","constructor":"c","toString":"t","hasOwnProperty":1}',
		);
	});

	it('20,000-deep nesting is INVALID_PARAMETER naming additionalFields.extraBody, nothing sent', async () => {
		const deep = `${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}`;
		const run = await context.run(change(deep));
		expectRefused(run, 'additionalFields.extraBody');
		expect(String(errorOf(run.items[0]).message)).toMatch(/nested/);
	});

	it('20,000-deep arrays inside strings are only text, and are sent', async () => {
		const text = '['.repeat(20000);
		const run = await context.run(change(JSON.stringify({ note: text })));
		expect(JSON.parse(run.requests[0].body).note).toBe(text);
	});
});

describe('class 11: characters no provider can take', () => {
	const UNSENDABLE: Array<[string, string]> = [
		['NUL', 'a\u0000b'],
		['a C0 control', 'a\u001fb'],
		['BEL', 'a\u0007b'],
		['U+FFFE', 'a\uFFFEb'],
		['U+FFFF', 'a\uFFFFb'],
		['a lone high surrogate', 'a\uD83Db'],
		['a lone low surrogate', 'a\uDE00b'],
	];
	const FIELDS: Array<[string, NodeUnderTest, string, (value: string) => IDataObject]> = [
		[
			'Debitsuccess SOAP',
			writeStep('debitsuccess'),
			'cancellationNote',
			(value) => ({ cancellationNote: value }),
		],
		[
			'Debitsuccess SOAP',
			writeStep('debitsuccess'),
			'accountReferenceNo',
			(value) => ({ accountReferenceNo: value }),
		],
		[
			'Debitsuccess SOAP',
			writeStep('debitsuccess'),
			'additionalFields.requestInitiator',
			(value) => ({ additionalFields: { requestInitiator: value } }),
		],
		[
			'DDCMS query',
			nodeStep(
				'accessPaySuite',
				'contract',
				'restartSchedule',
				{ contractId: 'a0000000-0000-4000-8000-000000000002' },
				'continueRegularOutput',
			),
			'comment',
			(value) => ({ comment: value }),
		],
		[
			'DDCMS query',
			nodeStep(
				'accessPaySuite',
				'customer',
				'search',
				{ returnAll: true },
				'continueRegularOutput',
			),
			'filters.surname',
			(value) => ({ filters: { surname: value } }),
		],
		['DDCMS path', writeStep('accessPaySuite'), 'contractId', (value) => ({ contractId: value })],
		[
			'Magicline JSON',
			nodeStep('magicline', 'customer', 'search', { returnAll: true }, 'continueRegularOutput'),
			'firstName',
			(value) => ({ firstName: value }),
		],
		[
			'Singula JSON',
			writeStep('singula'),
			'additionalFields.referrerId',
			(value) => ({ additionalFields: { referrerId: value } }),
		],
	];
	describe.each(FIELDS)('%s %s', (_label, step, parameter, parameters) => {
		it.each(UNSENDABLE)(
			'%s is INVALID_PARAMETER naming the field, nothing sent',
			async (_name, value) => {
				const run = await context.run(withParameters(step, parameters(value)));
				expectRefused(run, parameter);
			},
		);
	});

	it('tab, line breaks and a whole emoji are fine in a SOAP note, XML-escaped', async () => {
		const run = await context.run(
			withParameters(writeStep('debitsuccess'), { cancellationNote: 'a\tb\n😀<&>' }),
		);
		expect(run.requests[0].body).toContain(
			'<deb1:CancellationNote>a\tb\n😀&lt;&amp;&gt;</deb1:CancellationNote>',
		);
	});
});

describe('class 9: the date fields say which date is taken', () => {
	/** Every date field of the action nodes (collection members too), as `node resource.operation field`. */
	const dateFields = ACTION_NODES.flatMap(({ provider: name, properties }) => {
		return properties.flatMap((property) => {
			const members =
				property.type === 'collection'
					? ((property.options ?? []) as INodeProperties[])
					: [property];
			const where = `${name} ${property.displayOptions?.show?.resource ?? ''}.${property.displayOptions?.show?.operation ?? ''}`;
			return members
				.filter((member) => member.type === 'dateTime' || member.name === 'cancelationDate')
				.map((member) => ({
					field: `${where} ${member.name}`,
					description: member.description ?? '',
				}));
		});
	});

	it('finds the date fields of all four nodes', () => {
		expect(dateFields.length).toBeGreaterThanOrEqual(12);
	});

	it('every date field description says the date is taken in its own time zone', () => {
		const silent = dateFields.filter(({ description }) => !/time zone/i.test(description));
		expect(silent.map(({ field }) => field)).toEqual([]);
	});
});
