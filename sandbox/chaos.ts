/**
 * Seeded chaos: each provider request draws one outcome from a seeded PRNG, so a run with the same seed and the
 * same request order meets the same faults.
 */
import { PROVIDER_NAMES, type ChaosOutcome, type ProviderName } from './types';

export interface ChaosConfig {
	/** Any integer; the same seed gives the same outcomes for the same request order. */
	seed: number;
	/** Probabilities 0..1 (their sum at most 1); the rest of the requests are handled normally. */
	rate429?: number;
	rate503?: number;
	/** Connection destroyed before handling: nothing applied. */
	dropBefore?: number;
	/** Handled (applied), then the connection destroyed without an answer. */
	dropAfter?: number;
	/** Delayed by `slowMs`, then handled normally. */
	slow?: number;
	/** Default 1000. */
	slowMs?: number;
	/** Only requests to this provider (default all). */
	provider?: ProviderName;
}

/** The outcomes, each named like its rate field, in the order their ranges are laid out on [0, 1). */
const OUTCOMES: readonly ChaosOutcome[] = ['rate429', 'rate503', 'dropBefore', 'dropAfter', 'slow'];

type CheckedChaos = Required<Omit<ChaosConfig, 'provider'>> & { provider?: ProviderName };

const DEFAULT_SLOW_MS = 1000;

/** mulberry32: a tiny, well-mixed 32-bit PRNG giving [0, 1). */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface ChaosDraw {
	outcome: ChaosOutcome;
	/** For rate429: 0 or 1. */
	retryAfterSeconds: number;
}

export class Chaos {
	private config: CheckedChaos | null = null;
	private random: (() => number) | null = null;
	/** A second stream for latency jitter, so jitter never shifts the chaos outcomes. */
	private jitterRandom: (() => number) | null = null;

	set(config: ChaosConfig | null): void {
		if (config === null) {
			this.config = this.random = this.jitterRandom = null;
			return;
		}
		this.config = validateChaos(config);
		this.random = mulberry32(this.config.seed);
		this.jitterRandom = mulberry32(this.config.seed ^ 0x5bd1e995);
	}

	get slowMs(): number {
		return this.config?.slowMs ?? DEFAULT_SLOW_MS;
	}

	/** [0, 1) for latency jitter: seeded when chaos is on, else Math.random. */
	jitter(): number {
		return this.jitterRandom ? this.jitterRandom() : Math.random();
	}

	/** The outcome for the next request, or undefined for a normal one (two draws per request, always). */
	draw(provider: ProviderName): ChaosDraw | undefined {
		const { config, random } = this;
		if (!config || !random) return undefined;
		const pick = random();
		const retryAfterSeconds = random() < 0.5 ? 0 : 1;
		if (config.provider !== undefined && config.provider !== provider) return undefined;
		let threshold = 0;
		for (const outcome of OUTCOMES) {
			threshold += config[outcome];
			if (pick < threshold) return { outcome, retryAfterSeconds };
		}
		return undefined;
	}

	clear(): void {
		this.set(null);
	}
}

function validateChaos(config: unknown): CheckedChaos {
	if (typeof config !== 'object' || config === null || Array.isArray(config))
		throw new TypeError('chaos must be an object {seed, rate429, …} or null');
	const known = new Set<string>([...OUTCOMES, 'seed', 'slowMs', 'provider']);
	for (const field of Object.keys(config))
		if (!known.has(field)) throw new TypeError(`unknown chaos field '${field}'`);
	const given = config as ChaosConfig;
	if (!Number.isInteger(given.seed)) throw new TypeError('chaos seed must be an integer');
	if (given.provider !== undefined && !PROVIDER_NAMES.includes(given.provider))
		throw new TypeError(`unknown provider '${given.provider}'`);
	const slowMs = given.slowMs ?? DEFAULT_SLOW_MS;
	if (!(typeof slowMs === 'number' && slowMs >= 0 && Number.isFinite(slowMs)))
		throw new TypeError('chaos slowMs must be ≥ 0');
	let sum = 0;
	const rates = {} as Record<ChaosOutcome, number>;
	for (const outcome of OUTCOMES) {
		const rate = given[outcome] ?? 0;
		if (!(typeof rate === 'number' && rate >= 0 && rate <= 1))
			throw new TypeError(`chaos ${outcome} must be a probability 0..1`);
		rates[outcome] = rate;
		sum += rate;
	}
	if (sum > 1 + 1e-9) throw new TypeError('chaos rates must add up to at most 1');
	return { seed: given.seed, slowMs, provider: given.provider, ...rates };
}
