import { describe, expect, it } from '@jest/globals';
import { JsonNumber, num, parseJsonLossless, toJson } from '../../sandbox/json';
import {
	attributeValue,
	childElements,
	parseXml,
	textContent,
	writeXml,
	XmlCData,
	xmlElement,
	XmlParseError,
} from '../../sandbox/xml';

describe('XML reader', () => {
	it('resolves prefixes to namespace URIs, including default and redeclared namespaces', () => {
		const root = parseXml(
			'<?xml version="1.0" encoding="utf-8"?>\n<p:a xmlns:p="urn:one" xmlns="urn:default"><b/><p:c xmlns:p="urn:two"/><d xmlns=""/></p:a>',
		);
		expect([root.namespace, root.localName, root.prefix]).toEqual(['urn:one', 'a', 'p']);
		expect(childElements(root).map((child) => [child.localName, child.namespace])).toEqual([
			['b', 'urn:default'],
			['c', 'urn:two'],
			['d', null],
		]);
	});

	it('decodes entities, character references and CDATA', () => {
		const root = parseXml('<a>&amp;&lt;&gt;&quot;&apos;&#65;&#x42;<![CDATA[<raw & text>]]></a>');
		expect(textContent(root)).toBe('&<>"\'AB<raw & text>');
	});

	it('reads attributes with namespaces and entities', () => {
		const root = parseXml('<a xmlns:i="urn:i" i:nil="true" plain=\'x &amp; y\'/>');
		expect(attributeValue(root, 'urn:i', 'nil')).toBe('true');
		expect(attributeValue(root, null, 'plain')).toBe('x & y');
	});

	it.each([
		['<a><b></a>', 'mismatched end tag'],
		['<p:a/>', 'undeclared prefix'],
		['<a>&nbsp;</a>', 'unknown entity'],
		['<a>x & y</a>', 'bare ampersand'],
		['<a></a><b/>', 'two roots'],
		['<a x="1" x="2"/>', 'duplicate attribute'],
		['<!DOCTYPE a><a/>', 'DTD'],
		['<a>', 'unclosed element'],
	])('rejects %s (%s)', (xml) => {
		expect(() => parseXml(xml)).toThrow(XmlParseError);
	});
});

describe('XML writer', () => {
	it('escapes text and attributes and splits ]]> inside CDATA', () => {
		const xml = writeXml(
			xmlElement(
				'a',
				{ title: 'say "hi" & <bye>' },
				'x < y & z',
				new XmlCData('keep ]]> this'),
				xmlElement('empty'),
			),
		);
		expect(xml).toBe(
			'<a title="say &quot;hi&quot; &amp; &lt;bye&gt;">x &lt; y &amp; z<![CDATA[keep ]]]]><![CDATA[> this]]><empty/></a>',
		);
		expect(textContent(parseXml(xml))).toBe('x < y & zkeep ]]> this');
	});
});

describe('lossless JSON', () => {
	it('keeps integers above 2^53 and decimal text exact in both directions', () => {
		const value = parseJsonLossless(
			'{"id":9007199254740993,"amount":25.00,"list":[1,"two",null,true]}',
		) as Record<string, unknown>;
		expect(value.id).toEqual(new JsonNumber('9007199254740993'));
		expect(toJson(value)).toBe('{"id":9007199254740993,"amount":25.00,"list":[1,"two",null,true]}');
		expect(
			toJson({ id: num('9007199254740993'), skipped: undefined, map: new Map([['k', 1]]) }),
		).toBe('{"id":9007199254740993,"map":{"k":1}}');
	});

	it.each(['', '{', '{"a":1,}', "{'a':1}", '01', '{"a":1} x'])('rejects %p', (text) => {
		expect(() => parseJsonLossless(text)).toThrow();
	});
});
