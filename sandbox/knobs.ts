/**
 * Knobs: test-controlled behaviour that is not part of the providers' state: injected faults (including hostile
 * answers: redirects, echoing bodies, huge or gzip bodies, dripping bodies, broken connections) and latency.
 */
import { validateHeaderName, validateHeaderValue } from 'node:http';
import { checkTemplate } from './hostile';
import { PROVIDER_NAMES, type ProviderName } from './types';

export interface FaultRule {
	provider?: ProviderName;
	/** Case-insensitive. */
	method?: string;
	/** Substring of the raw path, provider prefix included. */
	pathIncludes?: string;
	/** Answer with this status instead of handling the request. */
	status?: number;
	/** Sent as the Retry-After header with `status`. */
	retryAfter?: string;
	/** Sent as the Location header with `status` (a redirect when it is 3xx). Template placeholders allowed. */
	location?: string;
	/**
	 * Body sent with `status`; default the provider's normal error body (a short HTML note for a redirect).
	 * Placeholders `{{header:<name>}}`, `{{body}}`, `{{rawQuery}}`, each optionally `json:`, `xml:` or `url:` encoded
	 * (`{{json:header:x-api-key}}`), are filled from the request received.
	 */
	body?: string;
	/** Default: the provider's content type (JSON, or text/xml for debitsuccess). */
	contentType?: string;
	/** Generate a `status` body of exactly this many bytes, streamed: `bodyPrefix`, `bodyChunk` repeated, spaces, `bodySuffix`. */
	bodyBytes?: number;
	/** Repeated to fill `bodyBytes`; default 64 hex digits. */
	bodyChunk?: string;
	/** Default `{"padding":"` (so that with the defaults the body is one JSON object). Template placeholders allowed. */
	bodyPrefix?: string;
	/** Default `"}`. Template placeholders allowed. */
	bodySuffix?: string;
	/** Extra response headers (injected or normal answer). Template placeholders allowed in the values. */
	headers?: Record<string, string>;
	/** Send the body (injected or normal) gzip-compressed with `Content-Encoding: gzip`. */
	gzip?: boolean;
	/** Send the body (injected or normal) one byte every `dripMs` ms after the headers. */
	dripMs?: number;
	/** Send the status line and headers (and `partialBody`), then destroy the socket. */
	resetAfterHeaders?: boolean;
	/** Body bytes written before the reset (with `resetAfterHeaders`). */
	partialBody?: string;
	/** Destroy the socket without any response, before handling (nothing applied). */
	drop?: boolean;
	/** Handle the request normally (state changes, counted as applied), then destroy the socket unanswered. */
	applyThenDrop?: boolean;
	/** Wait this long before handling normally (or before answering with `status` / dropping). */
	delayMs?: number;
	/** How many matching requests the rule applies to; default 1. */
	times?: number;
}

/** The request facts a rule is matched against. */
export interface FaultTarget {
	provider: ProviderName;
	method: string;
	path: string;
}

export interface LatencyOptions {
	/** Each response is delayed by `ms` plus a random 0..jitterMs (seeded when chaos has a seed). */
	jitterMs?: number;
}

interface QueuedRule {
	rule: FaultRule;
	remaining: number;
}

export class Knobs {
	private rules: QueuedRule[] = [];
	private latency = 0;
	private jitter = 0;

	/** Queues a rule after checking it; throws a TypeError naming the bad field. */
	inject(rule: FaultRule): void {
		validateFaultRule(rule);
		this.rules.push({ rule: { ...rule }, remaining: rule.times ?? 1 });
	}

	/** Delay added before every response, plus up to `jitterMs` more. */
	setLatency(ms: number, options: LatencyOptions = {}): void {
		const jitterMs = options.jitterMs ?? 0;
		if (!Number.isFinite(ms) || ms < 0)
			throw new TypeError('latency must be a number of milliseconds ≥ 0');
		if (!Number.isFinite(jitterMs) || jitterMs < 0)
			throw new TypeError('jitterMs must be a number of milliseconds ≥ 0');
		this.latency = ms;
		this.jitter = jitterMs;
	}

	get latencyMs(): number {
		return this.latency;
	}

	get jitterMs(): number {
		return this.jitter;
	}

	/** The delay for one response; `random` gives [0, 1). */
	latencyFor(random: () => number): number {
		return this.jitter > 0 ? this.latency + random() * this.jitter : this.latency;
	}

	/** The first queued rule that matches, consuming one of its uses (rules are applied in the order injected). */
	takeMatchingRule(target: FaultTarget): FaultRule | undefined {
		const index = this.rules.findIndex(({ rule }) => ruleMatches(rule, target));
		if (index < 0) return undefined;
		const queued = this.rules[index];
		queued.remaining -= 1;
		if (queued.remaining <= 0) this.rules.splice(index, 1);
		return queued.rule;
	}

	clear(): void {
		this.rules = [];
		this.latency = 0;
		this.jitter = 0;
	}
}

function ruleMatches(rule: FaultRule, target: FaultTarget): boolean {
	return (
		(rule.provider === undefined || rule.provider === target.provider) &&
		(rule.method === undefined || rule.method.toUpperCase() === target.method.toUpperCase()) &&
		(rule.pathIncludes === undefined || target.path.includes(rule.pathIncludes))
	);
}

const OPTIONAL_FIELD_TYPES: Record<keyof FaultRule, 'string' | 'number' | 'boolean' | 'object'> = {
	provider: 'string',
	method: 'string',
	pathIncludes: 'string',
	status: 'number',
	retryAfter: 'string',
	location: 'string',
	body: 'string',
	contentType: 'string',
	bodyBytes: 'number',
	bodyChunk: 'string',
	bodyPrefix: 'string',
	bodySuffix: 'string',
	headers: 'object',
	gzip: 'boolean',
	dripMs: 'number',
	resetAfterHeaders: 'boolean',
	partialBody: 'string',
	drop: 'boolean',
	applyThenDrop: 'boolean',
	delayMs: 'number',
	times: 'number',
};

/** Fields that only make sense with an injected `status`. */
const STATUS_ONLY_FIELDS = [
	'retryAfter',
	'location',
	'body',
	'contentType',
	'bodyBytes',
	'bodyChunk',
	'bodyPrefix',
	'bodySuffix',
] as const;

/** Fields that change how an answer is sent; each alone makes a rule (the provider then answers normally). */
const SHAPING_FIELDS = ['headers', 'gzip', 'dripMs', 'resetAfterHeaders', 'applyThenDrop'] as const;

/** Rules also arrive as JSON on POST /__sandbox/inject, so check them at runtime. */
export function validateFaultRule(rule: unknown): asserts rule is FaultRule {
	if (typeof rule !== 'object' || rule === null || Array.isArray(rule))
		throw new TypeError('a fault rule must be an object');
	for (const [field, value] of Object.entries(rule)) {
		const expected = OPTIONAL_FIELD_TYPES[field as keyof FaultRule];
		if (expected === undefined) throw new TypeError(`unknown fault rule field '${field}'`);
		if (value !== undefined && (typeof value !== expected || value === null))
			throw new TypeError(`fault rule field '${field}' must be a ${expected}`);
	}
	const checked = rule as FaultRule;
	const { provider, status, delayMs, times, drop, bodyBytes, dripMs, bodyChunk } = checked;
	if (provider !== undefined && !PROVIDER_NAMES.includes(provider))
		throw new TypeError(`unknown provider '${provider}'`);
	if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599))
		throw new TypeError('status must be an HTTP status 100..599');
	if (delayMs !== undefined && !(delayMs >= 0)) throw new TypeError('delayMs must be ≥ 0');
	if (dripMs !== undefined && !(dripMs > 0 && Number.isFinite(dripMs)))
		throw new TypeError('dripMs must be > 0');
	if (times !== undefined && !(Number.isInteger(times) && times >= 1))
		throw new TypeError('times must be an integer ≥ 1');
	for (const field of STATUS_ONLY_FIELDS) {
		if (checked[field] !== undefined && status === undefined)
			throw new TypeError(`fault rule field '${field}' needs a status`);
	}
	if (checked.body !== undefined && bodyBytes !== undefined)
		throw new TypeError('give either body or bodyBytes, not both');
	if (bodyChunk === '') throw new TypeError('bodyChunk must not be empty');
	if (bodyBytes !== undefined && !(Number.isSafeInteger(bodyBytes) && bodyBytes >= 0))
		throw new TypeError('bodyBytes must be an integer ≥ 0');
	if (checked.partialBody !== undefined && !checked.resetAfterHeaders)
		throw new TypeError("fault rule field 'partialBody' needs resetAfterHeaders");
	if (checked.applyThenDrop && (status !== undefined || drop))
		throw new TypeError('applyThenDrop handles the request normally: no status or drop with it');
	if (checked.headers !== undefined) validateHeaders(checked.headers);
	for (const template of [checked.body, checked.location, checked.bodyPrefix, checked.bodySuffix])
		if (template !== undefined) checkTemplate(template);
	const shapes = SHAPING_FIELDS.some((field) => checked[field] !== undefined);
	if (status === undefined && !drop && delayMs === undefined && !shapes)
		throw new TypeError(
			'a fault rule needs status, drop, delayMs or one of ' + SHAPING_FIELDS.join(', '),
		);
}

function validateHeaders(headers: object): void {
	if (Array.isArray(headers)) throw new TypeError("fault rule field 'headers' must be an object");
	for (const [name, value] of Object.entries(headers)) {
		if (typeof value !== 'string') throw new TypeError(`header '${name}' must be a string`);
		try {
			validateHeaderName(name);
			checkTemplate(value);
			validateHeaderValue(name, value);
		} catch (error) {
			throw new TypeError(`header '${name}': ${(error as Error).message}`);
		}
	}
}
