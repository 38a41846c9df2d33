import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import type { ItemFailure } from './failure';
import { parseBody, toJsonText } from './json';
import type { JsonBodyValue } from './json';
import type { RawResponse } from './types';

/** A REST call as an operation declares it: relative path, query and optional JSON body. */
export interface RestRequest {
	method: IHttpRequestMethods;
	/** Relative to the provider's API root; build it with `pathSegment` for every value. */
	path: string;
	/** Sent in this order; undefined values are left out. */
	query?: Record<string, string | undefined>;
	/** A JSON body; a string is sent as it is (e.g. `{}`, which n8n would otherwise drop). */
	body?: JsonBodyValue | string;
}

/** A value put into a URL path. */
export function pathSegment(value: string): string {
	return encodeURIComponent(value);
}

function queryString(query: RestRequest['query']): string {
	const pairs = Object.entries(query ?? {}).filter(
		(entry): entry is [string, string] => entry[1] !== undefined,
	);
	if (!pairs.length) return '';
	return `?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&')}`;
}

/**
 * The HTTP request for a REST call. The query string is written here (not by axios) so what goes
 * on the wire is exactly what the contract pins; JSON bodies are written as text so int64 IDs keep
 * every digit.
 */
export function restHttpRequest(apiRoot: string, request: RestRequest): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${apiRoot}/${request.path}${queryString(request.query)}`,
		headers: { Accept: 'application/json' },
	};
	if (request.body !== undefined) {
		options.body = typeof request.body === 'string' ? request.body : toJsonText(request.body);
		options.headers = { ...options.headers, 'Content-Type': 'application/json' };
	}
	return options;
}

/** Reads a REST answer: the parsed body of a 2xx, or the provider's fault mapped by `toFailure`. */
export function readRestResponse(
	response: RawResponse,
	toFailure: (status: number, body: unknown, text: string) => ItemFailure,
): unknown {
	const body = parseBody(response.body);
	if (response.statusCode >= 200 && response.statusCode < 300) return body;
	throw toFailure(response.statusCode, body, response.body);
}

export function asObject(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** Text of a field when it is a non-empty string or number. */
export function textField(body: unknown, key: string): string | undefined {
	const value = asObject(body)[key];
	if (typeof value === 'string' && value.trim() !== '') return value;
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** A short readable text from a non-JSON error body (an HTML error page, say). */
export function plainText(text: string, maxLength = 300): string {
	const stripped = text
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return stripped.length > maxLength ? `${stripped.slice(0, maxLength)}…` : stripped;
}

export function looksLikeHtml(text: string): boolean {
	return /^\s*<(!doctype|html|head|body)/i.test(text);
}
