/**
 * The provider sandbox: one loopback HTTP server standing in for the four billing APIs, with recorded requests,
 * injectable faults, latency and live state for assertions. See sandbox/README.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { currentUtcDate, isIsoDate } from './dates';
import {
	EVENT_TIMEOUT_MS,
	postEvent,
	prepareEvent,
	type SandboxEvent,
	type SentEvent,
} from './events';
import {
	flattenHeaders,
	JSON_CONTENT_TYPE,
	jsonResponse,
	parseQuery,
	ProviderFailure,
	readBody,
	textResponse,
	withHeaders,
} from './http';
import { JsonSyntaxError, parseJsonLossless, toJson } from './json';
import { Knobs, type FaultRule } from './knobs';
import { accessPaySuite } from './providers/accessPaySuite';
import { debitsuccess } from './providers/debitsuccess';
import { magicline } from './providers/magicline';
import { singula } from './providers/singula';
import { createSeedState } from './seed';
import type { SandboxState } from './state';
import type {
	ProviderModule,
	ProviderName,
	ProviderRequest,
	ProviderResponse,
	RecordedRequest,
} from './types';

export type { FaultRule } from './knobs';
export type { EventProvider, SandboxEvent, SentEvent } from './events';
export type { ProviderName, RecordedRequest } from './types';
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
	/** Delay before every response. */
	setLatency(ms: number): void;
	/** Reseeds the state and clears requests, fault rules and latency. */
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
	readonly sentEvents: SentEvent[] = [];
	readonly state: SandboxState;
	private readonly knobs = new Knobs();
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
					writeResponse(response, textResponse(500, 'sandbox internal error', 'text/plain'));
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

	setLatency(ms: number): void {
		this.knobs.setLatency(ms);
	}

	reset(): void {
		Object.assign(this.state, createSeedState(this.today()));
		this.requests.length = 0;
		this.sentEvents.length = 0;
		this.generation += 1;
		this.knobs.clear();
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
		const target = request.url ?? '/';
		const queryStart = target.indexOf('?');
		// Kept raw (still percent-encoded): Singula signs exactly this text. Node refuses raw non-ASCII request lines.
		const path = queryStart < 0 ? target : target.slice(0, queryStart);
		const rawQuery = queryStart < 0 ? '' : target.slice(queryStart + 1);
		const body = await readBody(request);
		if (path.startsWith(ADMIN_PREFIX))
			return writeResponse(response, await this.handleAdmin(request.method ?? 'GET', path, body));
		const provider = PROVIDERS.find(
			(candidate) => path === candidate.prefix || path.startsWith(candidate.prefix + '/'),
		);
		if (!provider) {
			const known = PROVIDERS.map((p) => p.prefix).join(', ');
			return writeResponse(
				response,
				textResponse(
					404,
					`No sandbox provider at ${path}. Providers live under ${known}.`,
					'text/plain; charset=utf-8',
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
		};
		this.requests.push(recorded);
		await this.respond(
			provider,
			{ ...recorded, providerPath: path.slice(provider.prefix.length) },
			response,
		);
	}

	/** Applies a matching fault rule (delay, drop or injected status), else lets the provider answer. */
	private async respond(
		provider: ProviderModule,
		request: ProviderRequest,
		response: ServerResponse,
	): Promise<void> {
		const rule = this.knobs.takeMatchingRule({
			provider: provider.name,
			method: request.method,
			path: request.path,
		});
		if (rule?.delayMs) await sleep(rule.delayMs);
		if (rule?.drop) {
			response.socket?.destroy();
			return;
		}
		const { answer, events } =
			rule?.status !== undefined
				? { answer: injectedResponse(provider, rule, rule.status), events: [] }
				: this.runProvider(provider, request);
		if (this.knobs.latencyMs > 0) await sleep(this.knobs.latencyMs);
		writeResponse(response, answer);
		// Fire-and-forget, after the answer: a slow or dead subscriber never delays the write.
		for (const event of events) {
			this.sendEvent(event).catch((error: unknown) =>
				console.error('[sandbox] event not sent:', error),
			);
		}
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
				return this.adminCall(() =>
					this.setLatency(Number((parseAdminJson(body) as { ms?: unknown }).ms)),
				);
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

/** The injected status with the rule's body, or the provider's usual error body for it. */
function injectedResponse(
	provider: ProviderModule,
	rule: FaultRule,
	status: number,
): ProviderResponse {
	const standard = provider.faultResponse(status);
	const contentType = rule.contentType ?? standard.headers['content-type'] ?? JSON_CONTENT_TYPE;
	const answer =
		rule.body !== undefined
			? textResponse(status, rule.body, contentType)
			: withHeaders(standard, { 'content-type': contentType });
	return rule.retryAfter !== undefined
		? withHeaders(answer, { 'retry-after': rule.retryAfter })
		: answer;
}

function writeResponse(response: ServerResponse, answer: ProviderResponse): void {
	if (response.destroyed) return; // the client went away (or close() ran) while a delay was pending
	response.writeHead(answer.status, {
		...answer.headers,
		'content-length': String(Buffer.byteLength(answer.body)),
	});
	response.end(answer.body);
}

/** Unref'd so a pending delay never keeps the process (or jest) alive. */
function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
