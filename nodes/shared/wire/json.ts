import type { IDataObject } from 'n8n-workflow';

/**
 * An integer written from its digit text, never through a JavaScript number, so
 * 9007199254740993 goes on the wire as 9007199254740993. A class (not a shape), so no value
 * from a user or a provider can pose as one.
 */
export class RawInteger {
	readonly digits: string;

	constructor(digits: string) {
		if (!/^-?[0-9]+$/.test(digits)) throw new TypeError(`Not an integer: ${digits}`);
		// The canonical form: "0012" is the integer 12 (JSON does not allow leading zeros).
		const negative = digits.startsWith('-');
		const unsigned = (negative ? digits.slice(1) : digits).replace(/^0+(?=[0-9])/, '');
		this.digits = negative && unsigned !== '0' ? `-${unsigned}` : unsigned;
	}
}

/** JSON values for request bodies. */
export type JsonBodyValue =
	| string
	| number
	| boolean
	| null
	| RawInteger
	| JsonBodyValue[]
	| { [key: string]: JsonBodyValue | undefined };

export function rawInteger(digits: string): RawInteger {
	return new RawInteger(digits);
}

/** Serialises a body; keys whose value is undefined are left out; own keys only. */
export function toJsonText(value: JsonBodyValue | IDataObject | unknown): string {
	if (value instanceof RawInteger) return value.digits;
	if (Array.isArray(value)) return `[${value.map((entry) => toJsonText(entry)).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const members = Object.entries(value as Record<string, unknown>)
			.filter(([, member]) => member !== undefined)
			.map(([key, member]) => `${JSON.stringify(key)}:${toJsonText(member)}`);
		return `{${members.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/** Digits of an integer literal that a double may no longer hold exactly. */
const LONG_INTEGER = /^-?[0-9]{16,}$/;
/** A JSON string (unrolled, so long strings cost no backtracking) or a number. */
const JSON_TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"|-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/g;

/**
 * Rewrites the JSON text's integers too large for a double with `replace`, in one linear pass
 * that copies slices (not characters) and skips strings whole.
 */
function rewriteLongIntegers(text: string, replace: (digits: string) => string): string {
	if (!/[0-9]{16}/.test(text)) return text;
	const parts: string[] = [];
	let copied = 0;
	JSON_TOKEN.lastIndex = 0;
	for (let match = JSON_TOKEN.exec(text); match; match = JSON_TOKEN.exec(text)) {
		const token = match[0];
		if (token[0] !== '"' && LONG_INTEGER.test(token) && !Number.isSafeInteger(Number(token))) {
			parts.push(text.slice(copied, match.index), replace(token));
			copied = match.index + token.length;
		}
	}
	if (!parts.length) return text;
	parts.push(text.slice(copied));
	return parts.join('');
}

/**
 * Parses a provider's JSON answer. Integers too large for a JavaScript number (int64 IDs) become
 * strings with their exact digits instead of being silently rounded.
 */
export function parseJsonKeepingLargeIntegers(text: string): unknown {
	return JSON.parse(rewriteLongIntegers(text, (digits) => `"${digits}"`));
}

/** Parses a body that may be JSON, a JSON string, plain text or nothing. */
export function parseBody(text: string): unknown {
	if (text.trim() === '') return null;
	try {
		return parseJsonKeepingLargeIntegers(text);
	} catch {
		return text;
	}
}

/** Whether a text is JSON (anything `parseBody` read as more than plain text). */
export function isJsonText(text: string): boolean {
	try {
		JSON.parse(rewriteLongIntegers(text, () => '0'));
		return true;
	} catch {
		return false;
	}
}

/** How deep user JSON may nest (tenant fields are flat; anything deeper is a mistake). */
export const MAX_USER_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, outside strings (one linear pass). */
function nestingDepth(text: string): number {
	let depth = 0;
	let deepest = 0;
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		if (char === 0x22) {
			for (index++; index < text.length && text.charCodeAt(index) !== 0x22; index++) {
				if (text.charCodeAt(index) === 0x5c) index++;
			}
		} else if (char === 0x5b || char === 0x7b) {
			deepest = Math.max(deepest, ++depth);
		} else if (char === 0x5d || char === 0x7d) {
			depth--;
		}
	}
	return deepest;
}

/**
 * Parses JSON a user typed, as data for a request body: integers too large for a double stay
 * exact (as RawInteger), and nesting deeper than MAX_USER_JSON_DEPTH is refused.
 * Throws a SyntaxError or a RangeError with a readable reason.
 */
export function parseUserJson(text: string): unknown {
	// Checked on the text first: parsing (and later writing) very deep JSON would exhaust the stack.
	if (nestingDepth(text) > MAX_USER_JSON_DEPTH) {
		throw new RangeError(`it nests deeper than ${MAX_USER_JSON_DEPTH} levels`);
	}
	// A marker no user text can contain (a NUL and a fresh nonce), turned back into integers. It is
	// written escaped (\u0000), since a raw control character is not allowed inside a JSON string.
	const nonce = Math.random().toString(36).slice(2);
	const marker = `\u0000int:${nonce}:`;
	const parsed: unknown = JSON.parse(
		rewriteLongIntegers(text, (digits) => `"\\u0000int:${nonce}:${digits}"`),
		(_key, value: unknown) =>
			typeof value === 'string' && value.startsWith(marker)
				? new RawInteger(value.slice(marker.length))
				: value,
	);
	return parsed;
}
