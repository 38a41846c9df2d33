const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** A base URL without trailing slashes, as the contract says base URLs are used. */
export function trimTrailingSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/**
 * Returns why a URL must not be used, or undefined when it may. Plain http is allowed only to
 * this machine, so an API key or password never crosses a network in clear text.
 */
export function insecureUrlReason(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `"${url}" is not a valid URL`;
	}
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol === 'http:') {
		return LOOPBACK_HOSTS.test(parsed.hostname)
			? undefined
			: `plain http:// is only allowed for localhost; use https:// for ${parsed.host} so the credentials are not sent in clear text`;
	}
	return `"${parsed.protocol}" URLs are not supported; use https://`;
}

/** The URL a request goes to, combining baseURL and url the way n8n's request helper does. */
export function effectiveUrl(options: { url: string; baseURL?: string }): string {
	if (!options.baseURL || /^https?:\/\//i.test(options.url)) return options.url;
	return `${trimTrailingSlashes(options.baseURL)}/${options.url.replace(/^\/+/, '')}`;
}

/** Throws a plain Error (the credential layer has no node to attach it to) for a refused URL. */
export function assertSendableUrl(url: string): void {
	const reason = insecureUrlReason(url);
	if (reason) throw new Error(`Refused to send the request: ${reason}`);
}
