import { sleep } from './sleep';

/**
 * Request starts made with one credential in this n8n process: consecutive starts at least
 * `intervalMs` apart, and none while a 429 pause lasts. Shared across items, nodes and executions
 * (module scope, keyed by credential); in queue mode every worker process has its own.
 */
export class CredentialPace {
	private nextStart = 0;
	private pausedUntil = 0;

	/** Waits until a request may start, then counts the start. */
	async take(intervalMs: number, signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = Date.now();
			const at = Math.max(this.pausedUntil, intervalMs > 0 ? this.nextStart : 0);
			if (at <= now) {
				if (intervalMs > 0) this.nextStart = now + intervalMs;
				return;
			}
			// Another start or a longer pause may come first: look again after waking.
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
