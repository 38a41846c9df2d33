/**
 * A recording pass-through on loopback, put between the node and the sandbox, so a test can read the answer the
 * sandbox gave to each request. The sandbox records requests only; calling the same route again would meet changed
 * state (a second cancelSchedule is a 400), and the node's HTTP goes through n8n's request helpers rather than the
 * global fetch, so neither re-calling nor wrapping fetch would show the answer the node actually got.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedExchange {
	method: string;
	/** Raw path without the query, as the node sent it. */
	path: string;
	status: number;
	/** Lower-cased response header names. */
	headers: Record<string, string>;
	body: string;
}

export interface Recorder {
	/** http://127.0.0.1:PORT, to use in place of the sandbox's own URL. */
	url: string;
	exchanges: RecordedExchange[];
	close(): Promise<void>;
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [
			name,
			Array.isArray(value) ? value.join(', ') : String(value),
		]),
	);
}

/** Forwards every request unchanged to `target` (an http://127.0.0.1 origin) and records the answer. */
export async function startRecorder(target: string): Promise<Recorder> {
	const origin = new URL(target);
	const exchanges: RecordedExchange[] = [];
	const server = createServer((incoming, outgoing) => {
		void (async () => {
			const body = await readBody(incoming);
			const forwarded = httpRequest({
				host: origin.hostname,
				port: origin.port,
				method: incoming.method,
				path: incoming.url,
				headers: { ...incoming.headers, host: origin.host },
				agent: false,
			});
			forwarded.on('response', (answer) => {
				void readBody(answer).then((answerBody) => {
					exchanges.push({
						method: incoming.method ?? '',
						path: (incoming.url ?? '').split('?')[0],
						status: answer.statusCode ?? 0,
						headers: flatHeaders(answer.headers),
						body: answerBody.toString('utf8'),
					});
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					outgoing.end(answerBody);
				});
			});
			forwarded.on('error', () => outgoing.destroy());
			forwarded.end(body);
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		exchanges,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
