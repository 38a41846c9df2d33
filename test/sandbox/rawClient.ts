/**
 * A bare node:http client for the sandbox's hostile-answer and chaos tests: one fresh connection per request (no
 * keep-alive reuse, no automatic decompression or redirects), and it resolves whatever happens, reporting the status
 * it saw, the bytes, their arrival times and the error that ended the exchange.
 */
import { expect } from '@jest/globals';
import { request, type IncomingHttpHeaders } from 'node:http';
import { createGunzip } from 'node:zlib';

export interface ExchangeOptions {
	method?: string;
	headers?: Record<string, string>;
	body?: string;
	/** Count the bytes without keeping them (for huge bodies). */
	discardBody?: boolean;
	/** Also gunzip the body on the fly and count the inflated bytes (kept only without discardBody). */
	inflate?: boolean;
	/** Abort the request this many ms after the headers arrived. */
	abortAfterMs?: number;
}

export interface Exchange {
	/** Undefined when no status line arrived. */
	status?: number;
	headers: IncomingHttpHeaders;
	/** The raw body bytes received (empty with discardBody). */
	body: Buffer;
	bytes: number;
	inflated?: Buffer;
	inflatedBytes: number;
	/** Set when the exchange ended in an error: before the status, or with the body cut short. */
	error?: string;
	startedAt: number;
	headersAt?: number;
	/** Arrival time of each body chunk. */
	chunkTimes: number[];
	endedAt: number;
}

export function exchange(url: string, options: ExchangeOptions = {}): Promise<Exchange> {
	const result: Exchange = {
		headers: {},
		body: Buffer.alloc(0),
		bytes: 0,
		inflatedBytes: 0,
		startedAt: Date.now(),
		chunkTimes: [],
		endedAt: 0,
	};
	const kept: Buffer[] = [];
	const inflatedKept: Buffer[] = [];
	return new Promise((resolve) => {
		let settled = false;
		const finish = (error?: unknown) => {
			if (settled) return;
			settled = true;
			if (error !== undefined)
				result.error = error instanceof Error ? error.message : String(error);
			result.body = Buffer.concat(kept);
			if (options.inflate) result.inflated = Buffer.concat(inflatedKept);
			result.endedAt = Date.now();
			resolve(result);
		};
		const outgoing = request(
			url,
			{ method: options.method ?? 'GET', headers: options.headers, agent: false },
			(response) => {
				result.status = response.statusCode;
				result.headers = response.headers;
				result.headersAt = Date.now();
				if (options.abortAfterMs !== undefined)
					setTimeout(
						() => outgoing.destroy(new Error('aborted by the test')),
						options.abortAfterMs,
					);
				const gunzip = options.inflate ? createGunzip() : undefined;
				let inflating = Promise.resolve();
				if (gunzip) {
					gunzip.on('data', (chunk: Buffer) => {
						result.inflatedBytes += chunk.length;
						if (!options.discardBody) inflatedKept.push(chunk);
					});
					inflating = new Promise((done, fail) => {
						gunzip.on('end', done);
						gunzip.on('error', fail);
					});
				}
				response.on('data', (chunk: Buffer) => {
					result.bytes += chunk.length;
					result.chunkTimes.push(Date.now());
					if (!options.discardBody) kept.push(chunk);
					if (gunzip && !gunzip.write(chunk)) {
						response.pause();
						gunzip.once('drain', () => response.resume());
					}
				});
				response.on('error', finish);
				response.on('end', () => {
					gunzip?.end();
					inflating.then(() => finish(), finish);
				});
				response.on('close', () => {
					if (!response.complete) finish(new Error('body cut short'));
				});
			},
		);
		outgoing.on('error', finish);
		outgoing.end(options.body);
	});
}

/** The connection ended without any status line (a drop). */
export function answeredNothing(reply: Exchange): boolean {
	return reply.status === undefined && reply.error !== undefined;
}

/** Polls a condition (bounded: 2 s). */
export async function waitFor(condition: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(condition()).toBe(true);
}
