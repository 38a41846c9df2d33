/** HTTP plumbing shared by the provider modules: response builders, a tiny router and body reading. */
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { toJson } from './json';
import type { ProviderContext, ProviderRequest, ProviderResponse } from './types';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function reasonPhrase(status: number): string {
	return STATUS_CODES[status] ?? 'Unknown Status';
}

export function jsonResponse(
	status: number,
	value: unknown,
	headers: Record<string, string> = {},
): ProviderResponse {
	return {
		status,
		headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
		body: toJson(value),
	};
}

export function textResponse(status: number, body: string, contentType: string): ProviderResponse {
	return { status, headers: { 'content-type': contentType }, body };
}

/**
 * Thrown by provider code to answer at once with an error response, so validation reads top to bottom.
 * The server catches it and sends `response`.
 */
export class ProviderFailure extends Error {
	constructor(readonly response: ProviderResponse) {
		super(`provider answered ${response.status}`);
	}
}

/** Answers the current request with `response` (see {@link ProviderFailure}). */
export function failWith(response: ProviderResponse): never {
	throw new ProviderFailure(response);
}

export function withHeaders(
	response: ProviderResponse,
	headers: Record<string, string>,
): ProviderResponse {
	return { ...response, headers: { ...response.headers, ...headers } };
}

/** A response with no body at all (no Content-Type either), e.g. Magicline's withdraw endpoints. */
export function emptyResponse(status: number): ProviderResponse {
	return { status, headers: {}, body: '' };
}

export function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

/** Lower-cases header names and joins repeated headers, as they are recorded. */
export function flattenHeaders(request: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (value !== undefined)
			headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

/** First value of each query parameter ('+' read as a space, as form encoding has it). */
export function parseQuery(rawQuery: string): Record<string, string> {
	const query: Record<string, string> = {};
	for (const [name, value] of new URLSearchParams(rawQuery)) {
		if (!(name in query)) query[name] = value;
	}
	return query;
}

/** Media type of a Content-Type header without its parameters, lower-cased ('' when absent). */
export function mediaType(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

// ---- router ---------------------------------------------------------------------------------------------------

export interface RouteCall {
	/** Path parameters, percent-decoded. */
	params: Record<string, string>;
	request: ProviderRequest;
	context: ProviderContext;
}

export interface Route {
	method: string;
	/** Segments separated by '/', ':name' for a parameter, e.g. `/contract/:contractId/cancelSchedule`. */
	pattern: string;
	handler: (call: RouteCall) => ProviderResponse;
}

type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'wrongMethod'; allowed: string[] }
	| { kind: 'none' };

export function route(method: string, pattern: string, handler: Route['handler']): Route {
	return { method, pattern, handler };
}

/** Finds the first route whose pattern fits the path; reports a wrong method when only the method differs. */
function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
	const allowed: string[] = [];
	for (const candidate of routes) {
		const params = matchPattern(candidate.pattern, path);
		if (!params) continue;
		if (candidate.method === method) return { kind: 'found', route: candidate, params };
		allowed.push(candidate.method);
	}
	return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'none' };
}

export interface RouteFallbacks {
	/** No route has this path. */
	notFound(): ProviderResponse;
	/** A route has this path but not this method; the Allow header is added for you. */
	methodNotAllowed(): ProviderResponse;
}

/** Runs the route for `path` (the part of the provider path the routes are written against). */
export function dispatch(
	routes: readonly Route[],
	path: string,
	request: ProviderRequest,
	context: ProviderContext,
	fallbacks: RouteFallbacks,
): ProviderResponse {
	const found = matchRoute(routes, request.method, path);
	if (found.kind === 'found')
		return found.route.handler({ params: found.params, request, context });
	if (found.kind === 'none') return fallbacks.notFound();
	return withHeaders(fallbacks.methodNotAllowed(), { allow: found.allowed.join(', ') });
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
	const expected = pattern.split('/');
	const actual = path.split('/');
	if (expected.length !== actual.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < expected.length; i++) {
		if (!expected[i].startsWith(':')) {
			if (expected[i] !== actual[i]) return undefined;
			continue;
		}
		const value = decodeSegment(actual[i]);
		if (!value) return undefined; // an empty or badly encoded segment never fills a parameter
		params[expected[i].slice(1)] = value;
	}
	return params;
}

/** decodeURIComponent that gives undefined for a malformed escape instead of throwing. */
export function decodeSegment(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}
