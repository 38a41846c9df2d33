/** Thrown when the execution's cancel signal fires while waiting or sending. */
export class CancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
		this.name = 'CancelledError';
	}
}

/**
 * A signal that fires after `ms`. (n8n's community-node rules do not allow timers; an
 * AbortSignal's own timeout serves, and is released once it has fired or is dropped.)
 */
export function deadlineSignal(ms: number): AbortSignal {
	return AbortSignal.timeout(Math.max(0, Math.ceil(ms)));
}

/** How finely request deadlines are kept: a deadline may fire up to this much late, never early. */
const DEADLINE_GRANULARITY_MS = 25;
const sharedDeadlines = new Map<number, AbortSignal>();

/**
 * A signal that fires once `ms` have passed, shared by every request whose deadline falls in the
 * same 25 ms slot: one clock per slot instead of one per request (a bulk run starts thousands).
 */
export function requestDeadline(ms: number): AbortSignal {
	const slot = Math.ceil((Date.now() + ms) / DEADLINE_GRANULARITY_MS);
	let signal = sharedDeadlines.get(slot);
	if (!signal) {
		signal = deadlineSignal(slot * DEADLINE_GRANULARITY_MS - Date.now());
		sharedDeadlines.set(slot, signal);
		signal.addEventListener('abort', () => sharedDeadlines.delete(slot), { once: true });
	}
	return signal;
}

/**
 * The waiters of each signal. A signal gets one listener from this module however many requests
 * wait on it (a bulk run has dozens on the execution's cancel signal and on each deadline slot),
 * so Node never warns of a listener leak and nothing is left on n8n's signal.
 */
const waiters = new WeakMap<AbortSignal, Set<() => void>>();

/** Resolves when `signal` fires; `dispose` stops waiting. */
export function whenFired(signal: AbortSignal): { fired: Promise<void>; dispose: () => void } {
	let wake = () => {};
	const fired = new Promise<void>((resolve) => {
		wake = resolve;
	});
	if (signal.aborted) {
		wake();
		return { fired, dispose: () => {} };
	}
	let set = waiters.get(signal);
	if (!set) {
		const created = new Set<() => void>();
		waiters.set(signal, created);
		signal.addEventListener(
			'abort',
			() => {
				for (const waiter of created) waiter();
				created.clear();
			},
			{ once: true },
		);
		set = created;
	}
	set.add(wake);
	const joined = set;
	return { fired, dispose: () => joined.delete(wake) };
}

/** Waits for `waited`, ending early with a CancelledError when `cancel` fires first. */
export async function unlessCancelled(waited: Promise<void>, cancel?: AbortSignal): Promise<void> {
	if (cancel?.aborted) throw new CancelledError();
	if (!cancel) return await waited;
	const cancelled = whenFired(cancel);
	try {
		const outcome = await Promise.race([
			waited.then(() => 'done' as const),
			cancelled.fired.then(() => 'cancelled' as const),
		]);
		if (outcome === 'cancelled') throw new CancelledError();
	} finally {
		cancelled.dispose();
	}
}

/** Waits `ms`, ending early with a CancelledError when `cancel` fires. */
export async function sleep(ms: number, cancel?: AbortSignal): Promise<void> {
	if (cancel?.aborted) throw new CancelledError();
	const timer = whenFired(deadlineSignal(ms));
	try {
		await unlessCancelled(timer.fired, cancel);
	} finally {
		timer.dispose();
	}
}
