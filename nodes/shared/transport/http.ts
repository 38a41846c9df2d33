import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { effectiveUrl, urlProblem } from '../../../common/url';
import { ItemFailure } from '../engine/failure';
import type { ProviderDefinition, RawResponse } from '../engine/types';
import { intervalFor, paceFor } from './pace';
import { credentialSecrets, redactSecrets } from './redact';
import { CancelledError, requestDeadline, sleep, whenFired } from './sleep';

export interface TransportOptions {
	/** Automatic retries of 429 and 503 answers; 0 turns them off. */
	maxRetries: number;
	/** Milliseconds one request may take, headers and body, before the item fails with `timeout`. */
	timeout: number;
	/** Request starts per minute for this credential in this process; 0 = no pacing. */
	maxRequestsPerMinute?: number;
	/** The execution's cancel signal: no new request starts once it fires. */
	cancelSignal?: AbortSignal;
	/** The credential, resolved once per node run (as n8n's own request helper does). */
	credentials?: ICredentialDataDecryptedObject;
}

export const DEFAULT_TRANSPORT_OPTIONS: TransportOptions = { maxRetries: 3, timeout: 30000 };

/** The largest answer read, after decompression; a larger one is a provider_error, not a crash. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** The statuses that say "try again later"; nothing else is retried automatically. */
const RETRIED_STATUSES = new Set([429, 503]);
const MAX_WAIT_MS = 30000;
const BACKOFF_BASE_MS = 500;

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

function headerValue(headers: RawResponse['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Milliseconds to wait before retry `attempt` (0-based): Retry-After when given (seconds or an
 * HTTP date; a negative or unreadable value counts as absent), else backoff with jitter.
 */
export function retryDelayMs(response: RawResponse, attempt: number, now = Date.now()): number {
	const retryAfter = headerValue(response.headers, 'retry-after')?.trim();
	let delay: number | undefined;
	if (retryAfter) {
		if (/^\d+(\.\d+)?$/.test(retryAfter)) {
			delay = Number(retryAfter) * 1000;
		} else if (/[a-z]/i.test(retryAfter)) {
			// An HTTP date has a weekday and a month name; "-5" is not a date.
			const date = Date.parse(retryAfter);
			if (!Number.isNaN(date)) delay = Math.max(0, date - now);
		}
	}
	if (delay === undefined) {
		const exponential = BACKOFF_BASE_MS * 2 ** attempt;
		delay = exponential / 2 + Math.random() * (exponential / 2);
	}
	return Math.min(delay, MAX_WAIT_MS);
}

/** Walks an error and its causes for Node/axios error codes such as ECONNREFUSED. */
function errorCodes(error: unknown): string[] {
	const codes: string[] = [];
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (typeof code === 'string') codes.push(code);
		if (typeof message === 'string' && /timeout of \d+ms exceeded/i.test(message))
			codes.push('ETIMEDOUT');
		current = (current as { cause?: unknown }).cause;
	}
	return codes;
}

/** Failures where the request cannot have reached the provider: safe to retry. */
const NOT_SENT_CODES =
	/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|CERT_\w+|ERR_TLS_\w+|ERR_SSL_\w+|EPROTO|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)$/;
const TIMEOUT_CODES = ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT'];

function timedOut(timeoutMs: number): ItemFailure {
	return new ItemFailure({
		message: `The provider did not answer within ${timeoutMs} ms; the outcome is unknown`,
		description: 'Check the provider before retrying: the action may have been carried out.',
		category: 'timeout',
		code: 'TIMEOUT',
	});
}

/**
 * Maps a request that got no complete answer to the contract's failures: `unavailable` only when
 * the request cannot have reached the provider; a connection broken after the request was sent
 * is `timeout` (code NETWORK): the provider may have carried the action out.
 */
function transportFailure(error: unknown, timeoutMs: number): ItemFailure {
	if (error instanceof ItemFailure) return error;
	const codes = errorCodes(error);
	if (codes.some((code) => TIMEOUT_CODES.includes(code))) return timedOut(timeoutMs);
	if (codes.some((code) => NOT_SENT_CODES.test(code))) {
		return new ItemFailure({
			message: 'Could not reach the provider',
			description: `Network error ${codes.find((code) => NOT_SENT_CODES.test(code))}: nothing was sent`,
			category: 'unavailable',
			code: 'NETWORK',
		});
	}
	return new ItemFailure({
		message:
			'The connection to the provider broke after the request was sent; the outcome is unknown',
		description: `${codes.length ? `Network error ${codes[0]}. ` : ''}Check the provider before retrying: the action may have been carried out.`,
		category: 'timeout',
		code: 'NETWORK',
	});
}

/** A credential whose base URL may not be used: nothing is sent. */
export function baseUrlRefused(reason: string): ItemFailure {
	return new ItemFailure({
		message: `The credential's base URL was refused: ${reason}`,
		category: 'validation',
		code: 'INVALID_PARAMETER',
	});
}

function tooLarge(statusCode: number): ItemFailure {
	return new ItemFailure({
		message: `The provider's answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB; it was not read`,
		httpCode: statusCode,
		code: String(statusCode),
		category: 'provider_error',
	});
}

/**
 * Reads a response body (a stream, or the text or bytes n8n's legacy helper gives) up to
 * MAX_RESPONSE_BYTES.
 */
export async function readBody(body: unknown, statusCode: number): Promise<string> {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
		if (bytes > MAX_RESPONSE_BYTES) throw tooLarge(statusCode);
		return body.toString();
	}
	const stream = body as AsyncIterable<Buffer | string> & { destroy?: () => void };
	if (typeof stream[Symbol.asyncIterator] !== 'function') return String(body);
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stream) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		total += buffer.length;
		if (total > MAX_RESPONSE_BYTES) {
			stream.destroy?.();
			throw tooLarge(statusCode);
		}
		chunks.push(buffer);
	}
	// Decoded once at the end, so a character split across chunks stays whole.
	return Buffer.concat(chunks).toString('utf8');
}

/** A 3xx is never followed (the credentials would go with it); it names only the target's origin. */
function redirectRefused(response: RawResponse): ItemFailure {
	const location = headerValue(response.headers, 'location');
	let target = 'an address it did not give';
	if (location) {
		try {
			target = new URL(location).origin;
		} catch {
			target = 'an unreadable address';
		}
	}
	return new ItemFailure({
		message: `The provider answered with a redirect (HTTP ${response.statusCode}) to ${target}; redirects are not followed, so the credentials stay with the configured address`,
		description: 'Check the base URL of the credential.',
		httpCode: response.statusCode,
		code: String(response.statusCode),
		category: 'provider_error',
	});
}

type FullResponse = { statusCode: number; headers: RawResponse['headers']; body: unknown };

/** Destroys a response body that nobody will read, so its socket is released. */
function discard(response: FullResponse | undefined): void {
	(response?.body as { destroy?: () => void } | undefined)?.destroy?.();
}

/**
 * One attempt: n8n's authenticated request helper, never following redirects, with one deadline
 * for headers and body together and the body read up to its cap. (n8n sets the request's abort
 * signal to the execution's cancel signal, so the deadline races the request instead.)
 */
async function attempt(
	context: RequestContext,
	credentialType: string,
	request: IHttpRequestOptions,
	options: TransportOptions,
	credentialsDecrypted: ICredentialDataDecryptedObject | undefined,
): Promise<RawResponse> {
	let response: FullResponse | undefined;
	const deadline = whenFired(requestDeadline(options.timeout));
	const cancelled = options.cancelSignal ? whenFired(options.cancelSignal) : undefined;
	const stop = Promise.race([
		deadline.fired.then(() => timedOut(options.timeout)),
		...(cancelled ? [cancelled.fired.then(() => new CancelledError())] : []),
	]);
	const sent = (async (): Promise<RawResponse> => {
		response = (await context.helpers.httpRequestWithAuthentication
			.call(
				context,
				credentialType,
				{
					...request,
					headers: { ...request.headers },
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					encoding: 'stream',
					json: false,
					timeout: options.timeout,
				},
				credentialsDecrypted
					? {
							credentialsDecrypted: {
								id: '',
								name: '',
								type: credentialType,
								data: credentialsDecrypted,
							},
						}
					: undefined,
			)
			.catch((error: unknown) =>
				Promise.reject(transportFailure(error, options.timeout)),
			)) as FullResponse;
		const body = await readBody(response.body, response.statusCode).catch((error: unknown) =>
			Promise.reject(transportFailure(error, options.timeout)),
		);
		return {
			method: (request.method ?? 'GET').toUpperCase(),
			statusCode: response.statusCode,
			headers: response.headers ?? {},
			body,
		};
	})();
	const outcome: { answer: RawResponse } | { failure: unknown } = await Promise.race([
		sent.then(
			(answer) => ({ answer }),
			(failure: unknown) => ({ failure }),
		),
		stop.then((failure) => ({ failure })),
	]);
	deadline.dispose();
	cancelled?.dispose();
	if ('answer' in outcome) return outcome.answer;
	// Lost to the deadline or the cancel signal: whatever still arrives is dropped unread.
	discard(response);
	void sent.then(
		() => discard(response),
		() => discard(response),
	);
	return await Promise.reject(outcome.failure);
}

/** Pace keys already worked out, per node context (n8n's getNode() copies the whole node). */
const credentialKeys = new WeakMap<RequestContext, string>();

/** The key of a credential's pace: its type and the n8n credential the node uses. */
function credentialKey(context: RequestContext, credentialType: string): string {
	const known = credentialKeys.get(context);
	if (known?.startsWith(`${credentialType}:`)) return known;
	const details = context.getNode().credentials?.[credentialType];
	const key = `${credentialType}:${details?.id ?? details?.name ?? ''}`;
	credentialKeys.set(context, key);
	return key;
}

/**
 * Sends one request through n8n's credential-aware request helper and returns the answer whatever
 * its status, after retrying 429/503 answers. Every start (retries included) takes its turn in the
 * credential's pace, and a 429 pauses the credential for everyone in this process.
 */
export async function sendRequest(
	context: RequestContext,
	credentialType: string,
	request: IHttpRequestOptions,
	options: TransportOptions,
	credentialsDecrypted?: ICredentialDataDecryptedObject,
): Promise<RawResponse> {
	const refused = urlProblem(effectiveUrl(request));
	if (refused) throw baseUrlRefused(refused);
	const pace = paceFor(credentialKey(context, credentialType));
	const interval = intervalFor(options.maxRequestsPerMinute ?? 0);
	for (let attemptIndex = 0; ; attemptIndex++) {
		await pace.take(interval, options.cancelSignal);
		const response = await attempt(context, credentialType, request, options, credentialsDecrypted);
		// A 3xx comes back like any other answer; readProviderAnswer refuses it.
		if (!RETRIED_STATUSES.has(response.statusCode)) return response;
		const delay = retryDelayMs(response, attemptIndex);
		if (response.statusCode === 429) pace.pause(delay);
		if (attemptIndex >= options.maxRetries) return response;
		await sleep(delay, options.cancelSignal);
	}
}

/**
 * One provider request: the node's credentials, n8n's authenticated send (with retries), the
 * answer redacted of the credential's secrets, then the provider's own reading of it, which
 * throws an ItemFailure for a fault.
 */
export async function requestProvider<TRequest, TAnswer>(
	context: RequestContext,
	provider: ProviderDefinition<TRequest, TAnswer>,
	request: TRequest,
	options: TransportOptions,
	itemIndex?: number,
): Promise<TAnswer> {
	const resolvedCredentials = options.credentials;
	const credentials =
		resolvedCredentials ??
		((await context.getCredentials(
			provider.credentialType,
			itemIndex,
		)) as ICredentialDataDecryptedObject);
	const httpRequest = provider.toHttpRequest(request, credentials);
	const startedAt = Date.now();
	const response = await sendRequest(
		context,
		provider.credentialType,
		httpRequest,
		options,
		resolvedCredentials,
	);
	return readProviderAnswer(provider, credentials, httpRequest, response, startedAt);
}

/**
 * The provider's reading of an answer (whose body was read through readBody, so its size is
 * already checked), after a 3xx is refused (the transport never follows one) and the
 * credential's secrets and the request's signatures are redacted from it. `startedAt`: when the
 * request was first sent (ms).
 */
export function readProviderAnswer<TRequest, TAnswer>(
	provider: ProviderDefinition<TRequest, TAnswer>,
	credentials: ICredentialDataDecryptedObject,
	httpRequest: IHttpRequestOptions,
	response: RawResponse,
	startedAt: number,
): TAnswer {
	if (response.statusCode >= 300 && response.statusCode < 400) throw redirectRefused(response);
	const secrets = [
		...credentialSecrets(credentials),
		...(provider.derivedSecrets?.(credentials, httpRequest, startedAt, Date.now()) ?? []),
	];
	return provider.readResponse({ ...response, body: redactSecrets(response.body, secrets) });
}
