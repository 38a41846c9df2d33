#!/usr/bin/env node
/**
 * `npm start`: the provider sandbox and a real n8n with this package installed as a community package,
 * the four demo credentials pointing at the sandbox, and the demo workflows (e2e/workflows/demo-*.json).
 *
 *   node scripts/start.js [--n8n-version 2.40.7] [--no-build]
 *   N8N_PORT (default 5678), SANDBOX_PORT (default 5680); a busy default port is replaced by a free one.
 *
 * The first run installs n8n into ~/.cache/billing-lifecycle-n8n (a few minutes); later runs reuse it.
 * Every start uses a fresh n8n user folder (deleted on exit) and a freshly seeded sandbox, so the demos
 * always behave as documented: export a workflow you changed before you stop. Ctrl-C stops everything.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const h = require('../e2e/lib/harness');

const MAGICLINE_TRIGGER_WEBHOOK_ID = 'b2222222-3333-4444-8555-666666666601';
const { ensureN8n, cacheRoot, DEFAULT_N8N_VERSION } = require('./n8n-install');

function parseArgs(argv) {
	const args = { version: process.env.E2E_N8N_VERSION || DEFAULT_N8N_VERSION, build: true };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--n8n-version') args.version = argv[++i];
		else if (a.startsWith('--n8n-version=')) args.version = a.slice(14);
		else if (a === '--no-build') args.build = false;
		else throw new Error(`unknown argument ${a} (use --n8n-version X.Y.Z, --no-build)`);
	}
	return args;
}

async function portOrFree(wanted, envName) {
	const net = require('node:net');
	const free = await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(wanted, '127.0.0.1', () => server.close(() => resolve(true)));
	});
	if (free) return wanted;
	if (process.env[envName]) throw new Error(`${envName}=${wanted} is in use`);
	const other = await h.freePort();
	h.log(`  port ${wanted} is in use, using ${other} (set ${envName} to choose)`);
	return other;
}

const running = { server: undefined, sandbox: undefined, work: undefined, stopping: false };

async function shutdown(code, reason) {
	if (running.stopping) return;
	running.stopping = true;
	if (reason) h.log(`\n${reason}: stopping n8n and the sandbox ...`);
	if (running.server) {
		const result = await running.server.stop(20000).catch(() => undefined);
		h.log(`  n8n stopped${result ? ` (${result.code ?? result.signal})` : ''}`);
	}
	if (running.sandbox) {
		await running.sandbox.close().catch(() => {});
		h.log('  sandbox stopped');
	}
	if (running.work) fs.rmSync(running.work, { recursive: true, force: true });
	process.exit(code);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	process.once('SIGINT', () => shutdown(0, 'Ctrl-C'));
	process.once('SIGTERM', () => shutdown(0, 'SIGTERM'));

	h.log(`Starting n8n@${args.version} with ${h.PACKAGE_NAME} and the provider sandbox`);
	const n8n = ensureN8n({ version: args.version, log: (line) => h.log(`  [n8n-install] ${line}`) });

	const demoRoot = path.join(cacheRoot(), 'demo');
	fs.mkdirSync(demoRoot, { recursive: true });
	running.work = fs.mkdtempSync(path.join(demoRoot, `n8n-${args.version}-`));
	const logFile = path.join(running.work, 'n8n.log');
	const tarball = h.buildAndPack(path.join(running.work, 'pack'), { build: args.build });
	const userFolder = path.join(running.work, 'user');
	const installed = h.installPackageIntoUserFolder(userFolder, tarball);

	const { startSandbox } = h.loadSandbox();
	const sandboxPort = await portOrFree(Number(process.env.SANDBOX_PORT || 5680), 'SANDBOX_PORT');
	running.sandbox = await startSandbox({ port: sandboxPort });
	h.log(`• sandbox on ${running.sandbox.url}`);

	const port = await portOrFree(Number(process.env.N8N_PORT || 5678), 'N8N_PORT');
	const env = h.n8nEnv(n8n, {
		userFolder,
		port,
		brokerPort: await h.freePort(),
		encryptionKey: 'billing-lifecycle-demo-encryption-key',
	});
	const demos = h.workflowFiles((f) => f.startsWith('demo-'));
	h.log('• importing the demo credentials and workflows with the n8n CLI');
	await h.importAll(n8n, env, {
		credentials: h.credentialsFor(running.sandbox.url),
		workflows: demos,
		workDir: path.join(running.work, 'import'),
		logFile,
	});
	for (const id of h.ACTIVE_DEMO_WORKFLOWS) await h.activateWorkflow(n8n, env, id, { logFile });
	if (running.stopping) return;

	h.log('• starting n8n (about 20 s)');
	running.server = await h.startN8n(n8n, env, { logFile, timeoutMs: 300000 });
	running.server.child.on('exit', (code, signal) => {
		if (!running.stopping)
			shutdown(1, `n8n exited unexpectedly (${code ?? signal}); log: ${logFile}`);
	});
	await h.restClient(running.server.url).ensureOwner(h.DEMO_OWNER);

	const names = demos
		.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))
		.map((w) => `    - ${w.name}${h.ACTIVE_DEMO_WORKFLOWS.includes(w.id) ? '  (active)' : ''}`);
	const sandboxUrl = running.sandbox.url;
	h.log(
		[
			'',
			`n8n ${n8n.version} (Node ${n8n.nodeVersion}) is running with ${h.PACKAGE_NAME}@${installed.version}`,
			'',
			`  Editor:   ${running.server.url}`,
			`  Login:    ${h.DEMO_OWNER.email}  /  ${h.DEMO_OWNER.password}`,
			'',
			'  Credentials (all pointing at the sandbox): Access PaySuite DDCMS, Magicline, Singula Decisions, Debitsuccess,',
			'  and the Magicline / Debitsuccess webhook secrets (sandbox)',
			'  Workflows:',
			...names,
			'',
			`  Try the webhook:  curl -s -X POST ${running.server.url}/webhook/ddcms-cancel-schedule -H 'content-type: application/json' \\`,
			`                      -d '{"contractId":"a0000000-0000-4000-8000-000000000003"}'`,
			`  Fire a Magicline "module cancelled" event at the trigger demo (it cancels the DDCMS schedule, which DDCMS`,
			`  reports back to the DDCMS trigger demo):`,
			`    curl -s -X POST ${sandboxUrl}/__sandbox/events -H 'content-type: application/json' \\`,
			`      -d '{"provider":"magicline","url":"${running.server.url}/webhook/${MAGICLINE_TRIGGER_WEBHOOK_ID}/webhook","webhookApiKey":"${h.sandboxCredentials().magiclineWebhook.webhookApiKey}","type":"CONTRACT_ADDITIONAL_MODULE_CANCELLED","entityId":9001,"content":{"contractId":5001,"moduleContractId":7001}}'`,
			`  Sandbox:          ${sandboxUrl}   (reseed: curl -X POST ${sandboxUrl}/__sandbox/reset; requests: ${sandboxUrl}/__sandbox/requests)`,
			`  n8n log:          ${logFile}`,
			'',
			'Press Ctrl-C to stop (the demo user folder is deleted; export changed workflows first).',
		].join('\n'),
	);
}

main().catch((error) => {
	h.log(`\nnpm start failed: ${error.stack || error.message}`);
	shutdown(1);
});
