'use strict';
/**
 * Shared plumbing for scripts/e2e.js, scripts/start.js and e2e/browser-check.js:
 * build + pack this package, install the tarball into an n8n user folder the way n8n installs
 * community packages, run n8n's CLI, start `n8n start`, talk to its REST API, run the sandbox.
 * Plain Node (no dependencies); every wait has a timeout.
 */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const { spawn, spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = 'n8n-nodes-billing-lifecycle';
const BROWSER_ID = 'billing-lifecycle-e2e-browser';

/** Demo workflows that start from a webhook or a trigger: made active before n8n starts. */
const ACTIVE_DEMO_WORKFLOWS = ['blDemoDdcmsHook1', 'blDemoMlTrigger1', 'blDemoDdTrigger1'];

const DEMO_OWNER = {
	email: 'demo@billing-lifecycle.dev',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'BillingDemo-2026',
};

// A closed terminal or pipe (Ctrl-C on `npm start | tee`) must not crash us before n8n is stopped.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

function log(line) {
	try {
		process.stdout.write(`${line}\n`);
	} catch {}
}

/** Every n8n process group we started and that is still running: terminated if this process exits first. */
const liveChildren = new Set();
function track(child) {
	liveChildren.add(child);
	child.once('exit', () => liveChildren.delete(child));
	return child;
}
process.on('exit', () => {
	for (const child of liveChildren) killGroup(child, 'SIGTERM');
});

// The npm of this machine's Node (shared with the installer).
const { npmCli } = require('../../scripts/n8n-install');

/** Runs a command to completion (bounded), throws on a non-zero exit. Returns stdout. */
function runChecked(
	cmd,
	args,
	{ cwd = REPO, env = process.env, timeoutMs = 300000, quiet = false } = {},
) {
	const result = spawnSync(cmd, args, {
		cwd,
		env,
		encoding: 'utf8',
		timeout: timeoutMs,
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.error) throw new Error(`${cmd} ${args.join(' ')}: ${result.error.message}`);
	if (result.status !== 0) {
		throw new Error(
			`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}\n${result.stdout}\n${result.stderr}`,
		);
	}
	if (!quiet && result.stderr.trim())
		process.stderr.write(
			result.stderr.replace(/^npm warn Unknown user config "nodedir".*\n/gm, ''),
		);
	return result.stdout;
}

/** `npm run build` (unless skipped), then `npm pack` into outDir. Returns the tarball's path. */
function buildAndPack(outDir, { build = true } = {}) {
	fs.mkdirSync(outDir, { recursive: true });
	if (build) {
		log('• npm run build');
		runChecked(process.execPath, [npmCli(), 'run', 'build', '--silent'], {
			timeoutMs: 300000,
			quiet: true,
		});
	}
	log('• npm pack');
	const out = runChecked(
		process.execPath,
		[npmCli(), 'pack', '--json', '--pack-destination', outDir],
		{ quiet: true },
	);
	const info = JSON.parse(out.slice(out.indexOf('[')));
	const tarball = path.join(outDir, info[0].filename);
	log(`  ${path.basename(tarball)}: ${info[0].entryCount} files, ${info[0].size} bytes`);
	return tarball;
}

/** Compiles the provider sandbox (tsc -p sandbox/tsconfig.json) and returns its server module. */
function loadSandbox() {
	const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
	runChecked(process.execPath, [tsc, '-p', path.join(REPO, 'sandbox', 'tsconfig.json')], {
		timeoutMs: 180000,
	});
	return require(path.join(REPO, 'build', 'sandbox', 'server.js'));
}

/**
 * Installs the packed tarball into <userFolder>/.n8n/nodes as n8n 2.x's CommunityPackagesService does
 * for a package from the registry: the tarball is unpacked into nodes/node_modules/<name>, its dev, peer
 * and optional dependencies are dropped from its package.json, `npm install` runs inside it with n8n's
 * flags, and nodes/package.json lists it. (n8n runs `npm pack <name>@<version>` first; we already have
 * the tarball.)
 */
function installPackageIntoUserFolder(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	runChecked('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const pkgFile = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
		fs.readFileSync(pkgFile, 'utf8'),
	);
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	runChecked(
		process.execPath,
		[
			npmCli(),
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDir, timeoutMs: 180000, quiet: true },
	);
	const nodesPkgFile = path.join(nodesDir, 'package.json');
	const nodesPkg = fs.existsSync(nodesPkgFile)
		? JSON.parse(fs.readFileSync(nodesPkgFile, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	nodesPkg.dependencies = { ...(nodesPkg.dependencies || {}), [PACKAGE_NAME]: pkg.version };
	fs.writeFileSync(nodesPkgFile, JSON.stringify(nodesPkg, null, 2));
	return { packageDir, version: pkg.version };
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The environment every n8n process of ours gets: quiet, loopback only, offline, UTC, its own ports.
 * `port` is the editor/webhook port of `n8n start` (a worker's own HTTP server takes `workerPort`).
 */
function n8nEnv(n8n, { userFolder, port, brokerPort, encryptionKey, extra = {} }) {
	return n8n.env({
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://localhost:${port}/`,
		N8N_WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		NODE_OPTIONS: '',
		...n8n.quietEnv,
		...extra,
	});
}

/** Runs `n8n <args>` to completion with a timeout. Never throws for a non-zero exit. */
function runN8n(n8n, args, env, { timeoutMs = 240000, logFile } = {}) {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = track(
			spawn(n8n.nodeBin, [n8n.n8nBin, ...args], {
				cwd: env.N8N_USER_FOLDER,
				env,
				detached: true,
				stdio: ['ignore', 'pipe', 'pipe'],
			}),
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child, 'SIGKILL');
		}, timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (logFile)
				fs.appendFileSync(
					logFile,
					`\n===== n8n ${args.join(' ')} (exit ${code ?? signal}, ${Date.now() - started} ms)\n--- stdout\n${stdout}\n--- stderr\n${stderr}\n`,
				);
			resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
		});
	});
}

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {}
	}
}

/** Finds the run-data JSON that `n8n execute --rawOutput` prints, among any log lines around it. */
function parseExecuteOutput(text) {
	const lines = text.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start] !== '{') continue;
		for (let end = lines.length - 1; end > start; end--) {
			if (lines[end] !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {}
		}
	}
	return undefined;
}

/** The requests the sandbox got for Magicline's cancelation reasons (the bulk flows' request). */
function cancelationReasonRequests(sandbox) {
	return sandbox.requests.filter((r) => r.path.endsWith('/contract-cancelation-reasons'));
}

/**
 * The output of one node from an IRun: an array per output index of item json objects.
 * Returns undefined when the node did not run.
 */
function nodeOutputs(run, nodeName) {
	const runData = run?.data?.resultData?.runData;
	const task = runData?.[nodeName]?.[0];
	if (!task) return undefined;
	return (task.data?.main ?? []).map((items) => (items ?? []).map((item) => item.json));
}

function httpRequest(url, { method = 'GET', headers = {}, body, timeoutMs = 30000 } = {}) {
	return new Promise((resolve, reject) => {
		const data =
			body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
		const req = http.request(
			url,
			{
				method,
				headers: {
					...(data !== undefined
						? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
						: {}),
					...headers,
				},
				timeout: timeoutMs,
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c) => (text += c));
				res.on('end', () => {
					let json;
					try {
						json = JSON.parse(text);
					} catch {}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('timeout', () =>
			req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${url}`)),
		);
		req.on('error', reject);
		if (data !== undefined) req.write(data);
		req.end();
	});
}

/** `n8n start` is ready when its editor answers; a worker when its health server says so. */
async function isReady(command, env, url) {
	if (command === 'worker') {
		const health = `http://127.0.0.1:${env.QUEUE_HEALTH_CHECK_PORT}/healthz/readiness`;
		return (await httpRequest(health, { timeoutMs: 3000 })).status === 200;
	}
	const health = await httpRequest(`${url}/healthz/readiness`, { timeoutMs: 3000 });
	if (health.status !== 200) return false;
	return (await httpRequest(`${url}/rest/settings`, { timeoutMs: 5000 })).status === 200;
}

/**
 * Starts `n8n start` (or `n8n worker`, whose env must set QUEUE_HEALTH_CHECK_ACTIVE/PORT) and waits until it
 * is ready. Returns { url, child, output(), stop() }. stop() sends SIGTERM to n8n's process group, then
 * SIGKILL after graceMs. `logFile` gets the output, each line prefixed with `logPrefix` when given.
 */
async function startN8n(
	n8n,
	env,
	{ timeoutMs = 240000, logFile, echo = false, command = 'start', logPrefix = '' } = {},
) {
	const port = Number(env.N8N_PORT);
	const url = `http://localhost:${port}`;
	const child = track(
		spawn(n8n.nodeBin, [n8n.n8nBin, command], {
			cwd: env.N8N_USER_FOLDER,
			env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	let output = '';
	const onData = (d) => {
		output += d;
		if (logFile)
			fs.appendFileSync(logFile, logPrefix ? String(d).replace(/^(?=.)/gm, logPrefix) : d);
		if (echo) process.stdout.write(d);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited)
			throw new Error(
				`n8n ${command} exited early (${exited.code ?? exited.signal}):\n${output.slice(-4000)}`,
			);
		if (Date.now() > deadline) {
			killGroup(child, 'SIGKILL');
			throw new Error(
				`n8n ${command} was not ready within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`,
			);
		}
		try {
			if (await isReady(command, env, url)) break;
		} catch {}
		await sleep(1000);
	}
	const stop = async (graceMs = 20000) => {
		if (exited) return exited;
		const done = new Promise((resolve) =>
			child.once('exit', (code, signal) => resolve({ code, signal })),
		);
		killGroup(child, 'SIGTERM');
		const timer = sleep(graceMs).then(() => 'timeout');
		const first = await Promise.race([done, timer]);
		if (first === 'timeout') {
			killGroup(child, 'SIGKILL');
			return await Promise.race([
				done,
				sleep(5000).then(() => ({ code: null, signal: 'SIGKILL' })),
			]);
		}
		return first;
	};
	return { url, port, child, output: () => output, stop, exited: () => exited };
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` (sync or async) every intervalMs until it is truthy or timeoutMs passed; returns its last value. */
async function waitFor(condition, { timeoutMs = 30000, intervalMs = 250 } = {}) {
	for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(intervalMs)) {
		const value = await condition();
		if (value) return value;
	}
	return await condition();
}

/** A tiny REST client for n8n's internal API with the auth cookie and a fixed browser id. */
function restClient(baseUrl) {
	let cookie = '';
	const call = async (method, route, body) => {
		const res = await httpRequest(`${baseUrl}/rest${route}`, {
			method,
			body,
			headers: { 'browser-id': BROWSER_ID, ...(cookie ? { cookie } : {}) },
		});
		const setCookie = res.headers['set-cookie'];
		if (setCookie) {
			const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
			if (auth) cookie = auth;
		}
		return res;
	};
	return {
		call,
		cookie: () => cookie,
		/** Creates the owner on a fresh instance, or logs in when it exists. */
		async ensureOwner(owner = DEMO_OWNER) {
			const setup = await call('POST', '/owner/setup', owner);
			if (setup.status === 200) return 'created';
			const login = await call('POST', '/login', {
				emailOrLdapLoginId: owner.email,
				email: owner.email,
				password: owner.password,
			});
			if (login.status === 200) return 'logged-in';
			throw new Error(
				`owner setup failed (${setup.status} ${setup.text.slice(0, 300)}) and login failed (${login.status} ${login.text.slice(0, 300)})`,
			);
		},
	};
}

/**
 * One execution as n8n stored it (GET /rest/executions/:id), its run data unflattened with the `flatted`
 * that n8n itself uses. `run.data.resultData.runData` works with nodeOutputs(). Undefined when not found.
 */
async function getExecution(rest, n8n, id) {
	const answer = await rest.call('GET', `/executions/${id}`);
	const execution = answer.json?.data;
	if (!execution) return undefined;
	const { parse } = require(path.join(n8n.dir, 'node_modules', 'flatted'));
	const data = typeof execution.data === 'string' ? parse(execution.data) : execution.data;
	return { ...execution, data };
}

/**
 * The node types the editor gets (`GET /types/nodes.json`, logged in): n8n's descriptions as it loaded them,
 * including this package's nodes and the `…Tool` variants n8n derives. Returns { status, types, text }.
 */
async function fetchNodeTypes(rest, serverUrl) {
	const answer = await httpRequest(`${serverUrl}/types/nodes.json`, {
		headers: { cookie: rest.cookie(), 'browser-id': BROWSER_ID },
		timeoutMs: 60000,
	});
	return {
		status: answer.status,
		text: answer.text,
		types: Array.isArray(answer.json) ? answer.json : [],
	};
}

/**
 * The sandbox's demo credentials (sandbox/credentials.ts, compiled by loadSandbox): the one place
 * the demo secrets are written.
 */
function sandboxCredentials() {
	return require(path.join(REPO, 'build', 'sandbox', 'credentials.js')).SANDBOX_CREDENTIALS;
}

/** Every demo secret value (for the scans that no output carries one). */
function sandboxSecrets() {
	return Object.values(sandboxCredentials())
		.flatMap((fields) => Object.entries(fields))
		.filter(([name]) => /key|secret|password|token/i.test(name))
		.map(([, value]) => value);
}

/**
 * Reads the credential template and fills in the sandbox URL and the demo credentials
 * (`{{provider.field}}` placeholders); returns the parsed array.
 */
function credentialsFor(sandboxUrl) {
	const demo = sandboxCredentials();
	const text = fs
		.readFileSync(path.join(REPO, 'e2e', 'credentials.template.json'), 'utf8')
		.split('__SANDBOX_URL__')
		.join(sandboxUrl)
		.replace(/\{\{(\w+)\.(\w+)\}\}/g, (placeholder, provider, field) => {
			const value = demo[provider]?.[field];
			if (typeof value !== 'string') throw new Error(`No demo credential for ${placeholder}`);
			return value;
		});
	return JSON.parse(text);
}

function workflowFiles(filter = () => true) {
	const dir = path.join(REPO, 'e2e', 'workflows');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json') && filter(f))
		.sort()
		.map((f) => path.join(dir, f));
}

/** Imports credentials and workflows with n8n's CLI (copies the chosen workflows into one folder for --separate). */
async function importAll(n8n, env, { credentials, workflows, workDir, logFile }) {
	fs.mkdirSync(workDir, { recursive: true });
	const credFile = path.join(workDir, 'credentials.json');
	fs.writeFileSync(credFile, JSON.stringify(credentials, null, 2));
	const wfDir = path.join(workDir, 'workflows');
	fs.rmSync(wfDir, { recursive: true, force: true });
	fs.mkdirSync(wfDir, { recursive: true });
	for (const file of workflows) fs.copyFileSync(file, path.join(wfDir, path.basename(file)));
	const creds = await runN8n(n8n, ['import:credentials', `--input=${credFile}`], env, { logFile });
	if (creds.code !== 0 || !/Successfully imported/i.test(creds.stdout + creds.stderr)) {
		throw new Error(
			`n8n import:credentials failed (exit ${creds.code}):\n${creds.stdout}\n${creds.stderr}`,
		);
	}
	const wfs = await runN8n(n8n, ['import:workflow', '--separate', `--input=${wfDir}`], env, {
		logFile,
	});
	if (
		wfs.code !== 0 ||
		!/Successfully imported/i.test(wfs.stdout + wfs.stderr) ||
		/Skipped workflow/i.test(wfs.stdout + wfs.stderr)
	) {
		throw new Error(`n8n import:workflow failed (exit ${wfs.code}):\n${wfs.stdout}\n${wfs.stderr}`);
	}
	return { credentials: creds, workflows: wfs };
}

/** Makes a workflow active before n8n starts: `publish:workflow` on 2.x, `update:workflow --active=true` on 1.x. */
async function activateWorkflow(n8n, env, id, { logFile } = {}) {
	const args =
		Number(n8n.version.split('.')[0]) >= 2
			? ['publish:workflow', `--id=${id}`]
			: ['update:workflow', `--id=${id}`, '--active=true'];
	const result = await runN8n(n8n, args, env, { logFile });
	if (result.code !== 0)
		throw new Error(
			`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
		);
	return result;
}

function tmpDir(prefix) {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

module.exports = {
	ACTIVE_DEMO_WORKFLOWS,
	REPO,
	PACKAGE_NAME,
	DEMO_OWNER,
	activateWorkflow,
	buildAndPack,
	cancelationReasonRequests,
	credentialsFor,
	fetchNodeTypes,
	freePort,
	getExecution,
	httpRequest,
	importAll,
	installPackageIntoUserFolder,
	killGroup,
	loadSandbox,
	log,
	n8nEnv,
	nodeOutputs,
	parseExecuteOutput,
	restClient,
	runN8n,
	sleep,
	startN8n,
	tmpDir,
	track,
	waitFor,
	workflowFiles,
	sandboxCredentials,
	sandboxSecrets,
};
