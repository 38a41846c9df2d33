#!/usr/bin/env node
/**
 * End-to-end test of the packed package inside a real n8n.
 *
 *   node scripts/e2e.js [--n8n-version 2.40.7] [--no-build] [--keep] [--no-queue]
 *
 * 1. installs n8n@<version> into the cache outside the repo (scripts/n8n-install.js; reused later),
 * 2. `npm run build` + `npm pack`, and installs the tarball into a fresh N8N_USER_FOLDER's .n8n/nodes
 *    the way n8n installs community packages,
 * 3. starts the provider sandbox (in this process, random port),
 * 4. `n8n import:credentials` + `n8n import:workflow` (e2e/credentials.template.json, e2e/workflows/),
 * 5. `n8n execute` for each Manual Trigger workflow (e2e/lib/cli-runs.js),
 * 6. `n8n start` on a free port (e2e/lib/server-checks.js, e2e/lib/tools.js): owner setup, each credential's
 *    Test, the dropdowns, the Webhook demo, the trigger demos, the action nodes as AI agent tools,
 * 7. n8n 2.x: queue mode with Redis, a main and a worker on the same user folder (e2e/lib/queue-mode.js;
 *    with the bulk options' pace and 429 checks on the worker; E2E_BULK_CHECKS=0 skips them),
 * 8. stops everything. The run after the n8n install is bounded by E2E_TIMEOUT_MS (default 20 min).
 *    Prints `N passed, N failed` and the time of each part; exits 1 on any failure.
 *
 * Logs of every n8n command: <work dir>/n8n.log (the work dir is printed; kept on failure or with --keep).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const h = require('../e2e/lib/harness');
const { check, fail, summary } = require('../e2e/lib/checks');
const { runCliWorkflows } = require('../e2e/lib/cli-runs');
const server = require('../e2e/lib/server-checks');
const { checkAgentTools } = require('../e2e/lib/tools');
const { runQueueMode } = require('../e2e/lib/queue-mode');
const { ensureN8n, DEFAULT_N8N_VERSION } = require('./n8n-install');

const OVERALL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 20 * 60 * 1000);
const ENCRYPTION_KEY = 'billing-lifecycle-e2e-encryption-key';

function parseArgs(argv) {
	const args = {
		version: process.env.E2E_N8N_VERSION || DEFAULT_N8N_VERSION,
		build: true,
		keep: false,
		queue: true,
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--n8n-version') args.version = argv[++i];
		else if (a.startsWith('--n8n-version=')) args.version = a.slice(14);
		else if (a === '--no-build') args.build = false;
		else if (a === '--keep') args.keep = true;
		else if (a === '--no-queue') args.queue = false;
		else
			throw new Error(
				`unknown argument ${a} (use --n8n-version X.Y.Z, --no-build, --keep, --no-queue)`,
			);
	}
	return args;
}

/** How long each part took, printed at the end (CI's time budget is planned from these). */
const timings = [];
async function part(name, fn) {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		timings.push(`${name} ${Math.round((Date.now() - started) / 1000)} s`);
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	h.log(`e2e against n8n@${args.version}`);
	const n8n = await part('n8n install', () =>
		ensureN8n({ version: args.version, log: (line) => h.log(`  [n8n-install] ${line}`) }),
	);
	const runtimeEnv = Object.entries(n8n.runtimeEnv)
		.map(([k, v]) => `${k}=${v}`)
		.join(' ');
	h.log(
		`• n8n ${n8n.version} from ${n8n.dir} on Node ${n8n.nodeVersion}${runtimeEnv ? ` with ${runtimeEnv}` : ''}`,
	);
	const watchdog = setTimeout(() => {
		h.log(`e2e: overall timeout of ${OVERALL_TIMEOUT_MS / 1000} s reached`);
		fail('e2e run', 'overall timeout');
		cleanup().finally(() => {
			h.log(summary().line);
			process.exit(1);
		});
	}, OVERALL_TIMEOUT_MS);
	watchdog.unref();

	const work = h.tmpDir(`billing-lifecycle-e2e-${args.version}-`);
	const logFile = path.join(work, 'n8n.log');
	h.log(`• work dir ${work}`);
	const userFolder = path.join(work, 'user');
	const sandbox = await part('build, pack, install, sandbox', async () => {
		const tarball = h.buildAndPack(path.join(work, 'pack'), { build: args.build });
		const installed = h.installPackageIntoUserFolder(userFolder, tarball);
		h.log(
			`• installed ${h.PACKAGE_NAME}@${installed.version} into ${path.relative(work, installed.packageDir)}`,
		);
		const { startSandbox } = h.loadSandbox();
		return await startSandbox({ port: 0 });
	});
	state.sandbox = sandbox;
	h.log(`• sandbox on ${sandbox.url}`);

	const env = h.n8nEnv(n8n, {
		userFolder,
		port: await h.freePort(),
		brokerPort: await h.freePort(),
		encryptionKey: ENCRYPTION_KEY,
	});

	await part('CLI: import and n8n execute', async () => {
		h.log('• n8n import:credentials / import:workflow');
		await h.importAll(n8n, env, {
			credentials: h.credentialsFor(sandbox.url),
			workflows: h.workflowFiles(),
			workDir: path.join(work, 'import'),
			logFile,
		});
		check(
			'n8n CLI imported the credentials and every workflow in e2e/workflows',
			() => `${h.workflowFiles().length} workflows`,
		);
		await runCliWorkflows({ n8n, env, sandbox, logFile });
	});

	const singleAnswers = await part('n8n start: REST, webhooks, triggers, tools', async () => {
		sandbox.reset();
		h.log('• n8n publish/activate the Webhook and trigger demos, then n8n start');
		for (const id of [...h.ACTIVE_DEMO_WORKFLOWS, server.STOP_WORKFLOW_ID])
			await h.activateWorkflow(n8n, env, id, { logFile });
		const running = await h.startN8n(n8n, env, { logFile, timeoutMs: 240000 });
		state.server = running;
		h.log(`  n8n answers on ${running.url}`);
		const rest = h.restClient(running.url);
		const owner = await rest.ensureOwner();
		check('owner set up through the REST API', () => owner);
		const ctx = { n8n, rest, sandbox, server: running };
		await server.checkCredentialTests(ctx);
		await server.checkDropdowns(ctx);
		const answers = await server.checkWebhookDemo(running.url);
		await server.checkTriggers(ctx);
		await server.checkStopBulkRun(ctx);
		await checkAgentTools(ctx);
		server.checkPackageLog(running);

		const stopStarted = Date.now();
		const stopped = await running.stop();
		state.server = undefined;
		check('n8n stops on SIGTERM', () => {
			if (stopped.signal === 'SIGKILL') throw new Error('had to be killed');
			return `exit ${stopped.code ?? stopped.signal} after ${Date.now() - stopStarted} ms`;
		});
		return answers;
	});

	if (!args.queue) h.log('• queue mode skipped (--no-queue)');
	else if (Number(n8n.version.split('.')[0]) < 2) h.log('• queue mode: checked on n8n 2.x only');
	else
		await part('queue mode', () =>
			runQueueMode({
				n8n,
				work,
				userFolder,
				encryptionKey: ENCRYPTION_KEY,
				sandbox,
				logFile,
				singleAnswers,
				state,
			}),
		);

	await sandbox.close();
	state.sandbox = undefined;

	const { failed, line } = summary();
	h.log(
		`\nn8n@${args.version} (Node ${n8n.nodeVersion}${runtimeEnv ? `, ${runtimeEnv}` : ''}), ${Math.round((Date.now() - started) / 1000)} s: ${timings.join(', ')}; ${!failed && !args.keep ? 'work dir removed' : `logs: ${logFile}`}`,
	);
	if (!failed && !args.keep) fs.rmSync(work, { recursive: true, force: true });
	clearTimeout(watchdog);
	h.log(line);
	return failed ? 1 : 0;
}

/** Every process this run started and has not stopped yet, for Ctrl-C, the watchdog and an abort. */
const state = {
	server: undefined,
	queueMain: undefined,
	queueWorker: undefined,
	redis: undefined,
	sandbox: undefined,
};
async function cleanup() {
	for (const key of ['server', 'queueWorker', 'queueMain'])
		if (state[key]) await state[key].stop(5000).catch(() => {});
	if (state.redis) await state.redis.stop().catch(() => {});
	if (state.sandbox) await state.sandbox.close().catch(() => {});
}

process.once('SIGINT', () => {
	cleanup().finally(() => process.exit(130));
});

main().then(
	(code) => process.exit(code),
	async (error) => {
		fail('e2e run', error.message);
		h.log(`\ne2e aborted: ${error.stack || error.message}`);
		await cleanup();
		h.log(summary().line);
		process.exit(1);
	},
);
