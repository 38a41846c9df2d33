'use strict';
/**
 * The package in n8n's queue mode, as users who outgrow one process run it: Redis, one `n8n start` with
 * EXECUTIONS_MODE=queue and one `n8n worker`, sharing the encryption key, the SQLite database and the user
 * folder (with the packed package installed) of the single-process run before. Each process has its own
 * HTTP port and task-runner broker port, all on 127.0.0.1. `n8n execute` never uses workers, so the flows are
 * started through production webhooks, which the main process enqueues and the worker runs.
 */
const path = require('node:path');

const h = require('./harness');
const { check, eq, expect, fail, short } = require('./checks');
const { startRedis } = require('./redis');
const { checkPackageLog, checkWebhookDemo } = require('./server-checks');

const BULK_WORKFLOW_ID = 'blE2eQueueBulk01';

/** Execution ids a log names in lines like `Enqueued execution 12 (job 3)`. */
function executionIds(output, pattern) {
	return [...output.matchAll(new RegExp(`${pattern} (\\d+) \\(job`, 'g'))].map((m) => m[1]);
}

/** A request's arrival time at the sandbox in ms, from its `receivedAt` (ms number or ISO text) if it has one. */
function receivedAtMs(request) {
	const at = request.receivedAt;
	if (typeof at === 'number') return at;
	if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) return Date.parse(at);
	return undefined;
}

async function callBulkFlow(mainUrl, body) {
	try {
		return await h.httpRequest(`${mainUrl}/webhook/e2e-bulk`, {
			method: 'POST',
			body,
			timeoutMs: 120000,
		});
	} catch (error) {
		return { status: 0, text: error.message };
	}
}

/**
 * INTERFACE.md "Bulk runs", on a queue-mode worker (each worker paces on its own): request starts with one
 * credential are at least 60000 / maxRequestsPerMinute ms apart, and a 429 with Retry-After pauses the
 * credential, not just the item. E2E_BULK_CHECKS=0 skips them.
 */
async function checkBulkPacePerWorker({ mainUrl, sandbox }) {
	const reasonRequests = () => h.cancelationReasonRequests(sandbox);
	const rows = (n) => Array.from({ length: n }, (_, i) => ({ row: i + 1 }));

	sandbox.requests.length = 0;
	const paced = await callBulkFlow(mainUrl, {
		rows: rows(20),
		concurrency: 4,
		maxRequestsPerMinute: 600,
	});
	const pacedRequests = reasonRequests();
	const times = pacedRequests.map(receivedAtMs);
	if (pacedRequests.length && times.some((t) => t === undefined)) {
		h.log('  skip bulk pace/429 checks: the sandbox records no receivedAt per request yet');
		return;
	}
	check(
		'queue mode, bulk: 20 items at 600 requests/min start at least ~100 ms apart on the worker',
		() => {
			eq(paced.status, 200, `webhook answer (${String(paced.text).slice(0, 300)})`);
			eq(pacedRequests.length, 20, 'requests at the sandbox');
			const items = Array.isArray(paced.json) ? paced.json : [];
			eq(
				items.filter((i) => i.error).length,
				0,
				`error items ${short(items.filter((i) => i.error))}`,
			);
			const sorted = [...times].sort((a, b) => a - b);
			const gaps = sorted.slice(1).map((t, i) => t - sorted[i]);
			const tooClose = gaps.filter((gap) => gap < 90); // 100 ms, minus timer and loopback jitter
			eq(tooClose, [], 'gaps under 90 ms between request starts');
			return `smallest gap ${Math.min(...gaps)} ms, 20 requests in ${sorted[19] - sorted[0]} ms`;
		},
	);

	sandbox.requests.length = 0;
	sandbox.inject({
		provider: 'magicline',
		pathIncludes: '/contract-cancelation-reasons',
		status: 429,
		retryAfter: '2',
		times: 1,
	});
	const limited = await callBulkFlow(mainUrl, {
		rows: rows(6),
		concurrency: 2,
		maxRequestsPerMinute: 0,
	});
	const limitedRequests = reasonRequests();
	check(
		'queue mode, bulk: a 429 with Retry-After 2 pauses the credential on the worker, then all items succeed',
		() => {
			eq(limited.status, 200, `webhook answer (${String(limited.text).slice(0, 300)})`);
			const items = Array.isArray(limited.json) ? limited.json : [];
			eq(
				items.filter((i) => i.error).length,
				0,
				`error items ${short(items.filter((i) => i.error))}`,
			);
			eq(limitedRequests.length, 7, 'requests at the sandbox (6 items + 1 retry)');
			const [first] = limitedRequests; // the injected rule answers the first matching request
			const pausedUntil = receivedAtMs(first) + 2000;
			// a request already in flight when the 429 arrived may finish, but none may start in the pause
			const startedInPause = limitedRequests
				.slice(1)
				.map(receivedAtMs)
				.filter((t) => t > receivedAtMs(first) + 50 && t < pausedUntil - 100);
			eq(startedInPause.length, 0, 'request starts within the Retry-After pause');
			const afterPause = limitedRequests.map(receivedAtMs).filter((t) => t >= pausedUntil - 100);
			expect(afterPause.length > 0, 'no request (the retry) after the Retry-After pause');
		},
	);
}

/**
 * Starts Redis, a queue-mode main and a worker on the single-process run's user folder and checks that the
 * webhook demo runs on the worker with the same answers as in single-process mode (`singleAnswers`).
 */
async function runQueueMode({
	n8n,
	work,
	userFolder,
	encryptionKey,
	sandbox,
	logFile,
	singleAnswers,
	state,
}) {
	h.log('• queue mode: redis-server, n8n start (EXECUTIONS_MODE=queue) and n8n worker');
	const redis = await startRedis({ dir: path.join(work, 'redis'), logFile });
	state.redis = redis;
	const bulk = process.env.E2E_BULK_CHECKS !== '0';
	const mainPort = await h.freePort();
	const queue = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
	};
	const mainEnv = h.n8nEnv(n8n, {
		userFolder,
		port: mainPort,
		brokerPort: await h.freePort(),
		encryptionKey,
		extra: queue,
	});
	const workerPort = await h.freePort();
	const workerEnv = h.n8nEnv(n8n, {
		userFolder,
		port: workerPort,
		brokerPort: await h.freePort(),
		encryptionKey,
		extra: {
			...queue,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(workerPort),
			N8N_WEBHOOK_URL: mainEnv.N8N_WEBHOOK_URL, // URLs a flow builds point at main, which serves webhooks
			N8N_EDITOR_BASE_URL: mainEnv.N8N_EDITOR_BASE_URL,
		},
	});
	if (bulk) await h.activateWorkflow(n8n, mainEnv, BULK_WORKFLOW_ID, { logFile });
	sandbox.reset();

	const main = await h.startN8n(n8n, mainEnv, { logFile, timeoutMs: 240000, logPrefix: '[main] ' });
	state.queueMain = main;
	const worker = await h.startN8n(n8n, workerEnv, {
		logFile,
		timeoutMs: 240000,
		command: 'worker',
		logPrefix: '[worker] ',
	});
	state.queueWorker = worker;
	h.log(
		`  main on ${main.url}, worker health on 127.0.0.1:${workerPort}, redis on 127.0.0.1:${redis.port}`,
	);
	check('queue mode: main and worker run with Redis and the shared SQLite database', () => {
		expect(!main.exited() && !worker.exited(), 'a process exited');
		return `workflows active on main: ${h.ACTIVE_DEMO_WORKFLOWS.length + (bulk ? 1 : 0)}`;
	});

	const answers = await checkWebhookDemo(main.url, 'queue mode, webhook demo');
	check('queue mode: success and error items come back as in single-process mode', () => {
		expect(singleAnswers?.length, 'no single-process answers to compare with');
		eq(answers, singleAnswers, 'webhook answers (status and body) per contract');
	});
	const ran = await h.waitFor(
		() => {
			const enqueued = executionIds(main.output(), 'Enqueued execution');
			const finished = executionIds(worker.output(), 'Worker finished execution');
			return enqueued.length >= answers.length && enqueued.every((id) => finished.includes(id));
		},
		{ timeoutMs: 30000 },
	);
	check('queue mode: main enqueued each webhook execution and the worker ran it', () => {
		const enqueued = executionIds(main.output(), 'Enqueued execution');
		const started = executionIds(worker.output(), 'Worker started execution');
		const finished = executionIds(worker.output(), 'Worker finished execution');
		expect(
			ran,
			`enqueued ${short(enqueued)}, worker started ${short(started)}, finished ${short(finished)}`,
		);
		// the DDCMS Trigger demo also runs, once per contract change the webhook demo makes
		expect(enqueued.length >= answers.length, `executions enqueued by main: ${short(enqueued)}`);
		eq(
			enqueued.filter((id) => !started.includes(id)),
			[],
			'enqueued but not started on the worker',
		);
		return `executions ${enqueued.join(', ')}`;
	});
	check('queue mode: the DDCMS requests reached the sandbox from the worker run', () => {
		eq(
			sandbox.requests.filter((r) => r.path.endsWith('/cancelSchedule')).length,
			answers.length,
			'DDCMS cancelSchedule requests',
		);
	});

	if (bulk) await checkBulkPacePerWorker({ mainUrl: main.url, sandbox });
	else h.log('  (bulk pace/429 checks on the worker skipped: E2E_BULK_CHECKS=0)');

	checkPackageLog(main, 'queue-mode main');
	checkPackageLog(worker, 'queue-mode worker');
	for (const [name, process] of [
		['worker', worker],
		['main', main],
	]) {
		const stopped = await process.stop();
		if (stopped.signal === 'SIGKILL')
			fail(`queue mode: n8n ${name} stops on SIGTERM`, 'had to be killed');
	}
	state.queueMain = state.queueWorker = undefined;
	await redis.stop();
	state.redis = undefined;
}

module.exports = { checkBulkPacePerWorker, runQueueMode };
