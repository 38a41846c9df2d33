import { CancelledError, sleep, unlessCancelled } from './sleep';

/**
 * Request starts made with one credential in this n8n process: consecutive starts at least
 * `intervalMs` apart, and none while a 429 pause lasts. Shared across items, nodes and executions
 * (module scope, keyed by credential); in queue mode every worker process has its own.
 *
 * Turns are taken in the order they were asked for: a bulk run sends its rows in input order (a
 * stop or a cancel leaves the rows before a point done, not a scatter), and a dropdown asked for
 * during a run waits behind the requests already waiting, not at random among them.
 */
export class CredentialPace {
	private nextStart = 0;
	private pausedUntil = 0;
	/** Settles once every earlier taker has started or given up. */
	private lastInLine: Promise<void> = Promise.resolve();

	/** How many takers are in line or waiting for their slot. */
	private waiting = 0;

	/** Waits until a request may start, then counts the start. */
	async take(intervalMs: number, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) throw new CancelledError();
		// Unpaced, not paused and nobody in line: the queue would let it go at once.
		if (intervalMs <= 0 && this.waiting === 0 && this.pausedUntil <= Date.now()) return;
		this.waiting++;
		const ahead = this.lastInLine;
		let leave = () => {};
		this.lastInLine = new Promise<void>((resolve) => {
			leave = resolve;
		});
		try {
			await unlessCancelled(ahead, signal);
			await this.waitForSlot(intervalMs, signal);
		} finally {
			this.waiting--;
			// Who gives up early (cancelled) still lets the next one go only after those ahead.
			void ahead.then(leave);
		}
	}

	private async waitForSlot(intervalMs: number, signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = Date.now();
			const at = Math.max(this.pausedUntil, intervalMs > 0 ? this.nextStart : 0);
			if (at <= now) {
				if (intervalMs > 0) this.nextStart = now + intervalMs;
				return;
			}
			// A 429 may lengthen the pause meanwhile: look again after waking.
			await sleep(at - now, signal);
		}
	}

	/** A 429 arrived: no new request with this credential starts for `ms`. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}
}

const paces = new Map<string, CredentialPace>();

/** The pace of one credential (type and n8n credential id) in this process. */
export function paceFor(credentialKey: string): CredentialPace {
	let pace = paces.get(credentialKey);
	if (!pace) {
		pace = new CredentialPace();
		paces.set(credentialKey, pace);
	}
	return pace;
}

/** Milliseconds between request starts for a per-minute limit; 0 = no pacing. */
export function intervalFor(maxRequestsPerMinute: number): number {
	return maxRequestsPerMinute > 0 ? 60000 / maxRequestsPerMinute : 0;
}
