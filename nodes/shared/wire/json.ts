import type { IDataObject } from 'n8n-workflow';

/**
 * JSON values for request bodies. Integer IDs are written from their digit text, never through a
 * JavaScript number, so 9007199254740993 goes on the wire as 9007199254740993.
 */
export type JsonBodyValue =
	| string
	| boolean
	| null
	| { rawInteger: string }
	| JsonBodyValue[]
	| { [key: string]: JsonBodyValue | undefined };

export function rawInteger(digits: string): { rawInteger: string } {
	return { rawInteger: digits };
}

function isRawInteger(value: unknown): value is { rawInteger: string } {
	return (
		typeof value === 'object' &&
		value !== null &&
		Object.keys(value).length === 1 &&
		typeof (value as { rawInteger?: unknown }).rawInteger === 'string'
	);
}

/** Serialises a body; keys whose value is undefined are left out. */
export function toJsonText(value: JsonBodyValue | IDataObject | unknown): string {
	if (isRawInteger(value)) return value.rawInteger;
	if (Array.isArray(value)) return `[${value.map((entry) => toJsonText(entry)).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const members = Object.entries(value as Record<string, unknown>)
			.filter(([, member]) => member !== undefined)
			.map(([key, member]) => `${JSON.stringify(key)}:${toJsonText(member)}`);
		return `{${members.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/** Digits of an integer literal too long for a double to hold exactly. */
const UNSAFE_INTEGER_DIGITS = 16;

/**
 * Parses a provider's JSON answer. Integers too large for a JavaScript number (int64 IDs) become
 * strings with their exact digits instead of being silently rounded.
 */
export function parseJsonKeepingLargeIntegers(text: string): unknown {
	let out = '';
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			out += char;
			if (char === '\\') {
				out += text[++index] ?? '';
			} else if (char === '"') {
				inString = false;
			}
			continue;
		}
		if (char === '"') {
			inString = true;
			out += char;
			continue;
		}
		const match = /^-?\d+(?![\d.eE])/.exec(text.slice(index, index + 40));
		const previous = text[index - 1];
		if (match && (previous === undefined || !/[\w.]/.test(previous))) {
			const digits = match[0];
			out +=
				digits.replace('-', '').length >= UNSAFE_INTEGER_DIGITS &&
				!Number.isSafeInteger(Number(digits))
					? `"${digits}"`
					: digits;
			index += digits.length - 1;
			continue;
		}
		out += char;
	}
	return JSON.parse(out);
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
