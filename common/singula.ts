import { createHmac } from 'crypto';

/**
 * Singula's gateway signature (seen in a public client, not in vendor prose): upper-case hex of
 * HMAC-SHA256(apiSecret, `<timestamp><METHOD><path>`), path without host and query, as raw UTF-8
 * (the public test vector signs `/api/get/päth`, not its percent-encoding); the body is not signed.
 */
export function singulaSignature(
	apiSecret: string,
	timestamp: string,
	method: string,
	path: string,
): string {
	return createHmac('sha256', apiSecret)
		.update(`${timestamp}${method.toUpperCase()}${path}`, 'utf8')
		.digest('hex')
		.toUpperCase();
}

/** The path a request URL is signed over: its pathname, percent-decoded to raw UTF-8. */
export function signedPath(url: string): string {
	const { pathname } = new URL(url);
	try {
		return decodeURIComponent(pathname);
	} catch {
		return pathname;
	}
}
