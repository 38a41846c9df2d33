const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** A base URL without trailing slashes, as the contract says base URLs are used. */
export function trimTrailingSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/**
 * Returns why a URL must not be used, or undefined when it may. Plain http is allowed only to
 * this machine, so an API key or password never crosses a network in clear text. A base URL must
 * also hold no user name or password, no query and no fragment (they would end up in every path).
 * The reason never repeats the URL itself: it may hold a password.
 */
export function urlProblem(url: string, kind: 'base' | 'request' = 'request'): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'it is not a valid URL (it must start with https://)';
	}
	if (parsed.username || parsed.password) {
		return 'it must not contain a user name or password; enter those in their own fields';
	}
	if (kind === 'base' && (parsed.search || url.includes('?'))) {
		return 'it must not contain a query (the part from "?")';
	}
	if (kind === 'base' && (parsed.hash || url.includes('#'))) {
		return 'it must not contain a fragment (the part from "#")';
	}
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol === 'http:') {
		return LOOPBACK_HOSTS.test(parsed.hostname)
			? undefined
			: `plain http:// is only allowed for localhost; use https:// for ${parsed.host} so the credentials are not sent in clear text`;
	}
	return `"${parsed.protocol}" URLs are not supported; use https://`;
}

/**
 * The URL a request goes to, combining baseURL and url the way n8n's request helper does. n8n's
 * legacy request options (the HTTP Request node using a predefined credential) name it `uri`.
 */
export function effectiveUrl(options: { url?: string; uri?: string; baseURL?: string }): string {
	const url = options.url ?? options.uri ?? '';
	if (!options.baseURL || /^https?:\/\//i.test(url)) return url;
	return `${trimTrailingSlashes(options.baseURL)}/${url.replace(/^\/+/, '')}`;
}

/** The parts of a request the signing functions read. */
export interface SignableRequest {
	url?: string;
	/** The URL in n8n's legacy request options. */
	uri?: string;
	baseURL?: string;
	method?: string;
	headers?: Record<string, unknown>;
}

/**
 * The last check before a credential signs a request: the request URL and the credential's base
 * URL must pass `urlProblem`, or a plain Error is thrown (the credential layer has no node to
 * attach it to). Redirects are never followed, so a provider (or anyone answering in its name)
 * cannot send the signed request, key and all, to another origin.
 */
export function guardRequest<T extends SignableRequest>(
	requestOptions: T,
	baseUrl?: string,
): T & { disableFollowRedirect: true } {
	const reason =
		(baseUrl === undefined ? undefined : urlProblem(baseUrl, 'base')) ??
		urlProblem(effectiveUrl(requestOptions));
	if (reason) throw new Error(`Refused to send the request: the base URL was refused: ${reason}`);
	return { ...requestOptions, disableFollowRedirect: true };
}

/** A guarded request (see guardRequest) with the credential's headers added. */
export function signedWithHeaders<T extends SignableRequest>(
	requestOptions: T,
	baseUrl: string,
	headers: (guarded: T & { disableFollowRedirect: true }) => Record<string, string>,
): T & { disableFollowRedirect: true } {
	const guarded = guardRequest(requestOptions, baseUrl);
	return { ...guarded, headers: { ...guarded.headers, ...headers(guarded) } };
}
