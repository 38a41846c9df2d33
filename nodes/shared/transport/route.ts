import { invalidParameter } from '../engine/failure';

/** An HTTP method and a path template, octokit-style: `'POST contract/{contractId}/cancelSchedule'`. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Route = `${HttpMethod} ${string}`;

/** The placeholder names of a route template, as a union type (`'contractId'` for the example above). */
export type RouteParameters<R extends string> = R extends `${string}{${infer Name}}${infer Rest}`
	? Name | RouteParameters<Rest>
	: never;

/** A value as it goes into a URL: percent-encoded, refusing what cannot be encoded. */
export function encodeUrlValue(name: string, value: string): string {
	try {
		return encodeURIComponent(value);
	} catch {
		// encodeURIComponent throws URIError for a lone surrogate.
		throw invalidParameter(
			name,
			'contains a character that cannot be sent (a broken emoji or symbol)',
		);
	}
}

/**
 * Fills a route template with the validated parameters named by its placeholders. Each value is
 * percent-encoded as one path segment; an empty value, `.` or `..` is refused because the URL
 * would then point at another resource.
 */
export function fillRoute(
	route: Route,
	params: Readonly<Record<string, string>>,
): { method: HttpMethod; path: string } {
	const space = route.indexOf(' ');
	const method = route.slice(0, space) as HttpMethod;
	const path = route
		.slice(space + 1)
		.replace(/\{([A-Za-z0-9_]+)\}/g, (_placeholder, name: string) => {
			const value = params[name];
			if (value === undefined) throw new Error(`The route "${route}" has no value for {${name}}`);
			if (value === '' || value === '.' || value === '..') {
				throw invalidParameter(name, 'must not be empty, "." or ".."');
			}
			return encodeUrlValue(name, value);
		});
	return { method, path };
}

/** A query string of the given pairs in order (undefined values left out), or ''. */
export function queryString(
	query: Readonly<Record<string, string | undefined>> | undefined,
): string {
	const pairs = Object.entries(query ?? {}).filter(
		(entry): entry is [string, string] => entry[1] !== undefined,
	);
	if (!pairs.length) return '';
	return `?${pairs.map(([key, value]) => `${encodeUrlValue(key, key)}=${encodeUrlValue(key, value)}`).join('&')}`;
}
