import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MAX_USER_JSON_DEPTH, parseUserJson } from '../wire/json';
import { invalidParameter } from './failure';

const DIGITS = /^[0-9]{1,19}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const DECIMAL = /^[0-9]+(\.[0-9]{1,2})?$/;
/**
 * Characters no provider can take: C0 controls other than tab and line breaks, U+FFFE/U+FFFF and
 * lone surrogates (not allowed in XML, and not encodable in a URL).
 */
const UNSENDABLE_CHARACTER =
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How many records a list returns when Return All is off and no limit is given. */
export const DEFAULT_LIST_LIMIT = 50;

interface TextRules {
	maxLength?: number;
	/** IDs that go into a URL path: no slash, and not "." or "..". */
	pathSegment?: boolean;
}

/** A Luxon DateTime (what n8n's `$now` and date expressions give), read without importing Luxon. */
interface DateTimeLike {
	isValid: boolean;
	toISODate(): string | null;
	toISO(): string | null;
}

function isDateTimeLike(value: unknown): value is DateTimeLike {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as DateTimeLike).toISODate === 'function' &&
		typeof (value as DateTimeLike).toISO === 'function' &&
		'isValid' in value
	);
}

/** Text of a parameter value as typed; numbers from expressions keep their digits. */
function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
		return String(value);
	}
	// A date from an expression in a text field is its ISO text, not JSON's quoted form.
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	if (isDateTimeLike(value)) return value.isValid ? (value.toISO() ?? '') : '';
	return JSON.stringify(value);
}

function isRealDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/**
 * Reads and validates one item's parameters. Every check throws an ItemFailure that names the
 * parameter and the rule, so a bad item is reported before anything is sent.
 */
export class ItemParameters {
	constructor(
		private readonly source: (name: string) => unknown,
		private readonly prefix = '',
	) {}

	static forItem(context: IExecuteFunctions, itemIndex: number): ItemParameters {
		return new ItemParameters((name) => context.getNodeParameter(name, itemIndex, ''));
	}

	/** Parameters inside a collection such as `additionalFields`. */
	collection(name: string): ItemParameters {
		const value = this.source(name);
		const values = (value && typeof value === 'object' ? value : {}) as IDataObject;
		return new ItemParameters((key) => values[key], `${this.label(name)}.`);
	}

	private label(name: string): string {
		return `${this.prefix}${name}`;
	}

	raw(name: string): unknown {
		return this.source(name);
	}

	optionalText(name: string, rules: TextRules = {}): string | undefined {
		const text = asText(this.source(name));
		if (text === '') return undefined;
		if (UNSENDABLE_CHARACTER.test(text)) {
			throw invalidParameter(
				this.label(name),
				'contains a control character or a broken symbol that cannot be sent',
			);
		}
		if (rules.maxLength !== undefined && text.length > rules.maxLength) {
			throw invalidParameter(
				this.label(name),
				`must be at most ${rules.maxLength} characters long`,
			);
		}
		if (rules.pathSegment && text.includes('/')) {
			throw invalidParameter(this.label(name), 'must not contain "/"');
		}
		if (rules.pathSegment && (text === '.' || text === '..')) {
			throw invalidParameter(this.label(name), 'must not be "." or ".."');
		}
		return text;
	}

	text(name: string, rules: TextRules = {}): string {
		const text = this.optionalText(name, rules);
		if (text === undefined) throw invalidParameter(this.label(name), 'is required');
		return text;
	}

	/** An ID of digits only (int64), kept as text so no digit is lost to floating point. */
	optionalDigits(name: string): string | undefined {
		const text = asText(this.source(name));
		if (text === '') return undefined;
		if (!DIGITS.test(text)) {
			throw invalidParameter(this.label(name), 'must contain only digits (1 to 19 of them)');
		}
		return text;
	}

	digits(name: string): string {
		const text = this.optionalDigits(name);
		if (text === undefined) throw invalidParameter(this.label(name), 'is required');
		return text;
	}

	uuid(name: string): string {
		const text = this.text(name);
		if (!UUID.test(text)) {
			throw invalidParameter(
				this.label(name),
				'must be a UUID like 123e4567-e89b-12d3-a456-426614174000',
			);
		}
		return text;
	}

	/**
	 * A date as YYYY-MM-DD. A timestamp is cut to its calendar date in the zone it carries: an ISO
	 * text with an offset keeps its own date, a Luxon DateTime (`$now.plus(...)`) its zone's date, a
	 * JavaScript Date (which carries no zone) its UTC date.
	 */
	optionalDate(name: string): string | undefined {
		const value = this.source(name);
		let text: string;
		if (value instanceof Date) {
			text = Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString();
		} else if (isDateTimeLike(value)) {
			text = (value.isValid && value.toISODate()) || 'invalid';
		} else {
			text = asText(value);
		}
		if (text === '') return undefined;
		const match = DATE_PREFIX.exec(text);
		if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
			throw invalidParameter(this.label(name), 'must be a date in the form YYYY-MM-DD');
		}
		return `${match[1]}-${match[2]}-${match[3]}`;
	}

	date(name: string): string {
		const date = this.optionalDate(name);
		if (date === undefined) throw invalidParameter(this.label(name), 'is required');
		return date;
	}

	/** A money amount with up to two decimals, kept as typed. */
	optionalDecimal(name: string): string | undefined {
		const text = asText(this.source(name));
		if (text === '') return undefined;
		if (!DECIMAL.test(text)) {
			throw invalidParameter(
				this.label(name),
				'must be a number with up to two decimals, like 12.50',
			);
		}
		return text;
	}

	/** The record limit of a list operation (Return All / Limit): undefined for all records. */
	listLimit(): number | undefined {
		if (this.boolean('returnAll')) return undefined;
		return this.integer('limit', 1, Number.MAX_SAFE_INTEGER) ?? DEFAULT_LIST_LIMIT;
	}

	boolean(name: string): boolean | undefined {
		const value = this.source(name);
		if (value === undefined || value === '' || value === null) return undefined;
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		throw invalidParameter(this.label(name), 'must be true or false');
	}

	/** A whole number within bounds. */
	integer(name: string, min: number, max: number): number | undefined {
		const value = this.source(name);
		if (value === undefined || value === '' || value === null) return undefined;
		const number = typeof value === 'number' ? value : Number(asText(value));
		if (!Number.isInteger(number) || number < min || number > max) {
			throw invalidParameter(this.label(name), `must be a whole number from ${min} to ${max}`);
		}
		return number;
	}

	/**
	 * A JSON object, given as an object or as JSON text. Text is read as data: integers too large
	 * for a double stay exact, and deep nesting is refused.
	 */
	optionalObject(name: string): IDataObject | undefined {
		const value = this.source(name);
		if (value === undefined || value === null || value === '') return undefined;
		let parsed: unknown = value;
		if (typeof value === 'string') {
			try {
				parsed = parseUserJson(value);
			} catch (error) {
				throw invalidParameter(
					this.label(name),
					error instanceof RangeError
						? `must be a JSON object nested at most ${MAX_USER_JSON_DEPTH} levels deep`
						: 'must be a JSON object like {"key": "value"}',
				);
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw invalidParameter(this.label(name), 'must be a JSON object like {"key": "value"}');
		}
		return parsed as IDataObject;
	}

	/** One of a fixed list of values. */
	oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
		const text = asText(this.source(name));
		if (text === '') return undefined;
		if (!(allowed as readonly string[]).includes(text)) {
			throw invalidParameter(this.label(name), `must be one of: ${allowed.join(', ')}`);
		}
		return text as T;
	}
}
