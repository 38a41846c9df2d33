/** Types shared by the server, the knobs and the provider modules. */
import type { SandboxEvent } from './events';
import type { SandboxState } from './state';

export type ProviderName = 'accessPaySuite' | 'magicline' | 'singula' | 'debitsuccess';

export const PROVIDER_NAMES: readonly ProviderName[] = [
	'accessPaySuite',
	'magicline',
	'singula',
	'debitsuccess',
];

/** One request as the sandbox received it (kept in `sandbox.requests`). */
export interface RecordedRequest {
	provider: ProviderName;
	method: string;
	/** Raw path as received, without the query, including the provider prefix (e.g. `/ddcms/api/v3/...`). */
	path: string;
	query: Record<string, string>;
	/** Text after '?', '' when there is none. */
	rawQuery: string;
	/** Header names lower-cased. */
	headers: Record<string, string>;
	body: string;
	/** When the request line arrived: ms since the epoch, sub-millisecond (performance.timeOrigin + now()). */
	receivedAt: number;
	/** The chaos outcome this request got, when chaos is on and it got one. */
	chaos?: ChaosOutcome;
}

export type ChaosOutcome = 'rate429' | 'rate503' | 'dropBefore' | 'dropAfter' | 'slow';

/** One state-changing request a provider handler completed with success (kept in `sandbox.applied`). */
export interface AppliedAction {
	provider: ProviderName;
	method: string;
	/** Raw path as received, provider prefix included. */
	path: string;
	rawQuery: string;
	/** The request body as received. */
	body: string;
	/** The HTTP status the handler answered (sent or not: the connection may have been dropped after). */
	status: number;
	/** Debitsuccess: the operation named by the SOAPAction, e.g. `CancelAccount`. */
	soapAction?: string;
	/** When the handler completed: ms since the epoch, like `receivedAt`. */
	at: number;
}

/** What a provider module is given: the recorded request plus the path below the provider's prefix. */
export interface ProviderRequest extends RecordedRequest {
	/** The path below the provider prefix, e.g. `/api/v3/client/DEMO/contract/x/cancelSchedule`. */
	providerPath: string;
}

export interface ProviderResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export interface ProviderContext {
	/** The live state; a module reads and changes its own slice. */
	state: SandboxState;
	/** 'YYYY-MM-DD' the sandbox treats as today. */
	today: string;
	/** Wall-clock time in ms (for Singula's HMAC timestamp window, which is about real time, not `today`). */
	nowMs: number;
	/** Queues a webhook event; the server sends it after answering, and only when the handler returned normally. */
	emit(event: SandboxEvent): void;
}

export interface ProviderModule {
	name: ProviderName;
	/** First path segment that routes a request to this provider, e.g. `/ddcms`. */
	prefix: string;
	/** Path appended to the server URL to give the credential's base URL (prefix plus any fixed endpoint path). */
	basePath: string;
	handle(request: ProviderRequest, context: ProviderContext): ProviderResponse;
	/** The provider's usual error response for a status, used when an injected fault gives no body. */
	faultResponse(status: number): ProviderResponse;
}
