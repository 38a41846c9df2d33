import { createHmac } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { effectiveUrl, signedWithHeaders, trimTrailingSlashes } from './url';
import type { SignableRequest } from './url';

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

/** A request signed with the Singula credential: `Authorization: hmac <key>:<signature>` and `Timestamp`. */
export function signSingulaRequest<T extends SignableRequest>(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: T,
) {
	return signedWithHeaders(
		requestOptions,
		trimTrailingSlashes(String(credentials.baseUrl ?? '')),
		(guarded) => {
			const timestamp = Math.floor(Date.now() / 1000).toString();
			const signature = singulaSignature(
				String(credentials.apiSecret ?? ''),
				timestamp,
				(guarded.method ?? 'GET').toUpperCase(),
				signedPath(effectiveUrl(guarded)),
			);
			return {
				Authorization: `hmac ${String(credentials.apiKey ?? '')}:${signature}`,
				Timestamp: timestamp,
			};
		},
	);
}
