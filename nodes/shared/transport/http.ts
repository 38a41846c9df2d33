import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { effectiveUrl, urlProblem } from '../../../common/url';
import { ItemFailure } from '../engine/failure';
import type { ProviderDefinition, RawResponse } from '../engine/types';

export interface TransportOptions {
	/** Automatic retries of 429 and 503 answers; 0 turns them off. */
	maxRetries: number;
	/** Milliseconds one request may take before the item fails with `timeout`. */
	timeout: number;
}

export const DEFAULT_TRANSPORT_OPTIONS: TransportOptions = { maxRetries: 3, timeout: 30000 };

/** The statuses that say "try again later"; nothing else is retried automatically. */
const RETRIED_STATUSES = new Set([429, 503]);
const MAX_WAIT_MS = 30000;
const BACKOFF_BASE_MS = 500;

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

function headerValue(headers: RawResponse['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Milliseconds to wait before retry `attempt` (0-based): Retry-After when given, else backoff with jitter. */
export function retryDelayMs(response: RawResponse, attempt: number, now = Date.now()): number {
	const retryAfter = headerValue(response.headers, 'retry-after')?.trim();
	let delay: number | undefined;
	if (retryAfter) {
		if (/^\d+(\.\d+)?$/.test(retryAfter)) {
			delay = Number(retryAfter) * 1000;
		} else {
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

/** Walks an error and its causes for a Node/axios error code such as ECONNREFUSED. */
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

const TIMEOUT_CODES = ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT'];

/** Maps a request that got no HTTP answer to the contract's timeout or unavailable failure. */
function transportFailure(error: unknown, timeoutMs: number): ItemFailure {
	const codes = errorCodes(error);
	if (codes.some((code) => TIMEOUT_CODES.includes(code))) {
		return new ItemFailure({
			message: `The provider did not answer within ${timeoutMs} ms; the outcome is unknown`,
			description: 'Check the provider before retrying: the action may have been carried out.',
			category: 'timeout',
			code: 'TIMEOUT',
		});
	}
	return new ItemFailure({
		message: 'Could not reach the provider',
		description: codes.length
			? `Network error ${codes[0]}`
			: 'The connection failed before an answer arrived',
		category: 'unavailable',
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

/**
 * Sends one request through n8n's credential-aware request helper and returns the answer whatever
 * its status, after retrying 429/503 answers. Proxies and credential handling are n8n's own.
 */
export async function sendRequest(
	context: RequestContext,
	credentialType: string,
	request: IHttpRequestOptions,
	options: TransportOptions,
): Promise<RawResponse> {
	const refused = urlProblem(effectiveUrl(request));
	if (refused) throw baseUrlRefused(refused);
	for (let attempt = 0; ; attempt++) {
		let response: RawResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				credentialType,
				{
					...request,
					headers: { ...request.headers },
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					encoding: 'text',
					json: false,
					timeout: options.timeout,
				},
			)) as RawResponse;
		} catch (error) {
			throw transportFailure(error, options.timeout);
		}
		response.body = typeof response.body === 'string' ? response.body : String(response.body ?? '');
		if (!RETRIED_STATUSES.has(response.statusCode) || attempt >= options.maxRetries) {
			return response;
		}
		await sleep(retryDelayMs(response, attempt));
	}
}

/**
 * One provider request: the node's credentials, n8n's authenticated send (with retries), then the
 * provider's own reading of the answer, which throws an ItemFailure for a fault.
 */
export async function requestProvider<TRequest, TAnswer>(
	context: RequestContext,
	provider: ProviderDefinition<TRequest, TAnswer>,
	request: TRequest,
	options: TransportOptions,
	itemIndex?: number,
): Promise<TAnswer> {
	const credentials = await context.getCredentials(provider.credentialType, itemIndex);
	const response = await sendRequest(
		context,
		provider.credentialType,
		provider.toHttpRequest(request, credentials),
		options,
	);
	return provider.readResponse(response);
}
