/**
 * Hostile answers: echo templates, generated (huge) bodies, gzip, dripping bodies and connections broken after the
 * headers. Bodies are produced and sent as streams with backpressure, so a 150 MB answer never sits in memory.
 */
import type { ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import type { RecordedRequest } from './types';
import { escapeXmlText } from './xml';

// ---- templates ------------------------------------------------------------------------------------------------

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PLACEHOLDER_PARTS =
	/^(?:(json|xml|url):)?(body|rawQuery|header:([A-Za-z0-9!#$%&'*+.^_`|~-]+))$/;

type Encoding = 'json' | 'xml' | 'url';

const ENCODERS: Record<Encoding, (text: string) => string> = {
	json: (text) => JSON.stringify(text).slice(1, -1),
	xml: escapeXmlText,
	url: encodeURIComponent,
};

/** Throws a TypeError for a `{{...}}` that is not a known placeholder (a typo would silently echo nothing). */
export function checkTemplate(template: string): void {
	for (const [placeholder, inner] of template.matchAll(PLACEHOLDER)) {
		if (!PLACEHOLDER_PARTS.test(inner.trim()))
			throw new TypeError(
				`unknown placeholder ${placeholder}: use {{header:<name>}}, {{body}} or {{rawQuery}}, optionally json:, xml: or url:`,
			);
	}
}

/** Fills the placeholders from the request received (a missing header gives ''). */
export function renderTemplate(template: string, request: RecordedRequest): string {
	return template.replace(PLACEHOLDER, (placeholder, inner: string) => {
		const parts = PLACEHOLDER_PARTS.exec(inner.trim());
		if (!parts) return placeholder;
		const [, encoding, source, headerName] = parts;
		const text =
			source === 'body'
				? request.body
				: source === 'rawQuery'
					? request.rawQuery
					: (request.headers[headerName.toLowerCase()] ?? '');
		return encoding ? ENCODERS[encoding as Encoding](text) : text;
	});
}

// ---- bodies ---------------------------------------------------------------------------------------------------

/** A body sent in pieces; `length` is its size in bytes before any compression. */
export interface BodySource {
	length: number;
	chunks(): Iterable<Buffer>;
}

export function wholeBody(text: string | Buffer): BodySource {
	const buffer = typeof text === 'string' ? Buffer.from(text) : text;
	return { length: buffer.length, chunks: () => [buffer] };
}

export interface GeneratedBodySpec {
	bytes: number;
	prefix: string;
	chunk: string;
	suffix: string;
}

export const DEFAULT_BODY_PREFIX = '{"padding":"';
export const DEFAULT_BODY_CHUNK = '0123456789abcdef'.repeat(4);
export const DEFAULT_BODY_SUFFIX = '"}';
/** Bytes per write of a generated body. */
const BLOCK_BYTES = 64 * 1024;

/**
 * `prefix`, `chunk` as many whole times as fit, spaces for the rest, `suffix`: exactly `bytes` bytes, valid JSON when
 * prefix + chunks + suffix are (JSON allows whitespace between tokens and inside strings). One block is reused for
 * every write, so memory stays at one block whatever the size.
 */
export function generatedBody(spec: GeneratedBodySpec): BodySource {
	const prefix = Buffer.from(spec.prefix);
	const suffix = Buffer.from(spec.suffix);
	const chunk = Buffer.from(spec.chunk);
	const fill = spec.bytes - prefix.length - suffix.length;
	if (fill < 0)
		throw new TypeError(`bodyBytes ${spec.bytes} is shorter than bodyPrefix + bodySuffix`);
	const repeats = Math.floor(fill / chunk.length);
	const padding = fill - repeats * chunk.length;
	const chunksPerBlock = Math.max(1, Math.floor(BLOCK_BYTES / chunk.length));
	return {
		length: spec.bytes,
		*chunks() {
			yield prefix;
			const block = Buffer.alloc(chunksPerBlock * chunk.length);
			for (let i = 0; i < chunksPerBlock; i++) chunk.copy(block, i * chunk.length);
			let left = repeats;
			while (left > 0) {
				const now = Math.min(left, chunksPerBlock);
				yield now === chunksPerBlock ? block : block.subarray(0, now * chunk.length);
				left -= now;
			}
			if (padding > 0) yield Buffer.alloc(padding, ' ');
			yield suffix;
		},
	};
}

// ---- sending --------------------------------------------------------------------------------------------------

export interface Outgoing {
	status: number;
	headers: Record<string, string>;
	body: BodySource;
}

/** How an answer is sent (all optional: a plain answer with Content-Length). */
export interface SendShape {
	gzip?: boolean;
	dripMs?: number;
	resetAfterHeaders?: boolean;
	partialBody?: string;
}

/** Bodies up to this size are gzipped at once (with a Content-Length); bigger ones on the fly (chunked). */
const WHOLE_GZIP_LIMIT = 1024 * 1024;

export async function sendAnswer(
	response: ServerResponse,
	answer: Outgoing,
	shape: SendShape = {},
): Promise<void> {
	if (response.destroyed) return; // the client went away (or close() ran) while a delay was pending
	const headers = { ...answer.headers };
	let body: AsyncIterable<Buffer> | Iterable<Buffer> = answer.body.chunks();
	let length: number | undefined = answer.body.length;
	if (shape.gzip) {
		headers['content-encoding'] = 'gzip';
		if (answer.body.length <= WHOLE_GZIP_LIMIT) {
			const compressed = gzipSync(Buffer.concat([...answer.body.chunks()]));
			body = [compressed];
			length = compressed.length;
		} else {
			body = gzipStream(body as Iterable<Buffer>);
			length = undefined; // chunked transfer encoding
		}
	}
	if (length !== undefined) headers['content-length'] = String(length);
	response.writeHead(answer.status, headers);
	if (shape.resetAfterHeaders) return resetAfterHeaders(response, shape.partialBody ?? '');
	response.flushHeaders(); // the client sees the status at once, also while a body drips or streams
	for await (const chunk of shape.dripMs ? drip(body, shape.dripMs, response) : body) {
		if (response.destroyed) return;
		if (!response.write(chunk)) await drained(response);
	}
	if (!response.destroyed) response.end();
}

/**
 * Writes the headers and `partialBody`, then closes the connection mid-answer. `end()` flushes what was written
 * before the FIN (a bare destroy could discard it), so the client reliably sees the status, then a broken body.
 */
function resetAfterHeaders(response: ServerResponse, partialBody: string): Promise<void> {
	response.flushHeaders();
	if (partialBody) response.write(partialBody);
	const socket = response.socket;
	if (!socket) return Promise.resolve();
	return new Promise((resolve) => {
		const done = () => {
			socket.destroy();
			resolve();
		};
		socket.once('close', done);
		socket.end(done);
	});
}

function gzipStream(chunks: Iterable<Buffer>): AsyncIterable<Buffer> {
	// pipeline destroys the generator's stream too when the consumer stops early (client gone).
	return pipeline(Readable.from(chunks, { objectMode: false }), createGzip(), () => {});
}

/** One byte every `dripMs`, stopping as soon as the client goes away. */
async function* drip(
	chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
	dripMs: number,
	response: ServerResponse,
): AsyncIterable<Buffer> {
	for await (const chunk of chunks) {
		for (let i = 0; i < chunk.length; i++) {
			await sleep(dripMs);
			if (response.destroyed) return;
			yield chunk.subarray(i, i + 1);
		}
	}
}

function drained(response: ServerResponse): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			response.off('drain', done);
			response.off('close', done);
			resolve();
		};
		response.on('drain', done);
		response.on('close', done);
	});
}

/** Unref'd so a pending delay never keeps the process (or jest) alive. */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
