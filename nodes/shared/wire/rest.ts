import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { urlProblem } from '../../../common/url';
import type { ItemFailure } from '../engine/failure';
import { baseUrlRefused } from '../transport/http';
import { operationsFor } from '../engine/types';
import type { ProviderDefinition, RawResponse, ResourceDefinition } from '../engine/types';
import { fillRoute, queryString } from '../transport/route';
import type { Route, RouteParameters } from '../transport/route';
import { parseBody, toJsonText } from './json';
import type { JsonBodyValue } from './json';

/** A REST call as an operation declares it: a route, its placeholder values, query and body. */
export interface RestRequest {
	route: Route;
	/** The validated parameter for each placeholder of the route. */
	params: Readonly<Record<string, string>>;
	/** Which of the provider's API roots the route is under; absent = its default root. */
	api?: string;
	/** Sent in this order; undefined values are left out. */
	query?: Readonly<Record<string, string | undefined>>;
	/** A JSON body; a string is sent as it is (e.g. `{}`, which n8n would otherwise drop). */
	body?: JsonBodyValue | string;
}

/** Declares an operation of a JSON REST provider. */
export const restOperation = operationsFor<RestRequest, unknown>();

/**
 * Declares a REST request. The route's placeholders are checked at compile time: each must be
 * given a value in `params`, e.g. `rest('POST contract/{contractId}/cancelSchedule', { contractId })`.
 */
export function rest<const R extends Route>(
	route: R,
	params: Readonly<Record<RouteParameters<R>, string>>,
	extras: Omit<RestRequest, 'route' | 'params'> = {},
): RestRequest {
	return { route, params, ...extras };
}

/**
 * The HTTP request for a REST call under `apiRoot`. The query string is written here (not by
 * axios) so what goes on the wire is exactly what the contract pins; JSON bodies are written as
 * text so int64 IDs keep every digit.
 */
export function restHttpRequest(apiRoot: string, request: RestRequest): IHttpRequestOptions {
	const { method, path } = fillRoute(request.route, request.params);
	const options: IHttpRequestOptions = {
		method,
		url: `${apiRoot}/${path}${queryString(request.query)}`,
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

/** The success item of an action: the provider's fields, `success: true`, then the ids given. */
export function actionItem(answer: unknown, echo: IDataObject): IDataObject {
	return { ...asObject(answer), success: true, ...echo };
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

/** How a REST provider is reached and how its faults read. */
export interface RestProviderSpec<
	TResources extends ReadonlyArray<ResourceDefinition<RestRequest, unknown>>,
> {
	name: string;
	credentialType: string;
	resources: TResources;
	/** The credential's base URL (no trailing slash). */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Path of each API root under the base URL; `default` serves routes that name no `api`. */
	apiRoots: Readonly<Record<string, (credentials: ICredentialDataDecryptedObject) => string>> & {
		default: (credentials: ICredentialDataDecryptedObject) => string;
	};
	/** The provider's fault for a non-2xx answer. */
	toFailure(status: number, body: unknown, text: string): ItemFailure;
}

/** A provider definition for a JSON REST API, from where it lives and how its faults read. */
export function restProvider<
	const TResources extends ReadonlyArray<ResourceDefinition<RestRequest, unknown>>,
>(spec: RestProviderSpec<TResources>): ProviderDefinition<RestRequest, unknown, TResources> {
	return {
		name: spec.name,
		credentialType: spec.credentialType,
		resources: spec.resources,
		toHttpRequest(request, credentials) {
			const baseUrl = spec.baseUrl(credentials);
			const refused = urlProblem(baseUrl, 'base');
			if (refused) throw baseUrlRefused(refused);
			const root = spec.apiRoots[request.api ?? 'default'];
			if (!root) throw new Error(`${spec.name} has no API root "${request.api}"`);
			return restHttpRequest(`${baseUrl}${root(credentials)}`, request);
		},
		readResponse: (response) => readRestResponse(response, spec.toFailure),
	};
}
