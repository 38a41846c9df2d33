/**
 * Lossless JSON for the sandbox.
 *
 * Provider ids are int64 (Magicline, Singula) and DDCMS amounts are decimals. `JSON.parse` turns
 * 9007199254740993 into 9007199254740992 and `JSON.stringify` cannot write `25.00`, so a node that
 * rounds an id would pass unnoticed. Here every number keeps its exact source text.
 */

/** A JSON number kept as its exact digit text (read from a request or written to a response). */
export class JsonNumber {
	constructor(readonly text: string) {}
}

export type JsonValue =
	| null
	| boolean
	| string
	| JsonNumber
	| JsonValue[]
	| { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Shorthand to write a number with its exact text, e.g. `num('9007199254740993')`, `num('25.00')`. */
export function num(text: string): JsonNumber {
	return new JsonNumber(text);
}

export class JsonSyntaxError extends Error {}

const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Strict RFC 8259 parser; numbers become {@link JsonNumber}. Throws {@link JsonSyntaxError}. */
export function parseJsonLossless(text: string): JsonValue {
	const reader = new JsonReader(text);
	const value = reader.readValue();
	reader.skipWhitespace();
	if (!reader.atEnd()) reader.fail('unexpected text after the JSON value');
	return value;
}

class JsonReader {
	private pos = 0;

	constructor(private readonly text: string) {}

	atEnd(): boolean {
		return this.pos >= this.text.length;
	}

	fail(reason: string): never {
		throw new JsonSyntaxError(`Invalid JSON at position ${this.pos}: ${reason}`);
	}

	skipWhitespace(): void {
		WHITESPACE.lastIndex = this.pos;
		WHITESPACE.exec(this.text);
		this.pos = WHITESPACE.lastIndex;
	}

	readValue(): JsonValue {
		this.skipWhitespace();
		const char = this.text[this.pos];
		if (char === '{') return this.readObject();
		if (char === '[') return this.readArray();
		if (char === '"') return this.readString();
		if (char === '-' || (char !== undefined && char >= '0' && char <= '9'))
			return this.readNumber();
		for (const [word, value] of [
			['true', true],
			['false', false],
			['null', null],
		] as const) {
			if (this.text.startsWith(word, this.pos)) {
				this.pos += word.length;
				return value;
			}
		}
		return this.fail(char === undefined ? 'unexpected end' : `unexpected '${char}'`);
	}

	private expect(char: string): void {
		this.skipWhitespace();
		if (this.text[this.pos] !== char) this.fail(`expected '${char}'`);
		this.pos++;
	}

	/** True (and consumes it) when the next non-blank char is `char`. */
	private consume(char: string): boolean {
		this.skipWhitespace();
		if (this.text[this.pos] !== char) return false;
		this.pos++;
		return true;
	}

	private readObject(): JsonObject {
		this.expect('{');
		const result: JsonObject = {};
		if (this.consume('}')) return result;
		do {
			this.skipWhitespace();
			if (this.text[this.pos] !== '"') this.fail('expected a property name');
			const key = this.readString();
			this.expect(':');
			result[key] = this.readValue();
		} while (this.consume(','));
		this.expect('}');
		return result;
	}

	private readArray(): JsonValue[] {
		this.expect('[');
		const result: JsonValue[] = [];
		if (this.consume(']')) return result;
		do {
			result.push(this.readValue());
		} while (this.consume(','));
		this.expect(']');
		return result;
	}

	private readNumber(): JsonNumber {
		NUMBER_PATTERN.lastIndex = this.pos;
		const match = NUMBER_PATTERN.exec(this.text);
		if (!match) this.fail('malformed number');
		this.pos = NUMBER_PATTERN.lastIndex;
		return new JsonNumber(match[0]);
	}

	private readString(): string {
		this.pos++; // opening quote
		let result = '';
		for (;;) {
			const char = this.text[this.pos++];
			if (char === undefined) this.fail('unterminated string');
			if (char === '"') return result;
			if (char < ' ') this.fail('control character in string');
			if (char !== '\\') {
				result += char;
				continue;
			}
			result += this.readEscape();
		}
	}

	private readEscape(): string {
		const char = this.text[this.pos++];
		const simple: Record<string, string> = {
			'"': '"',
			'\\': '\\',
			'/': '/',
			b: '\b',
			f: '\f',
			n: '\n',
			r: '\r',
			t: '\t',
		};
		if (char !== undefined && char in simple) return simple[char];
		if (char !== 'u') this.fail('bad escape');
		const hex = this.text.slice(this.pos, this.pos + 4);
		if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
		this.pos += 4;
		return String.fromCharCode(parseInt(hex, 16));
	}
}

/**
 * JSON writer that writes {@link JsonNumber}s verbatim, Maps as objects and skips undefined members;
 * `pretty` indents by two spaces. Takes `unknown` so typed state records (interfaces) can be written as they are.
 */
export function toJson(value: unknown, pretty = false): string {
	return writeJson(value, pretty ? 0 : -1);
}

/** `depth` is the nesting level when pretty-printing, -1 for compact output. */
function writeJson(value: unknown, depth: number): string {
	if (value === null || value === undefined) return 'null';
	if (value instanceof JsonNumber) return value.text;
	if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	const childDepth = depth < 0 ? -1 : depth + 1;
	if (Array.isArray(value))
		return writeContainer(
			'[',
			value.map((item) => writeJson(item, childDepth)),
			']',
			depth,
		);
	const entries: [unknown, unknown][] =
		value instanceof Map ? [...value.entries()] : Object.entries(value);
	const separator = depth < 0 ? ':' : ': ';
	const members = entries
		.filter(([, item]) => item !== undefined)
		.map(([key, item]) => JSON.stringify(String(key)) + separator + writeJson(item, childDepth));
	return writeContainer('{', members, '}', depth);
}

function writeContainer(open: string, parts: string[], close: string, depth: number): string {
	if (parts.length === 0) return open + close;
	if (depth < 0) return open + parts.join(',') + close;
	const pad = '  '.repeat(depth + 1);
	return `${open}\n${pad}${parts.join(`,\n${pad}`)}\n${'  '.repeat(depth)}${close}`;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		!(value instanceof JsonNumber)
	);
}

/** The body as a JSON object, or undefined when it is not valid JSON or not an object. */
export function parseJsonObject(text: string): JsonObject | undefined {
	try {
		const value = parseJsonLossless(text);
		return isJsonObject(value) ? value : undefined;
	} catch (error) {
		if (error instanceof JsonSyntaxError) return undefined;
		throw error;
	}
}

const INTEGER_TEXT = /^-?\d+$/;

/** Integer text in canonical form ('007' → '7'), exact at any size; undefined when not an integer. */
export function canonicalInteger(text: string): string | undefined {
	return INTEGER_TEXT.test(text) ? BigInt(text).toString() : undefined;
}

/** A JSON integer's exact digits (canonical), undefined for anything else (strings, decimals, 1e3 ...). */
export function jsonIntegerText(value: JsonValue | undefined): string | undefined {
	return value instanceof JsonNumber ? canonicalInteger(value.text) : undefined;
}
