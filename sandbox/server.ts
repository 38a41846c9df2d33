/**
 * The provider sandbox: one loopback HTTP server standing in for the four billing APIs, with recorded requests,
 * injectable faults (hostile answers included), rate limits, seeded chaos, latency, applied-action counts and live
 * state for assertions. See sandbox/README.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { appliedAction, soapOperation } from './applied';
import { Chaos, type ChaosConfig } from './chaos';
import { currentUtcDate, isIsoDate } from './dates';
import {
	EVENT_TIMEOUT_MS,
	postEvent,
	prepareEvent,
	type SandboxEvent,
	type SentEvent,
} from './events';
import {
	DEFAULT_BODY_CHUNK,
	DEFAULT_BODY_PREFIX,
	DEFAULT_BODY_SUFFIX,
	generatedBody,
	renderTemplate,
	sendAnswer,
	sleep,
	wholeBody,
	type Outgoing,
	type SendShape,
} from './hostile';
import {
	flattenHeaders,
	JSON_CONTENT_TYPE,
	jsonResponse,
	parseQuery,
	ProviderFailure,
	readBody,
	textResponse,
} from './http';
import { JsonSyntaxError, parseJsonLossless, toJson } from './json';
import { Knobs, type FaultRule, type LatencyOptions } from './knobs';
import { endpointKey, RateLimiter, type RateLimit } from './rateLimit';
import { accessPaySuite } from './providers/accessPaySuite';
import { debitsuccess } from './providers/debitsuccess';
import { magicline } from './providers/magicline';
import { singula } from './providers/singula';
import { createSeedState } from './seed';
import { escapeXmlAttribute, escapeXmlText } from './xml';
import type { SandboxState } from './state';
import type {
	AppliedAction,
	ProviderModule,
	ProviderName,
	ProviderRequest,
	ProviderResponse,
	RecordedRequest,
} from './types';

export type { FaultRule, LatencyOptions } from './knobs';
export type { ChaosConfig } from './chaos';
export type { RateLimit } from './rateLimit';
export { MAGICLINE_RATE_LIMIT, endpointKey } from './rateLimit';
export { mulberry32 } from './chaos';
export type { EventProvider, SandboxEvent, SentEvent } from './events';
export type { AppliedAction, ChaosOutcome, ProviderName, RecordedRequest } from './types';
export type * from './state';
export { SANDBOX_CREDENTIALS } from './credentials';
export { singulaSignature, verifySingulaHmac } from './providers/singula';

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** 'YYYY-MM-DD' used for all date logic and relative seed dates; default the current UTC date. */
	today?: string;
}

export interface Sandbox {
	/** http://127.0.0.1:PORT */
	url: string;
	/** What a credential's base URL holds for each provider. */
	urls: Record<ProviderName, string>;
	/** Every provider request received, in order (also those answered by a fault rule). */
	requests: RecordedRequest[];
	/** Queues a fault; a matching request consumes it (times--) before normal handling. */
	inject(rule: FaultRule): void;
	/** Delay before every response, plus a random 0..jitterMs (seeded when chaos has a seed). */
	setLatency(ms: number, options?: LatencyOptions): void;
	/** A provider's rate limit (null = none); Magicline's documented 1,000/60 s per endpoint is on by default. */
	setRateLimit(provider: ProviderName, limit: RateLimit | null): void;
	getRateLimit(provider: ProviderName): Required<RateLimit> | null;
	/** Seeded chaos for every provider request (null = off). */
	setChaos(config: ChaosConfig | null): void;
	/** Every state-changing request a handler completed with success, also when the socket was dropped after. */
	applied: AppliedAction[];
	/** Provider requests received and not yet answered (or dropped). */
	readonly inFlight: number;
	/** The most provider requests in flight at once since the last reset() or resetPeak(). */
	readonly peakInFlight: number;
	/** Starts peakInFlight again from the current inFlight. */
	resetPeak(): void;
	/**
	 * Reseeds the state; clears requests, applied actions, sent events, fault rules, latency, chaos and the peak;
	 * restores the default rate limits.
	 */
	reset(): void;
	/** The live state (the same object across resets; its provider slices are replaced). */
	state: SandboxState;
	/**
	 * POSTs a provider's webhook event to a URL (time-bound, 5 s) and records it in `sentEvents`. Resolves with
	 * status 0 and the error text when the POST fails; rejects with a TypeError only for a malformed event.
	 */
	sendEvent(event: SandboxEvent): Promise<SentEvent>;
	/** Every event sent (by `sendEvent`, the admin endpoint or a DDCMS callback), in the order they completed. */
	sentEvents: SentEvent[];
	/** Stops listening and closes keep-alive sockets. */
	close(): Promise<void>;
}

const PROVIDERS: readonly ProviderModule[] = [accessPaySuite, magicline, singula, debitsuccess];
const ADMIN_PREFIX = '/__sandbox/';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	if (options.today !== undefined && !isIsoDate(options.today))
		throw new TypeError(`today must be a date YYYY-MM-DD, got '${options.today}'`);
	const sandbox = new SandboxServer(options.today);
	await sandbox.listen(options.port ?? 0, options.host ?? '127.0.0.1');
	return sandbox;
}

class SandboxServer implements Sandbox {
	url = '';
	urls = {} as Record<ProviderName, string>;
	readonly requests: RecordedRequest[] = [];
	readonly applied: AppliedAction[] = [];
	readonly sentEvents: SentEvent[] = [];
	readonly state: SandboxState;
	inFlight = 0;
	peakInFlight = 0;
	private readonly knobs = new Knobs();
	private readonly rateLimiter = new RateLimiter();
	private readonly chaos = new Chaos();
	private readonly server: Server;
	/** Bumped by reset(), so an event still in flight then is not recorded afterwards. */
	private generation = 0;
	/** Outgoing events in flight; close() aborts them. */
	private readonly pendingEvents = new Set<AbortController>();

	constructor(private readonly fixedToday: string | undefined) {
		this.state = createSeedState(this.today());
		this.server = createServer((request, response) => {
			this.handle(request, response).catch((error: unknown) => {
				console.error('[sandbox] request failed:', error);
				if (!response.headersSent)
					void sendAnswer(
						response,
						outgoing(textResponse(500, 'sandbox internal error', 'text/plain')),
					);
			});
		});
	}

	listen(port: number, host: string): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				const address = this.server.address() as AddressInfo;
				const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
				this.url = `http://${hostPart}:${address.port}`;
				for (const provider of PROVIDERS) this.urls[provider.name] = this.url + provider.basePath;
				resolve();
			});
		});
	}

	inject(rule: FaultRule): void {
		this.knobs.inject(rule);
	}

	setLatency(ms: number, options?: LatencyOptions): void {
		this.knobs.setLatency(ms, options);
	}

	setRateLimit(provider: ProviderName, limit: RateLimit | null): void {
		this.rateLimiter.set(provider, limit);
	}

	getRateLimit(provider: ProviderName): Required<RateLimit> | null {
		return this.rateLimiter.get(provider);
	}

	setChaos(config: ChaosConfig | null): void {
		this.chaos.set(config);
	}

	resetPeak(): void {
		this.peakInFlight = this.inFlight;
	}

	reset(): void {
		Object.assign(this.state, createSeedState(this.today()));
		this.requests.length = 0;
		this.applied.length = 0;
		this.sentEvents.length = 0;
		this.generation += 1;
		this.knobs.clear();
		this.rateLimiter.clear();
		this.chaos.clear();
		this.resetPeak();
	}

	async sendEvent(event: SandboxEvent): Promise<SentEvent> {
		const outgoing = prepareEvent(event, this.state, Date.now());
		const generation = this.generation;
		const controller = new AbortController();
		this.pendingEvents.add(controller);
		try {
			const sent = await postEvent(outgoing, {
				timeoutMs: EVENT_TIMEOUT_MS,
				signal: controller.signal,
			});
			if (generation === this.generation) this.sentEvents.push(sent);
			return sent;
		} finally {
			this.pendingEvents.delete(controller);
		}
	}

	close(): Promise<void> {
		for (const controller of this.pendingEvents) controller.abort();
		return new Promise((resolve, reject) => {
			this.server.close((error) => (error ? reject(error) : resolve()));
			this.server.closeAllConnections();
		});
	}

	private today(): string {
		return this.fixedToday ?? currentUtcDate();
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const receivedAt = performance.timeOrigin + performance.now();
		const target = request.url ?? '/';
		const queryStart = target.indexOf('?');
		// Kept raw (still percent-encoded): Singula signs exactly this text. Node refuses raw non-ASCII request lines.
		const path = queryStart < 0 ? target : target.slice(0, queryStart);
		const rawQuery = queryStart < 0 ? '' : target.slice(queryStart + 1);
		const provider = PROVIDERS.find(
			(candidate) => path === candidate.prefix || path.startsWith(candidate.prefix + '/'),
		);
		if (provider) this.trackInFlight(response);
		const body = await readBody(request);
		if (path.startsWith(ADMIN_PREFIX))
			return sendAnswer(
				response,
				outgoing(await this.handleAdmin(request.method ?? 'GET', path, body)),
			);
		if (!provider) {
			const known = PROVIDERS.map((p) => p.prefix).join(', ');
			return sendAnswer(
				response,
				outgoing(
					textResponse(
						404,
						`No sandbox provider at ${path}. Providers live under ${known}.`,
						'text/plain; charset=utf-8',
					),
				),
			);
		}
		const recorded: RecordedRequest = {
			provider: provider.name,
			method: request.method ?? 'GET',
			path,
			query: parseQuery(rawQuery),
			rawQuery,
			headers: flattenHeaders(request),
			body,
			receivedAt,
		};
		this.requests.push(recorded);
		await this.respond(provider, recorded, response);
	}

	/** Counts the request as in flight until its response is finished or its connection closed. */
	private trackInFlight(response: ServerResponse): void {
		this.inFlight += 1;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
		response.once('close', () => (this.inFlight -= 1));
	}

	/**
	 * In order: a matching fault rule (delay, drop, injected answer), else the request's chaos outcome, then the
	 * provider's rate limit, then the provider itself; the answer is then delayed by the latency and sent shaped by
	 * the rule (headers, gzip, drip, reset after headers) or dropped (applyThenDrop, chaos dropAfter).
	 */
	private async respond(
		provider: ProviderModule,
		recorded: RecordedRequest,
		response: ServerResponse,
	): Promise<void> {
		const rule = this.knobs.takeMatchingRule({
			provider: provider.name,
			method: recorded.method,
			path: recorded.path,
		});
		// Drawn for every request, so the outcomes follow the request order whatever the rules do.
		const drawn = this.chaos.draw(provider.name);
		const chaos = rule ? undefined : drawn; // a request that meets a rule is the rule's
		if (chaos) recorded.chaos = chaos.outcome;
		if (rule?.delayMs) await sleep(rule.delayMs);
		if (rule?.drop || chaos?.outcome === 'dropBefore') return dropConnection(response);
		if (rule?.status !== undefined)
			return this.answer(response, injectedAnswer(provider, rule, recorded), rule);
		if (chaos?.outcome === 'rate429')
			return this.answer(response, tooManyRequests(provider, chaos.retryAfterSeconds));
		if (chaos?.outcome === 'rate503')
			return this.answer(response, outgoing(provider.faultResponse(503)));
		if (chaos?.outcome === 'slow') await sleep(this.chaos.slowMs);
		const soapAction =
			provider.name === 'debitsuccess' ? soapOperation(recorded.headers.soapaction) : undefined;
		const retryAfter = this.rateLimiter.take(
			provider.name,
			endpointKey(recorded.method, recorded.path, soapAction),
			Date.now(),
		);
		if (retryAfter !== undefined)
			return this.answer(response, tooManyRequests(provider, retryAfter), rule);
		const { answer, events } = this.runProvider(provider, {
			...recorded,
			providerPath: recorded.path.slice(provider.prefix.length),
		});
		const applied = appliedAction(
			provider.name,
			recorded,
			answer,
			performance.timeOrigin + performance.now(),
		);
		if (applied) this.applied.push(applied);
		if (rule?.applyThenDrop || chaos?.outcome === 'dropAfter') {
			await this.latency();
			dropConnection(response);
		} else {
			await this.answer(response, outgoing(answer, ruleHeaders(rule, recorded)), rule);
		}
		// Fire-and-forget, after the answer: a slow or dead subscriber never delays the write. The action was applied,
		// so the provider sends its events also when the answer never reached the client.
		for (const event of events) {
			this.sendEvent(event).catch((error: unknown) =>
				console.error('[sandbox] event not sent:', error),
			);
		}
	}

	/** Waits the latency (plus jitter), then sends. */
	private async answer(
		response: ServerResponse,
		answer: Outgoing,
		shape?: SendShape,
	): Promise<void> {
		await this.latency();
		await sendAnswer(response, answer, shape);
	}

	private async latency(): Promise<void> {
		const delay = this.knobs.latencyFor(() => this.chaos.jitter());
		if (delay > 0) await sleep(delay);
	}

	/** The provider's answer and the events it emitted (dropped when it failed with a ProviderFailure). */
	private runProvider(
		provider: ProviderModule,
		request: ProviderRequest,
	): { answer: ProviderResponse; events: SandboxEvent[] } {
		const events: SandboxEvent[] = [];
		const context = {
			state: this.state,
			today: this.today(),
			nowMs: Date.now(),
			emit: (event: SandboxEvent) => void events.push(event),
		};
		try {
			return { answer: provider.handle(request, context), events };
		} catch (error) {
			if (error instanceof ProviderFailure) return { answer: error.response, events: [] };
			throw error;
		}
	}

	private async handleAdmin(method: string, path: string, body: string): Promise<ProviderResponse> {
		const action = `${method} ${path.slice(ADMIN_PREFIX.length)}`;
		switch (action) {
			case 'POST reset':
				this.reset();
				return jsonResponse(200, { ok: true });
			case 'POST inject':
				return this.adminCall(() => this.inject(parseAdminJson(body) as FaultRule));
			case 'POST latency':
				return this.adminCall(() => {
					const { ms, jitterMs } = parseAdminJson(body) as { ms?: unknown; jitterMs?: unknown };
					this.setLatency(Number(ms), { jitterMs: jitterMs === undefined ? 0 : Number(jitterMs) });
				});
			case 'POST rate-limit':
				return this.adminCall(() => {
					const { provider, off, ...limit } = parseAdminJson(body) as {
						provider: ProviderName;
						off?: boolean;
					} & RateLimit;
					this.setRateLimit(provider, off ? null : limit);
				});
			case 'GET rate-limit':
				return jsonResponse(200, this.rateLimiter.all());
			case 'POST chaos':
				return this.adminCall(() => {
					const given = parseAdminJson(body) as (ChaosConfig & { off?: boolean }) | null;
					const { off, ...config } = given ?? { off: true };
					this.setChaos(off ? null : (config as ChaosConfig));
				});
			case 'GET applied':
				return textResponse(200, toJson(this.applied, true), JSON_CONTENT_TYPE);
			case 'GET stats':
				return jsonResponse(200, {
					inFlight: this.inFlight,
					peakInFlight: this.peakInFlight,
					requests: this.requests.length,
					applied: this.applied.length,
					rss: process.memoryUsage().rss,
				});
			case 'POST reset-peak':
				this.resetPeak();
				return jsonResponse(200, { ok: true });
			case 'GET requests':
				return textResponse(200, toJson(this.requests, true), JSON_CONTENT_TYPE);
			case 'GET state':
				return textResponse(200, toJson(this.state, true), JSON_CONTENT_TYPE);
			case 'POST events':
				return this.adminSendEvent(body);
			default:
				return jsonResponse(404, { error: `Unknown admin endpoint ${method} ${path}` });
		}
	}

	private adminCall(change: () => void): ProviderResponse {
		try {
			change();
			return jsonResponse(200, { ok: true });
		} catch (error) {
			if (error instanceof TypeError || error instanceof SyntaxError)
				return jsonResponse(400, { error: error.message });
			throw error;
		}
	}

	/** The body is read losslessly, so ids above 2^53 in entityId, content, data or body are sent exactly. */
	private async adminSendEvent(body: string): Promise<ProviderResponse> {
		try {
			const sent = await this.sendEvent(parseJsonLossless(body || '{}') as unknown as SandboxEvent);
			return textResponse(200, toJson(sent, true), JSON_CONTENT_TYPE);
		} catch (error) {
			if (error instanceof TypeError || error instanceof JsonSyntaxError)
				return jsonResponse(400, { error: error.message });
			throw error;
		}
	}
}

function parseAdminJson(body: string): unknown {
	return JSON.parse(body || '{}');
}

/** A provider response as sent: whole body, plus any extra headers. */
function outgoing(answer: ProviderResponse, headers: Record<string, string> = {}): Outgoing {
	return {
		status: answer.status,
		headers: { ...answer.headers, ...headers },
		body: wholeBody(answer.body),
	};
}

/** The rule's extra headers, placeholders filled from the request. */
function ruleHeaders(
	rule: FaultRule | undefined,
	request: RecordedRequest,
): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(rule?.headers ?? {}))
		headers[name.toLowerCase()] = renderTemplate(value, request);
	return headers;
}

/** A 429 in the provider's own error format with Retry-After in seconds. */
function tooManyRequests(provider: ProviderModule, retryAfterSeconds: number): Outgoing {
	return outgoing(provider.faultResponse(429), { 'retry-after': String(retryAfterSeconds) });
}

const isRedirect = (status: number) => status >= 300 && status <= 399;

/**
 * The injected status with the rule's body (templated, or generated and streamed for `bodyBytes`), or the provider's
 * usual error body for it; a redirect with a Location gets a short HTML note instead, as web servers send.
 */
function injectedAnswer(
	provider: ProviderModule,
	rule: FaultRule,
	request: RecordedRequest,
): Outgoing {
	const status = rule.status as number;
	const location = rule.location === undefined ? undefined : renderTemplate(rule.location, request);
	const standard =
		location !== undefined && isRedirect(status)
			? textResponse(status, redirectNote(location), 'text/html; charset=utf-8')
			: provider.faultResponse(status);
	const headers: Record<string, string> = {
		...standard.headers,
		'content-type': rule.contentType ?? standard.headers['content-type'] ?? JSON_CONTENT_TYPE,
	};
	if (rule.retryAfter !== undefined) headers['retry-after'] = rule.retryAfter;
	if (location !== undefined) headers.location = location;
	const body =
		rule.bodyBytes !== undefined
			? generatedBody({
					bytes: rule.bodyBytes,
					prefix: renderTemplate(rule.bodyPrefix ?? DEFAULT_BODY_PREFIX, request),
					chunk: rule.bodyChunk ?? DEFAULT_BODY_CHUNK,
					suffix: renderTemplate(rule.bodySuffix ?? DEFAULT_BODY_SUFFIX, request),
				})
			: wholeBody(rule.body !== undefined ? renderTemplate(rule.body, request) : standard.body);
	return { status, headers: { ...headers, ...ruleHeaders(rule, request) }, body };
}

function redirectNote(location: string): string {
	return `<html><body>Moved: <a href="${escapeXmlAttribute(location)}">${escapeXmlText(location)}</a></body></html>`;
}

/** Destroys the connection without an answer: the client sees a reset or a closed socket. */
function dropConnection(response: ServerResponse): void {
	response.socket?.destroy();
}
