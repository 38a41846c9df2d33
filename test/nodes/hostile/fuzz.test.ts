/**
 * Issue 9, the table-driven fuzz: every operation of the four action nodes, read from the nodes'
 * Resource/Operation options, and every text, id and date field each operation shows (collection
 * members too), fed a set of hostile values. For each value the node must either refuse the item
 * (INVALID_PARAMETER naming the field, no request for it) or send its request(s) with the value
 * encoded as the wire format asks: percent-encoded in a path segment or query value, JSON-escaped
 * in a JSON body, XML-escaped in SOAP; dates as the calendar date in the zone they carry.
 *
 * One workflow run per operation: one input item per (field, value), every fuzzed parameter an
 * expression that takes the item's value when the item fuzzes it and the sample value otherwise,
 * "Continue (regular output)", one request at a time, so requests follow the input order.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { RecordedRequest } from '../../../sandbox/server';
import { useSandbox } from '../../harness/fixture';
import { ACTION_NODES, SINGULA_CUSTOMER } from '../../harness/hostile';
import { packageNode } from '../../harness/nodeStep';
import type { Provider } from '../../harness/nodeStep';
import { SAMPLES } from '../../spec/samples';

const context = useSandbox();

// ---- the hostile values -------------------------------------------------------------------------

interface HostileValue {
	label: string;
	value: string;
	/** Turned into a JavaScript Date by the expression. */
	asDate?: boolean;
}

const DATE_INSTANT = '2026-07-31T23:30:00.000Z';
const HOSTILE: HostileValue[] = [
	{ label: 'dot-dot', value: '..' },
	{ label: 'dot', value: '.' },
	{ label: 'slash', value: 'a/b' },
	{ label: 'encoded slash', value: '%2F' },
	{ label: '300 characters', value: 'x'.repeat(300) },
	{ label: 'NUL', value: 'a\u0000b' },
	{ label: 'unit separator', value: 'a\u001fb' },
	{ label: 'U+FFFE', value: 'a\uFFFEb' },
	{ label: 'lone surrogate', value: 'a\uD800b' },
	{ label: 'emoji', value: '😀👍🏽' },
	{ label: 'right-to-left', value: 'שלום \u202Eabc' },
	{ label: 'markup', value: `<x>&"'` },
	{ label: 'ISO with offset', value: '2026-07-31T01:30:00+02:00' },
	{ label: 'Date object', value: DATE_INSTANT, asDate: true },
];

/** The calendar date a date field must send for a value, or undefined when it is no date. */
function dateOf(hostile: HostileValue): string | undefined {
	if (hostile.asDate) return DATE_INSTANT.slice(0, 10); // a Date carries no zone: its UTC date
	if (hostile.label === 'ISO with offset') return '2026-07-31'; // its own zone's date
	return undefined;
}

// ---- the operations and their fields, from the node descriptions ----------------------------------

/** Valid values for the operations the conformance samples do not cover (Singula, Debitsuccess). */
const OWN_SAMPLES: Record<string, Record<string, IDataObject>> = {
	singula: {
		'contract.change': {
			customerId: SINGULA_CUSTOMER,
			contractId: '80001',
			itemCode: 'PREMIUM',
			additionalFields: { referrerId: 'ref-1' },
		},
		'contract.get': { customerId: SINGULA_CUSTOMER, contractId: '80001' },
		'contract.getMany': { customerId: SINGULA_CUSTOMER, activeOnly: true },
		'contract.getChangePaths': { customerId: SINGULA_CUSTOMER, contractId: '80001' },
		'contract.withdrawChange': { customerId: SINGULA_CUSTOMER, contractId: '80001' },
		'contract.cancel': {
			customerId: SINGULA_CUSTOMER,
			contractId: '80001',
			cancelDate: '2026-07-01',
		},
		'contract.withdrawCancellation': { customerId: SINGULA_CUSTOMER, contractId: '80001' },
		'customer.get': { getBy: 'email', value: 'ada@example.com', customerId: SINGULA_CUSTOMER },
	},
	debitsuccess: {
		'account.cancel': {
			accountReferenceNo: 'DS1001',
			externalAccountReferenceNo: 'EXT-1001',
			cancellationNote: 'Facility Request',
			additionalFields: { requestInitiator: 'n8n' },
		},
		'account.get': {
			accountReferenceNo: 'DS1001',
			externalAccountReferenceNo: 'EXT-1001',
			additionalFields: { requestInitiator: 'n8n' },
		},
		'suspension.adjustEndDate': {
			accountReferenceNo: 'DS1001',
			externalAccountReferenceNo: 'EXT-1001',
			payScheduleId: '501',
			newEndDate: '2026-08-20',
			additionalFields: { requestInitiator: 'n8n' },
		},
		'suspension.create': {
			accountReferenceNo: 'DS1001',
			externalAccountReferenceNo: 'EXT-1001',
			minimumEffectiveDate: '2026-07-01',
			numberOfPaymentCycles: 2,
			additionalFields: { requestInitiator: 'n8n' },
		},
	},
};

/** A field the fuzz feeds: its label in error messages, and how to set it in the parameters. */
interface FuzzField {
	label: string;
	/** The top-level parameter, and the member inside it for a collection. */
	name: string;
	member?: string;
	isDate: boolean;
}

const valuesOf = (property: INodeProperties | undefined) =>
	((property?.options ?? []) as INodePropertyOptions[]).map((option) => String(option.value));

/** Whether a property takes free text (or a date): a string, a date, or a dropdown of provider values. */
const isFuzzable = (property: INodeProperties) =>
	property.type === 'string' ||
	property.type === 'dateTime' ||
	(property.type === 'options' && property.typeOptions?.loadOptionsMethod !== undefined);

/** Dates: date pickers, and the dropdown of Magicline's cancelation dates. */
const isDateField = (property: INodeProperties) =>
	property.type === 'dateTime' || property.name === 'cancelationDate';

function shownFor(properties: INodeProperties[], values: IDataObject): INodeProperties[] {
	return properties.filter((property) =>
		Object.entries(property.displayOptions?.show ?? {}).every(([name, allowed]) =>
			(allowed as unknown[]).includes(values[name]),
		),
	);
}

function fuzzFields(properties: INodeProperties[], values: IDataObject): FuzzField[] {
	return shownFor(properties, values).flatMap((property): FuzzField[] => {
		if (property.type === 'collection' && property.name !== 'options') {
			return ((property.options ?? []) as INodeProperties[]).filter(isFuzzable).map((member) => ({
				label: `${property.name}.${member.name}`,
				name: property.name,
				member: member.name,
				isDate: isDateField(member),
			}));
		}
		if (!isFuzzable(property)) return [];
		return [{ label: property.name, name: property.name, isDate: isDateField(property) }];
	});
}

interface FuzzOperation {
	provider: Provider;
	key: string;
	parameters: IDataObject;
	fields: FuzzField[];
}

const OPERATIONS: FuzzOperation[] = ACTION_NODES.flatMap(({ provider, properties }) => {
	const resources = valuesOf(properties.find((property) => property.name === 'resource'));
	return resources.flatMap((resource) =>
		valuesOf(
			properties.find(
				(property) =>
					property.name === 'operation' &&
					(property.displayOptions?.show?.resource ?? []).includes(resource),
			),
		).map((operation) => {
			const key = `${resource}.${operation}`;
			const sample = SAMPLES[provider]?.[key] ?? OWN_SAMPLES[provider]?.[key];
			const variant = (Array.isArray(sample) ? sample[0] : sample) ?? {};
			const parameters: IDataObject = {
				resource,
				operation,
				...variant,
				// One record is enough; a 60 ms pace between requests is not what is tested here.
				...(variant.returnAll !== undefined ? { returnAll: false, limit: 1 } : {}),
				options: { maxRequestsPerMinute: 0, maxRetries: 0 },
			};
			return { provider, key, parameters, fields: fuzzFields(properties, parameters) };
		}),
	);
});

// ---- one run per operation ----------------------------------------------------------------------

/** How many requests one accepted item sends (Create or Update looks the reference up first). */
const REQUESTS_PER_ITEM: Record<string, number> = { 'accessPaySuite customer.upsert': 2 };

/** An expression giving the item's hostile value when the item fuzzes `label`, else `fallback`. */
function fuzzedExpression(label: string, fallback: unknown): string {
	const otherwise = fallback === undefined ? '""' : JSON.stringify(fallback);
	return `={{ $json.field === ${JSON.stringify(label)} ? ($json.asDate ? new Date($json.value) : $json.value) : ${otherwise} }}`;
}

function fuzzedParameters(operation: FuzzOperation): IDataObject {
	const parameters: IDataObject = structuredClone(operation.parameters);
	for (const field of operation.fields) {
		if (field.member) {
			const collection = (parameters[field.name] ?? {}) as IDataObject;
			collection[field.member] = fuzzedExpression(field.label, collection[field.member]);
			parameters[field.name] = collection;
		} else {
			parameters[field.name] = fuzzedExpression(field.label, parameters[field.name]);
		}
	}
	return parameters;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The texts of a SOAP body's elements, entities decoded; undefined for one with a bare & or <. */
function elementTexts(body: string): Array<string | undefined> {
	return [...body.matchAll(/>([^<]*)<\//g)].map(([, raw]) =>
		/&(?!(amp|lt|gt|quot|apos);)/.test(raw)
			? undefined
			: raw.replace(/&(amp|lt|gt|quot|apos);/g, (_entity, name: string) => ENTITIES[name]),
	);
}

/** Whether the text is on the wire of these requests in the encoding its place there asks for. */
function onTheWire(provider: Provider, requests: RecordedRequest[], text: string, isDate: boolean) {
	return requests.some((request) => {
		if (provider === 'debitsuccess') {
			return elementTexts(request.body).includes(isDate ? `${text}T00:00:00` : text);
		}
		const encoded = encodeURIComponent(text);
		// The URL parser also percent-encodes ' in a query (WHATWG's special-query set): same text.
		const inQuery = encoded.replace(/'/g, '%27');
		return (
			request.path.split('/').includes(encoded) ||
			request.rawQuery.split('&').some((pair) => pair.slice(pair.indexOf('=') + 1) === inQuery) ||
			request.body.includes(JSON.stringify(text))
		);
	});
}

interface Verdict {
	field: string;
	value: string;
	/** A Date object fed to a field that takes text, not a date. */
	dateInTextField: boolean;
	outcome: string;
}

/** What happened to one input item: refused properly, sent properly, or what went wrong. */
function judge(
	operation: FuzzOperation,
	field: FuzzField,
	hostile: HostileValue,
	error: IDataObject | undefined,
	requests: RecordedRequest[],
): string {
	if (error?.code === 'INVALID_PARAMETER') {
		return String(error.message).includes(`"${field.label}"`)
			? 'refused'
			: `refused naming another parameter: ${String(error.message)}`;
	}
	if (requests.length === 0) return `no request and no validation error: ${JSON.stringify(error)}`;
	const expected = field.isDate ? dateOf(hostile) : hostile.asDate ? DATE_INSTANT : hostile.value;
	if (expected === undefined) return `sent a value that is no date: ${JSON.stringify(requests)}`;
	return onTheWire(operation.provider, requests, expected, field.isDate)
		? 'sent'
		: `not on the wire as ${JSON.stringify(expected)}: ${requests.map((r) => `${r.method} ${r.path}?${r.rawQuery} ${r.body.slice(0, 300)}`).join(' | ')}`;
}

it('covers every operation of the four action nodes', () => {
	const byProvider = (provider: Provider) =>
		OPERATIONS.filter((operation) => operation.provider === provider).length;
	expect(byProvider('accessPaySuite')).toBeGreaterThanOrEqual(19);
	expect(byProvider('magicline')).toBeGreaterThanOrEqual(11);
	expect(byProvider('singula')).toBeGreaterThanOrEqual(8);
	expect(byProvider('debitsuccess')).toBeGreaterThanOrEqual(4);
	const total = OPERATIONS.reduce((sum, operation) => sum + operation.fields.length, 0);
	expect(total * HOSTILE.length).toBeLessThan(3000);
});

/** Runs the operation once on every (field, value) item and judges each item; memoized per operation. */
const verdicts = new Map<FuzzOperation, Promise<Verdict[]>>();
function fuzz(operation: FuzzOperation): Promise<Verdict[]> {
	if (!verdicts.has(operation)) verdicts.set(operation, runFuzz(operation));
	return verdicts.get(operation)!;
}

async function runFuzz(operation: FuzzOperation): Promise<Verdict[]> {
	const inputs = operation.fields.flatMap((field) =>
		HOSTILE.map((hostile) => ({ field, hostile })),
	);
	const run = await context.run(
		{
			...packageNode(operation.provider, fuzzedParameters(operation)),
			onError: 'continueRegularOutput',
		},
		inputs.map(({ field, hostile }) => ({
			field: field.label,
			value: hostile.value,
			asDate: hostile.asDate ?? false,
		})),
	);
	expect(run.error).toBeUndefined();
	const perItem = REQUESTS_PER_ITEM[`${operation.provider} ${operation.key}`] ?? 1;
	let consumed = 0;
	const judged = inputs.map(({ field, hostile }, index): Verdict => {
		const error = run.items
			.filter((item) => (item.pairedItem as { item: number }).item === index)
			.map((item) => item.json.error as IDataObject)
			.find(Boolean);
		const requests =
			error?.code === 'INVALID_PARAMETER' ? [] : run.requests.slice(consumed, consumed + perItem);
		consumed += requests.length;
		return {
			field: field.label,
			value: hostile.label,
			dateInTextField: hostile.asDate === true && !field.isDate,
			outcome: judge(operation, field, hostile, error, requests),
		};
	});
	expect(consumed).toBe(run.requests.length);
	return judged;
}

/** The verdicts of these operations, run one after the other (requests must follow input order). */
async function fuzzAll(operations: FuzzOperation[]): Promise<Verdict[]> {
	const judged: Verdict[] = [];
	for (const operation of operations) judged.push(...(await fuzz(operation)));
	return judged;
}

const wrongOnes = (judged: Verdict[]) =>
	judged
		.filter((verdict) => verdict.outcome !== 'refused' && verdict.outcome !== 'sent')
		.map(({ field, value, outcome }) => ({ field, value, outcome }));

const FUZZED = OPERATIONS.filter((operation) => operation.fields.length > 0);

it('fuzzes at least one field of most operations, and sends some values and refuses others', async () => {
	expect(FUZZED.length).toBeGreaterThanOrEqual(35);
	const judged = await fuzzAll(FUZZED.slice(0, 3));
	expect(judged.filter((verdict) => verdict.outcome === 'sent').length).toBeGreaterThan(0);
	expect(judged.filter((verdict) => verdict.outcome === 'refused').length).toBeGreaterThan(0);
});

describe.each(FUZZED.map((operation) => [operation.provider, operation.key, operation] as const))(
	'%s %s',
	(_provider, _key, operation) => {
		it('each hostile value in each of its fields is refused by name or sent encoded', async () => {
			const judged = await fuzz(operation);
			expect(wrongOnes(judged.filter((verdict) => !verdict.dateInTextField))).toEqual([]);
		});
	},
);

// A JavaScript Date from an expression in a text or id field is its ISO text on the wire.
it('a Date object in a text field is sent as its ISO text (or refused), in every operation', async () => {
	const judged = await fuzzAll(FUZZED);
	expect(wrongOnes(judged.filter((verdict) => verdict.dateInTextField))).toEqual([]);
});
