/**
 * The query parameters of the CRM routes, read as strictly as the spec declares them. DDCMS takes every parameter
 * in the query string; the sandbox also refuses a body and any parameter the spec does not declare for the call
 * (the real server would ignore them silently), so a client sending a wrong name fails its test.
 * Names match case-insensitively: a production client sends PascalCase and is understood (CRM-SYNC.md 1.1).
 */
import { isIsoDate } from '../../dates';
import { failWith, route, type Route, type RouteCall } from '../../http';
import type { ProviderRequest, ProviderResponse } from '../../types';
import { argumentError, invalid } from './responses';

type ParamType = 'text' | 'date' | 'amount' | 'integer' | 'boolean';

export interface ParamSpec {
	name: string;
	type: ParamType;
	required?: boolean;
	maxLength?: number;
	/** The whole value must match; the text says what is allowed. */
	pattern?: { regex: RegExp; rule: string };
	/** Allowed values, matched case-insensitively (the spec's own samples vary the case) and kept as spelled here. */
	values?: readonly string[];
	min?: number;
	max?: number;
}

/** The declared parameters given, by declared name; dates as 'YYYY-MM-DD', booleans 'true'/'false'. */
export type QueryValues = Record<string, string | undefined>;

export const text = (
	name: string,
	maxLength: number,
	more: Partial<ParamSpec> = {},
): ParamSpec => ({
	name,
	type: 'text',
	maxLength,
	...more,
});
export const date = (name: string): ParamSpec => ({ name, type: 'date' });
export const amount = (name: string): ParamSpec => ({ name, type: 'amount' });
export const integer = (name: string, min: number, max: number): ParamSpec => ({
	name,
	type: 'integer',
	min,
	max,
});
export const flag = (name: string): ParamSpec => ({ name, type: 'boolean' });
export const oneOf = (name: string, values: readonly string[]): ParamSpec => ({
	name,
	type: 'text',
	values,
});
export const required = (spec: ParamSpec): ParamSpec => ({ ...spec, required: true });

/** The spec writes dates as `YYYY-MM-DDT00:00:00.000`; its samples and every SDK send `YYYY-MM-DD`. Both are read. */
const DATE_VALUE = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.0{1,3})?Z?)?$/;
/** `multipleOf: 0.01`; the sign is let through so the routes can give their documented "greater than zero" faults. */
const AMOUNT_VALUE = /^-?\d{1,9}(\.\d{1,2})?$/;
const INTEGER_VALUE = /^-?\d{1,9}$/;

export function readQuery(request: ProviderRequest, specs: readonly ParamSpec[]): QueryValues {
	if (request.body.length > 0)
		invalid('This call takes no body: pass its parameters in the query string');
	const byName = new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));
	const given: QueryValues = {};
	for (const [name, value] of new URLSearchParams(request.rawQuery)) {
		const spec = byName.get(name.toLowerCase());
		if (!spec) invalid(`'${name}' is not a parameter of this call`);
		// ASP.NET binds an empty value as null, i.e. not given.
		if (!(spec.name in given)) given[spec.name] = value === '' ? undefined : value;
	}
	const values: QueryValues = {};
	for (const spec of specs) {
		const value = given[spec.name];
		if (value === undefined) {
			if (spec.required) failWith(argumentError(`The ${spec.name} parameter is required`));
			continue;
		}
		values[spec.name] = checkValue(spec, value);
	}
	return values;
}

function checkValue(spec: ParamSpec, value: string): string {
	const { name } = spec;
	switch (spec.type) {
		case 'date': {
			const match = DATE_VALUE.exec(value);
			if (!match || !isIsoDate(match[1]))
				invalid(`${name} must be a date, YYYY-MM-DD or YYYY-MM-DDT00:00:00.000`);
			return match[1];
		}
		case 'amount':
			if (!AMOUNT_VALUE.test(value))
				invalid(`${name} must be a number with at most two decimal places`);
			return value;
		case 'integer': {
			const number = INTEGER_VALUE.test(value) ? Number(value) : NaN;
			if (!(number >= (spec.min ?? -Infinity) && number <= (spec.max ?? Infinity)))
				invalid(`${name} must be a whole number from ${spec.min} to ${spec.max}`);
			return String(number);
		}
		case 'boolean':
			if (!/^(true|false)$/i.test(value)) invalid(`${name} must be true or false`);
			return value.toLowerCase();
		case 'text':
			return checkText(spec, value);
	}
}

function checkText(spec: ParamSpec, value: string): string {
	const { name, maxLength, pattern, values } = spec;
	if (values) {
		const known = values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
		if (known === undefined) invalid(`${name} must be one of: ${values.join(', ')}`);
		return known;
	}
	if (maxLength !== undefined && value.length > maxLength)
		invalid(`${name} must not be longer than ${maxLength} characters`);
	if (pattern && !pattern.regex.test(value)) invalid(pattern.rule);
	return value;
}

/** A route whose query is read against `params` before `handler` runs. */
export function ddcmsRoute(
	method: string,
	pattern: string,
	params: readonly ParamSpec[],
	handler: (call: RouteCall, query: QueryValues) => ProviderResponse,
): Route {
	return route(method, pattern, (call) => handler(call, readQuery(call.request, params)));
}

/** True for an amount text above zero. */
export const isPositive = (amountText: string) =>
	!amountText.startsWith('-') && /[1-9]/.test(amountText);

/** '7' → '7.00', '007.5' → '7.50' (exact, no floating point). */
export function toTwoDecimals(amountText: string): string {
	const [whole, fraction = ''] = amountText.split('.');
	return `${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
}
