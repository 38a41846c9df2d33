import { escapeXml } from '../../../common/xml';

export { escapeXml };

/** An element read from XML, named by its local name (prefixes vary between SOAP operations). */
export interface XmlElement {
	localName: string;
	/** The namespace URI the element's prefix (or the default namespace) stands for; '' for none. */
	namespace: string;
	children: XmlElement[];
	/** The element's own text (entities decoded, CDATA included), trimmed. */
	text: string;
}

export class XmlSyntaxError extends Error {
	constructor(reason: string, position: number) {
		super(`Malformed XML at character ${position}: ${reason}`);
		this.name = 'XmlSyntaxError';
	}
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, position: number): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);|&/gi, (match, entity: string | undefined) => {
		if (!entity) throw new XmlSyntaxError('a bare "&"', position);
		if (entity[0] === '#') {
			const code =
				entity[1].toLowerCase() === 'x'
					? parseInt(entity.slice(2), 16)
					: parseInt(entity.slice(1), 10);
			return String.fromCodePoint(code);
		}
		const named = NAMED_ENTITIES[entity];
		if (named === undefined) throw new XmlSyntaxError(`unknown entity ${match}`, position);
		return named;
	});
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;

function localNameOf(qualifiedName: string): string {
	const colon = qualifiedName.indexOf(':');
	return colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1);
}

function prefixOf(qualifiedName: string): string {
	const colon = qualifiedName.indexOf(':');
	return colon === -1 ? '' : qualifiedName.slice(0, colon);
}

const NAMESPACE_DECLARATION = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The namespace scope inside a start tag: the parent's, plus the tag's own xmlns declarations. */
function scopeOf(tag: string, parent: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
	if (!tag.includes('xmlns')) return parent;
	const scope = new Map(parent);
	for (const match of tag.matchAll(NAMESPACE_DECLARATION)) {
		scope.set(match[1] ?? '', decodeEntities(match[2] ?? match[3] ?? '', 0));
	}
	return scope;
}

/**
 * A small non-validating XML reader for SOAP answers: elements, attributes (skipped), text,
 * entities, CDATA, comments and the XML declaration. DTDs are refused rather than expanded.
 */
export function parseXml(xml: string): XmlElement {
	const root: XmlElement = { localName: '#document', namespace: '', children: [], text: '' };
	const stack: Array<{
		element: XmlElement;
		qualifiedName: string;
		text: string[];
		scope: ReadonlyMap<string, string>;
	}> = [{ element: root, qualifiedName: '', text: [], scope: new Map() }];
	let position = 0;
	const top = () => stack[stack.length - 1];

	while (position < xml.length) {
		const next = xml.indexOf('<', position);
		const textEnd = next === -1 ? xml.length : next;
		if (textEnd > position) {
			const text = xml.slice(position, textEnd);
			if (stack.length === 1 && text.trim() !== '')
				throw new XmlSyntaxError('text outside the root element', position);
			top().text.push(decodeEntities(text, position));
			position = textEnd;
			continue;
		}
		if (xml.startsWith('<!--', position)) {
			const end = xml.indexOf('-->', position + 4);
			if (end === -1) throw new XmlSyntaxError('unclosed comment', position);
			position = end + 3;
		} else if (xml.startsWith('<![CDATA[', position)) {
			const end = xml.indexOf(']]>', position + 9);
			if (end === -1) throw new XmlSyntaxError('unclosed CDATA section', position);
			top().text.push(xml.slice(position + 9, end));
			position = end + 3;
		} else if (xml.startsWith('<?', position)) {
			const end = xml.indexOf('?>', position + 2);
			if (end === -1) throw new XmlSyntaxError('unclosed processing instruction', position);
			position = end + 2;
		} else if (xml.startsWith('<!', position)) {
			throw new XmlSyntaxError('DOCTYPE declarations are not accepted', position);
		} else if (xml.startsWith('</', position)) {
			const end = xml.indexOf('>', position);
			if (end === -1) throw new XmlSyntaxError('unclosed end tag', position);
			const name = xml.slice(position + 2, end).trim();
			const open = top();
			if (stack.length === 1 || open.qualifiedName !== name) {
				throw new XmlSyntaxError(`unexpected </${name}>`, position);
			}
			open.element.text = open.text.join('').trim();
			stack.pop();
			position = end + 1;
		} else {
			const nameMatch = NAME.exec(xml.slice(position + 1, position + 201));
			if (!nameMatch) throw new XmlSyntaxError('invalid tag name', position);
			const end = findTagEnd(xml, position);
			const selfClosing = xml[end - 1] === '/';
			const scope = scopeOf(xml.slice(position, end), top().scope);
			const element: XmlElement = {
				localName: localNameOf(nameMatch[0]),
				namespace: scope.get(prefixOf(nameMatch[0])) ?? '',
				children: [],
				text: '',
			};
			if (stack.length === 1 && root.children.length > 0)
				throw new XmlSyntaxError('a second root element', position);
			top().element.children.push(element);
			if (!selfClosing) stack.push({ element, qualifiedName: nameMatch[0], text: [], scope });
			position = end + 1;
		}
	}
	if (stack.length !== 1)
		throw new XmlSyntaxError(`<${top().qualifiedName}> is not closed`, position);
	if (root.children.length !== 1) throw new XmlSyntaxError('no root element', position);
	return root.children[0];
}

/** Index of the `>` closing a start tag, skipping quoted attribute values. */
function findTagEnd(xml: string, start: number): number {
	let quote: string | undefined;
	for (let index = start + 1; index < xml.length; index++) {
		const char = xml[index];
		if (quote) {
			if (char === quote) quote = undefined;
		} else if (char === '"' || char === "'") {
			quote = char;
		} else if (char === '>') {
			return index;
		} else if (char === '<') {
			break;
		}
	}
	throw new XmlSyntaxError('unclosed start tag', start);
}

export function childElement(
	element: XmlElement | undefined,
	localName: string,
): XmlElement | undefined {
	return element?.children.find((child) => child.localName === localName);
}

/** The first element with this local name anywhere below `element`, depth first. */
export function findElement(element: XmlElement, localName: string): XmlElement | undefined {
	for (const child of element.children) {
		if (child.localName === localName) return child;
		const found = findElement(child, localName);
		if (found) return found;
	}
	return undefined;
}
