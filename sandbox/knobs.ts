/**
 * Knobs: test-controlled behaviour that is not part of the providers' state: injected faults and latency.
 */
import { PROVIDER_NAMES, type ProviderName } from './types';

export interface FaultRule {
	provider?: ProviderName;
	/** Case-insensitive. */
	method?: string;
	/** Substring of the raw path, provider prefix included. */
	pathIncludes?: string;
	status?: number;
	/** Sent as the Retry-After header with `status`. */
	retryAfter?: string;
	/** Default: the provider's normal error body for `status`. */
	body?: string;
	/** Default: the provider's content type (JSON, or text/xml for debitsuccess). */
	contentType?: string;
	/** Destroy the socket without any response. */
	drop?: boolean;
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

interface QueuedRule {
	rule: FaultRule;
	remaining: number;
}

export class Knobs {
	private rules: QueuedRule[] = [];
	private latency = 0;

	/** Queues a rule after checking it; throws a TypeError naming the bad field. */
	inject(rule: FaultRule): void {
		validateFaultRule(rule);
		this.rules.push({ rule: { ...rule }, remaining: rule.times ?? 1 });
	}

	/** Delay added before every response. */
	setLatency(ms: number): void {
		if (!Number.isFinite(ms) || ms < 0)
			throw new TypeError('latency must be a number of milliseconds ≥ 0');
		this.latency = ms;
	}

	get latencyMs(): number {
		return this.latency;
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
	}
}

function ruleMatches(rule: FaultRule, target: FaultTarget): boolean {
	return (
		(rule.provider === undefined || rule.provider === target.provider) &&
		(rule.method === undefined || rule.method.toUpperCase() === target.method.toUpperCase()) &&
		(rule.pathIncludes === undefined || target.path.includes(rule.pathIncludes))
	);
}

const OPTIONAL_FIELD_TYPES: Record<keyof FaultRule, 'string' | 'number' | 'boolean'> = {
	provider: 'string',
	method: 'string',
	pathIncludes: 'string',
	status: 'number',
	retryAfter: 'string',
	body: 'string',
	contentType: 'string',
	drop: 'boolean',
	delayMs: 'number',
	times: 'number',
};

/** Rules also arrive as JSON on POST /__sandbox/inject, so check them at runtime. */
export function validateFaultRule(rule: unknown): asserts rule is FaultRule {
	if (typeof rule !== 'object' || rule === null || Array.isArray(rule))
		throw new TypeError('a fault rule must be an object');
	for (const [field, value] of Object.entries(rule)) {
		const expected = OPTIONAL_FIELD_TYPES[field as keyof FaultRule];
		if (expected === undefined) throw new TypeError(`unknown fault rule field '${field}'`);
		if (value !== undefined && typeof value !== expected)
			throw new TypeError(`fault rule field '${field}' must be a ${expected}`);
	}
	const { provider, status, delayMs, times, drop } = rule as FaultRule;
	if (provider !== undefined && !PROVIDER_NAMES.includes(provider))
		throw new TypeError(`unknown provider '${provider}'`);
	if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599))
		throw new TypeError('status must be an HTTP status 100..599');
	if (delayMs !== undefined && !(delayMs >= 0)) throw new TypeError('delayMs must be ≥ 0');
	if (times !== undefined && !(Number.isInteger(times) && times >= 1))
		throw new TypeError('times must be an integer ≥ 1');
	if (status === undefined && !drop && delayMs === undefined)
		throw new TypeError('a fault rule needs status, drop or delayMs');
}
