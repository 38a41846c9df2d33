/**
 * A small namespace-aware XML reader and an escaping XML writer, enough for SOAP 1.1.
 *
 * Written here (not borrowed from the package) so the sandbox is an independent implementation: it resolves
 * prefixes to namespace URIs, so a client must put each element in the right namespace, whatever prefix it uses.
 */

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export interface XmlAttribute {
	qName: string;
	localName: string;
	/** Namespace URI; unprefixed attributes have none. */
	namespace: string | null;
	value: string;
}

export interface XmlElement {
	kind: 'element';
	qName: string;
	prefix: string | null;
	localName: string;
	/** The namespace URI the prefix (or default namespace) resolved to. */
	namespace: string | null;
	attributes: XmlAttribute[];
	children: XmlNode[];
}

export interface XmlText {
	kind: 'text';
	text: string;
}

export type XmlNode = XmlElement | XmlText;

export class XmlParseError extends Error {}

const NAME_START = 'A-Za-z_\\u00C0-\\uFFFF';
const NAME_CHAR = `${NAME_START}0-9.\\-\\u00B7`;
const QNAME_PATTERN = new RegExp(
	`[${NAME_START}][${NAME_CHAR}]*(?::[${NAME_START}][${NAME_CHAR}]*)?`,
	'y',
);
const WHITESPACE_PATTERN = /[ \t\n]*/y;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses a whole document and returns its root element. Throws {@link XmlParseError} when not well-formed. */
export function parseXml(source: string): XmlElement {
	// XML 1.0 §2.11: line ends are normalised to \n before parsing; a BOM is not content.
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	return new XmlReader(text).readDocument();
}

type NamespaceScope = ReadonlyMap<string, string>;

const ROOT_SCOPE: NamespaceScope = new Map([['xml', XML_NAMESPACE]]);

class XmlReader {
	private pos = 0;

	constructor(private readonly text: string) {}

	readDocument(): XmlElement {
		if (this.text.startsWith('<?xml', this.pos) && /\s/.test(this.text[5] ?? ''))
			this.skipPast('?>', 'XML declaration');
		this.skipMisc();
		if (this.text.startsWith('<!DOCTYPE', this.pos))
			this.fail('a DTD is not allowed in a SOAP message');
		if (this.text[this.pos] !== '<') this.fail('expected the root element');
		const root = this.readElement(ROOT_SCOPE);
		this.skipMisc();
		if (this.pos < this.text.length) this.fail('unexpected content after the root element');
		return root;
	}

	private fail(reason: string): never {
		const line = this.text.slice(0, this.pos).split('\n').length;
		throw new XmlParseError(`Malformed XML (line ${line}): ${reason}`);
	}

	private skipWhitespace(): void {
		WHITESPACE_PATTERN.lastIndex = this.pos;
		WHITESPACE_PATTERN.exec(this.text);
		this.pos = WHITESPACE_PATTERN.lastIndex;
	}

	private skipPast(terminator: string, what: string): string {
		const end = this.text.indexOf(terminator, this.pos);
		if (end < 0) this.fail(`unterminated ${what}`);
		const content = this.text.slice(this.pos, end);
		this.pos = end + terminator.length;
		return content;
	}

	/** Comments, processing instructions and whitespace around the root element. */
	private skipMisc(): void {
		for (;;) {
			this.skipWhitespace();
			if (this.text.startsWith('<!--', this.pos)) this.skipComment();
			else if (this.text.startsWith('<?', this.pos)) this.skipPast('?>', 'processing instruction');
			else return;
		}
	}

	private skipComment(): void {
		this.pos += 4;
		const body = this.skipPast('-->', 'comment');
		if (body.includes('--')) this.fail("'--' inside a comment");
	}

	private readName(): string {
		QNAME_PATTERN.lastIndex = this.pos;
		const match = QNAME_PATTERN.exec(this.text);
		if (!match) this.fail('expected a name');
		this.pos = QNAME_PATTERN.lastIndex;
		return match[0];
	}

	private readElement(parentScope: NamespaceScope): XmlElement {
		this.pos++; // '<'
		const qName = this.readName();
		const rawAttributes = this.readRawAttributes();
		const scope = declareNamespaces(parentScope, rawAttributes, (reason) => this.fail(reason));
		const { prefix, localName } = splitQName(qName);
		const element: XmlElement = {
			kind: 'element',
			qName,
			prefix,
			localName,
			namespace: this.resolvePrefix(scope, prefix, true),
			attributes: this.resolveAttributes(scope, rawAttributes),
			children: [],
		};
		if (this.text.startsWith('/>', this.pos)) {
			this.pos += 2;
			return element;
		}
		this.pos++; // '>'
		this.readContent(element, scope);
		return element;
	}

	private readRawAttributes(): Array<[string, string]> {
		const attributes: Array<[string, string]> = [];
		for (;;) {
			const before = this.pos;
			this.skipWhitespace();
			const char = this.text[this.pos];
			if (char === '>' || this.text.startsWith('/>', this.pos)) return attributes;
			if (char === undefined) this.fail('unterminated start tag');
			if (this.pos === before) this.fail('expected whitespace before an attribute');
			const name = this.readName();
			if (attributes.some(([existing]) => existing === name))
				this.fail(`duplicate attribute '${name}'`);
			this.skipWhitespace();
			if (this.text[this.pos] !== '=') this.fail(`expected '=' after attribute '${name}'`);
			this.pos++;
			this.skipWhitespace();
			attributes.push([name, this.readAttributeValue()]);
		}
	}

	private readAttributeValue(): string {
		const quote = this.text[this.pos];
		if (quote !== '"' && quote !== "'") this.fail('attribute value must be quoted');
		this.pos++;
		const raw = this.skipPast(quote, 'attribute value');
		if (raw.includes('<')) this.fail("'<' in an attribute value");
		// Attribute-value normalisation: literal whitespace becomes a space (character references are kept).
		return decodeEntities(raw.replace(/[\t\n]/g, ' '), (reason) => this.fail(reason));
	}

	private resolvePrefix(
		scope: NamespaceScope,
		prefix: string | null,
		isElement: boolean,
	): string | null {
		// xmlns="" undeclares the default namespace.
		if (prefix === null) return isElement ? scope.get('') || null : null;
		const uri = scope.get(prefix);
		if (uri === undefined) this.fail(`namespace prefix '${prefix}' is not declared`);
		return uri;
	}

	private resolveAttributes(scope: NamespaceScope, raw: Array<[string, string]>): XmlAttribute[] {
		return raw.map(([qName, value]) => {
			const { prefix, localName } = splitQName(qName);
			const isDeclaration = qName === 'xmlns' || prefix === 'xmlns';
			const namespace = isDeclaration ? XMLNS_NAMESPACE : this.resolvePrefix(scope, prefix, false);
			return { qName, localName, namespace, value };
		});
	}

	private readContent(element: XmlElement, scope: NamespaceScope): void {
		for (;;) {
			const next = this.text.indexOf('<', this.pos);
			if (next < 0) this.fail(`element '${element.qName}' is not closed`);
			if (next > this.pos) this.addText(element, this.readCharacterData(next));
			if (this.text.startsWith('</', this.pos)) return this.readEndTag(element);
			if (this.text.startsWith('<![CDATA[', this.pos)) {
				this.pos += 9;
				this.addText(element, this.skipPast(']]>', 'CDATA section'));
			} else if (this.text.startsWith('<!--', this.pos)) {
				this.skipComment();
			} else if (this.text.startsWith('<?', this.pos)) {
				this.skipPast('?>', 'processing instruction');
			} else if (this.text.startsWith('<!', this.pos)) {
				this.fail('unexpected markup declaration');
			} else {
				element.children.push(this.readElement(scope));
			}
		}
	}

	private readCharacterData(end: number): string {
		const raw = this.text.slice(this.pos, end);
		if (raw.includes(']]>')) this.fail("']]>' in character data");
		this.pos = end;
		return decodeEntities(raw, (reason) => this.fail(reason));
	}

	private addText(element: XmlElement, text: string): void {
		const last = element.children[element.children.length - 1];
		if (last?.kind === 'text') last.text += text;
		else element.children.push({ kind: 'text', text });
	}

	private readEndTag(element: XmlElement): void {
		this.pos += 2;
		const name = this.readName();
		if (name !== element.qName) this.fail(`end tag '${name}' does not match '${element.qName}'`);
		this.skipWhitespace();
		if (this.text[this.pos] !== '>') this.fail(`expected '>' to close '${name}'`);
		this.pos++;
	}
}

function splitQName(qName: string): { prefix: string | null; localName: string } {
	const colon = qName.indexOf(':');
	return colon < 0
		? { prefix: null, localName: qName }
		: { prefix: qName.slice(0, colon), localName: qName.slice(colon + 1) };
}

/** Returns the scope for an element: the parent's plus its own xmlns declarations (copied only when it declares any). */
function declareNamespaces(
	parent: NamespaceScope,
	attributes: Array<[string, string]>,
	fail: (reason: string) => never,
): NamespaceScope {
	const declarations = attributes.filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'));
	if (declarations.length === 0) return parent;
	const scope = new Map(parent);
	for (const [name, uri] of declarations) {
		const prefix = name === 'xmlns' ? '' : name.slice(6);
		if (prefix === 'xmlns' || (prefix === 'xml') !== (uri === XML_NAMESPACE))
			fail(`reserved namespace prefix or URI in '${name}'`);
		if (prefix !== '' && uri === '') fail(`prefix '${prefix}' cannot be undeclared in XML 1.0`);
		scope.set(prefix, uri);
	}
	return scope;
}

function decodeEntities(raw: string, fail: (reason: string) => never): string {
	if (!raw.includes('&')) return raw;
	return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
		if (!whole.endsWith(';')) fail(`unterminated entity reference '${whole}'`);
		if (name in NAMED_ENTITIES) return NAMED_ENTITIES[name];
		const codePoint = /^#x[0-9a-fA-F]+$/.test(name)
			? parseInt(name.slice(2), 16)
			: /^#[0-9]+$/.test(name)
				? parseInt(name.slice(1), 10)
				: NaN;
		if (!isAllowedXmlChar(codePoint)) fail(`unknown or invalid entity '&${name};'`);
		return String.fromCodePoint(codePoint);
	});
}

function isAllowedXmlChar(codePoint: number): boolean {
	if (!Number.isInteger(codePoint)) return false;
	return (
		codePoint === 0x9 ||
		codePoint === 0xa ||
		codePoint === 0xd ||
		(codePoint >= 0x20 && codePoint <= 0xd7ff) ||
		(codePoint >= 0xe000 && codePoint <= 0xfffd) ||
		(codePoint >= 0x10000 && codePoint <= 0x10ffff)
	);
}

// ---- navigation -----------------------------------------------------------------------------------------------

export function childElements(element: XmlElement): XmlElement[] {
	return element.children.filter((child): child is XmlElement => child.kind === 'element');
}

/** First child element with that namespace URI and local name (prefixes play no part). */
export function findChild(
	element: XmlElement,
	namespace: string,
	localName: string,
): XmlElement | undefined {
	return childElements(element).find(
		(child) => child.namespace === namespace && child.localName === localName,
	);
}

/** The element's own text (text and CDATA children joined). */
export function textContent(element: XmlElement): string {
	return element.children.map((child) => (child.kind === 'text' ? child.text : '')).join('');
}

export function attributeValue(
	element: XmlElement,
	namespace: string | null,
	localName: string,
): string | undefined {
	return element.attributes.find((a) => a.namespace === namespace && a.localName === localName)
		?.value;
}

// ---- writer ---------------------------------------------------------------------------------------------------

/** Text written as a CDATA section instead of escaped text. */
export class XmlCData {
	constructor(readonly text: string) {}
}

export interface XmlOutElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlOut[];
}

export type XmlOut = XmlOutElement | XmlCData | string;

/** Builds an element to write: `xmlElement('a:Code', {}, '02')`. Children that are strings are escaped text. */
export function xmlElement(
	name: string,
	attributes: Record<string, string> = {},
	...children: XmlOut[]
): XmlOutElement {
	return { name, attributes, children };
}

export function escapeXmlText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
	return escapeXmlText(text)
		.replace(/"/g, '&quot;')
		.replace(/\t/g, '&#x9;')
		.replace(/\n/g, '&#xA;')
		.replace(/\r/g, '&#xD;');
}

/** Serialises without an XML declaration (as WCF does); empty elements are self-closing. */
export function writeXml(node: XmlOut): string {
	if (typeof node === 'string') return escapeXmlText(node);
	// ']]>' cannot appear inside one CDATA section, so it is split across two.
	if (node instanceof XmlCData)
		return `<![CDATA[${node.text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
	const attributes = Object.entries(node.attributes)
		.map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
		.join('');
	if (node.children.length === 0) return `<${node.name}${attributes}/>`;
	return `<${node.name}${attributes}>${node.children.map(writeXml).join('')}</${node.name}>`;
}
