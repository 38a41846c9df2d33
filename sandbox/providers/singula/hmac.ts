/** Singula's request signing: `Authorization: hmac <apiKey>:<SIG>` and a `Timestamp` header. */
import { createHmac } from 'node:crypto';
import { secretsEqual, SANDBOX_CREDENTIALS } from '../../credentials';

const TIMESTAMP_TOLERANCE_SECONDS = 300;

/** Upper-case hex HMAC-SHA256(secret, `<timestamp><METHOD><path>`), the path as sent (no host, no query). */
export function singulaSignature(
	apiSecret: string,
	timestamp: string,
	method: string,
	path: string,
): string {
	return createHmac('sha256', apiSecret)
		.update(`${timestamp}${method}${path}`, 'utf8')
		.digest('hex')
		.toUpperCase();
}

export interface SingulaAuthHeaders {
	authorization?: string;
	timestamp?: string;
}

/** Checks `Authorization: hmac <apiKey>:<SIG>` and a `Timestamp` within ±300 s of `nowMs`. */
export function verifySingulaHmac(
	headers: SingulaAuthHeaders,
	method: string,
	path: string,
	nowMs: number,
	credentials: { apiKey: string; apiSecret: string } = SANDBOX_CREDENTIALS.singula,
): boolean {
	const match = /^hmac\s+(.+):([^:]+)$/i.exec(headers.authorization ?? '');
	const timestamp = headers.timestamp ?? '';
	if (!match || !/^\d{1,12}$/.test(timestamp)) return false;
	if (Math.abs(nowMs / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return false;
	const [, apiKey, signature] = match;
	return (
		secretsEqual(apiKey, credentials.apiKey) &&
		secretsEqual(signature, singulaSignature(credentials.apiSecret, timestamp, method, path))
	);
}
