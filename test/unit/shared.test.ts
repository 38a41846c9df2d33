import { singulaSignature } from '../../common/singula';
import { retryDelayMs } from '../../nodes/shared/transport/http';
import {
	parseBody,
	parseJsonKeepingLargeIntegers,
	rawInteger,
	toJsonText,
} from '../../nodes/shared/wire/json';
import { ItemParameters } from '../../nodes/shared/engine/parameters';
import { urlProblem as insecureUrlReason } from '../../common/url';
import { escapeXml, parseXml } from '../../nodes/shared/wire/xml';

describe('Singula HMAC signature (public test vector)', () => {
	it.each([
		['GET', 'F1DDF5074C308F8AE0FBC9276B2DD4BE32BC7AD6EB5EA95A5B2DEEA3A21ADB1F'],
		['PATCH', 'DDB91529F8F7DB674697CCB147041673AFB3810CF30A52EF147F42045D01C400'],
		['POST', 'EF6FEE99F26A66493D12D350BEEC335E38B70F11F54BA46CCF688EC1AFDB8E16'],
	])('%s', (method, expected) => {
		expect(singulaSignature('secret', '1580674802', method, '/api/get/päth')).toBe(expected);
	});
});

describe('retry waits', () => {
	const response = (retryAfter?: string) => ({
		statusCode: 429,
		headers: retryAfter ? { 'retry-after': retryAfter } : {},
		body: '',
	});

	it('uses Retry-After seconds', () => expect(retryDelayMs(response('2'), 0)).toBe(2000));
	it('uses Retry-After as an HTTP date', () => {
		const now = Date.parse('2026-06-15T10:00:00Z');
		expect(retryDelayMs(response('Mon, 15 Jun 2026 10:00:05 GMT'), 0, now)).toBe(5000);
	});
	it('caps every wait at 30 s', () => {
		expect(retryDelayMs(response('3600'), 0)).toBe(30000);
		expect(retryDelayMs(response(), 20)).toBe(30000);
	});
	it('backs off exponentially with jitter without Retry-After', () => {
		for (const attempt of [0, 1, 2, 3]) {
			const delay = retryDelayMs(response(), attempt);
			expect(delay).toBeGreaterThanOrEqual(250 * 2 ** attempt);
			expect(delay).toBeLessThanOrEqual(500 * 2 ** attempt);
		}
	});
});

describe('JSON with int64 ids', () => {
	it('writes raw integers exactly and leaves out undefined members', () => {
		expect(
			toJsonText({ a: rawInteger('9007199254740993'), b: undefined, c: 'x"y', d: [true, null] }),
		).toBe('{"a":9007199254740993,"c":"x\\"y","d":[true,null]}');
	});
	it('reads integers beyond 2^53 as exact strings, leaving others alone', () => {
		expect(
			parseJsonKeepingLargeIntegers(
				'{"id":9007199254740993,"n":42,"f":1.5,"s":"9007199254740993","neg":-9223372036854775807}',
			),
		).toEqual({
			id: '9007199254740993',
			n: 42,
			f: 1.5,
			s: '9007199254740993',
			neg: '-9223372036854775807',
		});
	});
	it('parses a JSON string, plain text and nothing', () => {
		expect(parseBody('"done"')).toBe('done');
		expect(parseBody('done')).toBe('done');
		expect(parseBody('  ')).toBeNull();
	});
});

describe('XML', () => {
	it('escapes the five special characters', () =>
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
		));
	it('reads by local name with any prefix, entities, character references and CDATA', () => {
		const root = parseXml(
			'<?xml version="1.0"?><p:A xmlns:p="u"><!-- c --><q:B a=">">x &amp; &#65;&#x42;<![CDATA[<raw>]]></q:B><C/></p:A>',
		);
		expect(root.localName).toBe('A');
		expect(root.children.map((child) => [child.localName, child.text])).toEqual([
			['B', 'x & AB<raw>'],
			['C', ''],
		]);
	});
	it.each([['<a><b></a>'], ['<a>&unknown;</a>'], ['<a></a><b/>'], ['text'], ['<a']])(
		'refuses malformed %s',
		(xml) => {
			expect(() => parseXml(xml)).toThrow(/Malformed XML/);
		},
	);
});

describe('parameters', () => {
	const read = (values: Record<string, unknown>) => new ItemParameters((name) => values[name]);
	it('cuts a timestamp to its date and checks the calendar', () => {
		expect(read({ d: '2026-08-31T23:30:00.000-05:00' }).date('d')).toBe('2026-08-31');
		expect(read({ d: new Date('2026-02-03T00:00:00Z') }).date('d')).toBe('2026-02-03');
		expect(() => read({ d: '2026-02-29' }).date('d')).toThrow(
			'Parameter "d" must be a date in the form YYYY-MM-DD',
		);
	});
	it('keeps digits as typed, and refuses more than 19', () => {
		expect(read({ id: '9007199254740993' }).digits('id')).toBe('9007199254740993');
		expect(read({ id: 42 }).digits('id')).toBe('42');
		expect(() => read({ id: '1'.repeat(20) }).digits('id')).toThrow(/only digits/);
	});
});

describe('base URLs', () => {
	it.each([
		['https://api.example.com', undefined],
		['http://localhost:5680/x', undefined],
		['http://127.0.0.53', undefined],
		['http://[::1]:8080', undefined],
	])('allows %s', (url, reason) => expect(insecureUrlReason(url)).toBe(reason));
	it.each([['http://example.com'], ['http://192.168.1.10'], ['ftp://example.com'], ['not a url']])(
		'refuses %s',
		(url) => {
			expect(insecureUrlReason(url)).toBeDefined();
		},
	);
});

describe('webhook secrets', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { secretMatches } =
		require('../../nodes/shared/webhook/webhook') as typeof import('../../nodes/shared/webhook/webhook');
	it('matches only the same text, whatever the lengths', () => {
		expect(secretMatches('s3cret', 's3cret')).toBe(true);
		expect(secretMatches('s3cret', 's3cret2')).toBe(false);
		expect(secretMatches('', '')).toBe(false);
		expect(secretMatches(undefined, 'x')).toBe(false);
	});
});
