/**
 * Outgoing webhook events: what each provider POSTs to a subscriber's URL (see README "Events").
 * `prepareEvent` checks an event (it also arrives as JSON on POST /__sandbox/events) and builds the exact request;
 * `postEvent` sends it, time-bound, and never throws: a failed POST gives status 0 and the error text.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { canonicalInteger, JsonNumber, num, toJson } from './json';
import { DDCMS_CALLBACK_ENTITIES, type DdcmsCallbackEntity, type SandboxState } from './state';

/** Magicline asks subscribers to answer within 5 s; the sandbox waits no longer for any provider. */
export const EVENT_TIMEOUT_MS = 5000;
const EVENT_CONTENT_TYPE = 'application/json';
/** Debitsuccess: the token is static per-subscription text of at most 256 characters. */
const MAX_DEBITSUCCESS_TOKEN_LENGTH = 256;
/** What Node accepts in a header value. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** A JSON integer: a number, digit text (exact above 2^53), or a losslessly parsed JSON number. */
type IntegerInput = number | string | JsonNumber;

export type SandboxEvent =
	| {
			provider: 'magicline';
			url: string;
			webhookApiKey: string;
			type: string;
			/** Default: the customerId of the sandbox contract named by `content.contractId`. */
			entityId?: IntegerInput;
			content?: Record<string, unknown>;
			/** Default: a random UUID v4. */
			uuid?: string;
			/** Milliseconds since the epoch; default now (real clock). */
			timestamp?: IntegerInput;
	  }
	| {
			provider: 'debitsuccess';
			url: string;
			token: string;
			eventName: string;
			data: Record<string, unknown>;
			/** Default: a random UUID. */
			traceId?: string;
	  }
	| {
			provider: 'accessPaySuite';
			entity: DdcmsCallbackEntity;
			/** Default: the callback URL registered for `entity` (state.accessPaySuite.callbacks); an error if none. */
			url?: string;
			/** Documented fields: Id, NewStatus, ChangeDate, Source (ADDACS|ARUDD|DDIC), ReportMessage, Comment. */
			body: Record<string, unknown>;
	  };

export type EventProvider = SandboxEvent['provider'];

/** The request the sandbox sends for an event. */
export interface OutgoingEvent {
	provider: EventProvider;
	url: string;
	/** The headers the sandbox chose (Node adds Host, Connection and Content-Length). */
	headers: Record<string, string>;
	body: string;
}

export interface SentEvent extends OutgoingEvent {
	/** The subscriber's HTTP status, 0 when the POST failed (refused, reset, timed out, aborted). */
	status: number;
	/** The subscriber's response text, or the error text when status is 0. */
	responseBody: string;
}

const FIELDS: Record<EventProvider, readonly string[]> = {
	magicline: [
		'provider',
		'url',
		'webhookApiKey',
		'type',
		'entityId',
		'content',
		'uuid',
		'timestamp',
	],
	debitsuccess: ['provider', 'url', 'token', 'eventName', 'data', 'traceId'],
	accessPaySuite: ['provider', 'entity', 'url', 'body'],
};

/** Checks an event and builds its request; throws a TypeError naming the bad field. */
export function prepareEvent(event: unknown, state: SandboxState, nowMs: number): OutgoingEvent {
	if (!isPlainObject(event)) throw new TypeError('an event must be an object');
	const provider = event.provider as EventProvider;
	if (typeof provider !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, provider)) {
		throw new TypeError(
			`event provider must be one of ${Object.keys(FIELDS).join(', ')}, got ${JSON.stringify(event.provider)}`,
		);
	}
	for (const field of Object.keys(event)) {
		if (!FIELDS[provider].includes(field))
			throw new TypeError(`unknown ${provider} event field '${field}'`);
	}
	const e = event as Record<string, unknown>;
	switch (provider) {
		case 'magicline':
			return magiclineEvent(e, state, nowMs);
		case 'debitsuccess':
			return debitsuccessEvent(e);
		case 'accessPaySuite':
			return ddcmsEvent(e, state);
	}
}

function magiclineEvent(
	e: Record<string, unknown>,
	state: SandboxState,
	nowMs: number,
): OutgoingEvent {
	const url = eventUrl(e.url, 'url');
	const apiKey = headerValue(e.webhookApiKey, 'webhookApiKey');
	const type = nonEmptyString(e.type, 'type');
	const content = optionalObject(e.content, 'content');
	const uuid = e.uuid === undefined ? randomUUID() : nonEmptyString(e.uuid, 'uuid');
	const timestamp =
		e.timestamp === undefined ? num(String(nowMs)) : integer(e.timestamp, 'timestamp');
	const entityId =
		e.entityId === undefined
			? entityIdFromContract(content, state)
			: integer(e.entityId, 'entityId');
	const entry = { timestamp, type, content };
	return {
		provider: 'magicline',
		url,
		headers: { 'Content-Type': EVENT_CONTENT_TYPE, 'x-api-key': apiKey },
		body: toJson({ entityId, uuid, payload: [entry] }), // toJson leaves out `content` when undefined
	};
}

/** entityId is the customerId for CONTRACT_* events: find it from `content.contractId` in the sandbox state. */
function entityIdFromContract(
	content: Record<string, unknown> | undefined,
	state: SandboxState,
): JsonNumber {
	const raw = content?.contractId;
	const contractId =
		raw instanceof JsonNumber
			? raw.text
			: typeof raw === 'number' || typeof raw === 'string'
				? String(raw)
				: undefined;
	const contract = contractId === undefined ? undefined : state.magicline.contracts.get(contractId);
	if (!contract)
		throw new TypeError(
			'entityId is required (it defaults only when content.contractId names a sandbox Magicline contract)',
		);
	return num(contract.customerId);
}

function debitsuccessEvent(e: Record<string, unknown>): OutgoingEvent {
	const url = eventUrl(e.url, 'url');
	const token = headerValue(e.token, 'token');
	if (token.length > MAX_DEBITSUCCESS_TOKEN_LENGTH)
		throw new TypeError(`token must be at most ${MAX_DEBITSUCCESS_TOKEN_LENGTH} characters`);
	const eventName = nonEmptyString(headerValue(e.eventName, 'eventName'), 'eventName');
	const data = requiredObject(e.data, 'data');
	const traceId =
		e.traceId === undefined
			? randomUUID()
			: nonEmptyString(headerValue(e.traceId, 'traceId'), 'traceId');
	return {
		provider: 'debitsuccess',
		url,
		headers: {
			'Content-Type': EVENT_CONTENT_TYPE,
			'X-EventName': eventName,
			'X-Token': token,
			'X-TraceId': traceId,
		},
		body: toJson(data),
	};
}

function ddcmsEvent(e: Record<string, unknown>, state: SandboxState): OutgoingEvent {
	const entity = e.entity as DdcmsCallbackEntity;
	if (!DDCMS_CALLBACK_ENTITIES.includes(entity))
		throw new TypeError(`entity must be one of ${DDCMS_CALLBACK_ENTITIES.join(', ')}`);
	const registered = state.accessPaySuite.callbacks.get(entity);
	if (e.url === undefined && registered === undefined) {
		throw new TypeError(
			`no url given and no callback registered for entity '${entity}' (POST BACS/${entity}/callback?url=...)`,
		);
	}
	const url = eventUrl(e.url ?? registered, 'url');
	const body = requiredObject(e.body, 'body');
	// DDCMS documents no signature or secret: the body is all there is.
	return {
		provider: 'accessPaySuite',
		url,
		headers: { 'Content-Type': EVENT_CONTENT_TYPE },
		body: toJson({ Entity: entity, ...body }),
	};
}

// ---- field checks ---------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		!(value instanceof JsonNumber)
	);
}

function nonEmptyString(value: unknown, field: string): string {
	if (typeof value !== 'string' || value === '')
		throw new TypeError(`${field} must be a non-empty string`);
	return value;
}

function headerValue(value: unknown, field: string): string {
	if (typeof value !== 'string') throw new TypeError(`${field} must be a string`);
	if (!HEADER_VALUE.test(value))
		throw new TypeError(`${field} contains characters not allowed in an HTTP header`);
	return value;
}

function eventUrl(value: unknown, field: string): string {
	const text = nonEmptyString(value, field);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new TypeError(`${field} must be an absolute http(s) URL, got '${text}'`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new TypeError(`${field} must be an absolute http(s) URL, got '${text}'`);
	return text;
}

function requiredObject(value: unknown, field: string): Record<string, unknown> {
	if (!isPlainObject(value)) throw new TypeError(`${field} must be a JSON object`);
	return value;
}

function optionalObject(value: unknown, field: string): Record<string, unknown> | undefined {
	return value === undefined ? undefined : requiredObject(value, field);
}

/** An integer written with its exact digits. */
function integer(value: unknown, field: string): JsonNumber {
	const text =
		value instanceof JsonNumber
			? canonicalInteger(value.text)
			: typeof value === 'string'
				? canonicalInteger(value)
				: typeof value === 'number' && Number.isSafeInteger(value)
					? String(value)
					: undefined;
	if (text === undefined)
		throw new TypeError(`${field} must be an integer (as digit text above 2^53)`);
	return num(text);
}

// ---- sending --------------------------------------------------------------------------------------------------

/** POSTs the event on a fresh connection; resolves (never rejects) once answered, failed, timed out or aborted. */
export function postEvent(
	outgoing: OutgoingEvent,
	options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<SentEvent> {
	const timeoutMs = options.timeoutMs ?? EVENT_TIMEOUT_MS;
	return new Promise((resolve) => {
		let settled = false;
		let request: ClientRequest | undefined;
		const finish = (status: number, responseBody: string) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			request?.destroy();
			resolve({ ...outgoing, status, responseBody });
		};
		const fail = (error: unknown) => finish(0, describeError(error));
		const timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
		timer.unref(); // a pending event never keeps the process (or jest) alive
		const onResponse = (response: IncomingMessage) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				finish(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')),
			);
			response.on('error', fail);
			response.on('close', () => {
				if (!response.complete)
					fail(new Error('the connection closed before the response was complete'));
			});
		};
		try {
			const send = new URL(outgoing.url).protocol === 'https:' ? httpsRequest : httpRequest;
			request = send(
				outgoing.url,
				{
					method: 'POST',
					agent: false, // one connection per event, closed afterwards
					signal: options.signal,
					headers: {
						...outgoing.headers,
						'Content-Length': String(Buffer.byteLength(outgoing.body)),
					},
				},
				onResponse,
			);
			request.on('error', fail);
			request.end(outgoing.body);
		} catch (error) {
			fail(error);
		}
	});
}

/** Node gives an AggregateError with an empty message when every address of a host refuses. */
function describeError(error: unknown): string {
	if (error instanceof AggregateError && error.errors.length > 0)
		return error.errors.map(describeError).join('; ');
	if (error instanceof Error)
		return error.message || (error as NodeJS.ErrnoException).code || error.name;
	return String(error);
}
