/**
 * Provider rate limits as fixed windows: a window opens with the first request for a key and lasts `windowMs`; the
 * `limit + 1`-th request in it and every later one until it ends get a 429 with Retry-After = whole seconds left.
 */
import { PROVIDER_NAMES, type ProviderName } from './types';

export interface RateLimit {
	/** Requests allowed per window (per endpoint when `perEndpoint`). */
	limit: number;
	windowMs: number;
	/** Count each endpoint (method + path template, see {@link endpointKey}) on its own; default true. */
	perEndpoint?: boolean;
}

/** Magicline's documented limit: 1,000 requests per endpoint per minute, 429 for the rest of the minute. */
export const MAGICLINE_RATE_LIMIT: Readonly<Required<RateLimit>> = Object.freeze({
	limit: 1000,
	windowMs: 60_000,
	perEndpoint: true,
});

const DEFAULT_RATE_LIMITS: Readonly<Partial<Record<ProviderName, Required<RateLimit>>>> = {
	magicline: MAGICLINE_RATE_LIMIT,
};

interface Window {
	startMs: number;
	count: number;
}

/** Path segments that are ids: all digits, or a UUID. */
const ID_SEGMENT = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The endpoint a request counts against: method, the raw path with every id segment (digits or a UUID) written
 * `{id}`, and for SOAP the SOAPAction (one path serves every operation), e.g.
 * `POST /magicline/v1/memberships/{id}/self-service/additional-module-contracts/{id}/ordinary-cancelation`.
 */
export function endpointKey(method: string, path: string, soapAction?: string): string {
	const template = path
		.split('/')
		.map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment))
		.join('/');
	return `${method.toUpperCase()} ${template}${soapAction ? ` ${soapAction}` : ''}`;
}

export class RateLimiter {
	private limits = new Map<ProviderName, Required<RateLimit>>();
	private windows = new Map<string, Window>();

	constructor() {
		this.clear();
	}

	/** Sets (or with null removes) a provider's limit; its windows start afresh. */
	set(provider: ProviderName, limit: RateLimit | null): void {
		if (!PROVIDER_NAMES.includes(provider)) throw new TypeError(`unknown provider '${provider}'`);
		if (limit === null) this.limits.delete(provider);
		else this.limits.set(provider, validateRateLimit(limit));
		for (const key of this.windows.keys())
			if (key.startsWith(`${provider} `)) this.windows.delete(key);
	}

	get(provider: ProviderName): Required<RateLimit> | null {
		return this.limits.get(provider) ?? null;
	}

	/** Every provider's limit (null = none). */
	all(): Record<ProviderName, Required<RateLimit> | null> {
		return Object.fromEntries(PROVIDER_NAMES.map((name) => [name, this.get(name)])) as Record<
			ProviderName,
			Required<RateLimit> | null
		>;
	}

	/** Counts one request; undefined when it may pass, else the Retry-After seconds of its 429. */
	take(provider: ProviderName, endpoint: string, nowMs: number): number | undefined {
		const limit = this.limits.get(provider);
		if (!limit) return undefined;
		const key = limit.perEndpoint ? `${provider} ${endpoint}` : `${provider} *`;
		let window = this.windows.get(key);
		if (!window || nowMs >= window.startMs + limit.windowMs) {
			window = { startMs: nowMs, count: 0 };
			this.windows.set(key, window);
		}
		window.count += 1;
		if (window.count <= limit.limit) return undefined;
		return Math.max(1, Math.ceil((window.startMs + limit.windowMs - nowMs) / 1000));
	}

	/** Back to the defaults: Magicline's documented limit on, every other provider off. */
	clear(): void {
		this.limits = new Map(
			Object.entries(DEFAULT_RATE_LIMITS) as Array<[ProviderName, Required<RateLimit>]>,
		);
		this.windows.clear();
	}
}

/** Limits also arrive as JSON on POST /__sandbox/rate-limit, so check them at runtime. */
function validateRateLimit(limit: unknown): Required<RateLimit> {
	if (typeof limit !== 'object' || limit === null || Array.isArray(limit))
		throw new TypeError('a rate limit must be an object {limit, windowMs, perEndpoint?} or null');
	const { limit: count, windowMs, perEndpoint = true, ...rest } = limit as RateLimit;
	const unknown = Object.keys(rest);
	if (unknown.length > 0) throw new TypeError(`unknown rate limit field '${unknown[0]}'`);
	if (!(Number.isInteger(count) && count >= 0))
		throw new TypeError('rate limit field limit must be an integer ≥ 0');
	if (!(typeof windowMs === 'number' && Number.isFinite(windowMs) && windowMs > 0))
		throw new TypeError('rate limit field windowMs must be a number > 0');
	if (typeof perEndpoint !== 'boolean')
		throw new TypeError('rate limit field perEndpoint must be a boolean');
	return { limit: count, windowMs, perEndpoint };
}
