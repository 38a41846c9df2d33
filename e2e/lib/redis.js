'use strict';
/**
 * Redis for n8n's queue mode: Debian's `redis-server` (installed with apt-get when missing), started on a
 * free loopback port with no persistence, stopped by the caller (or when this process exits).
 */
const fs = require('node:fs');
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');

const h = require('./harness');

function findRedisServer() {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : '';
}

/** Path of redis-server; installs Debian's package first when it is missing (needs root, as in CI). */
function ensureRedisServer() {
	const present = findRedisServer();
	if (present) return present;
	h.log('• redis-server is missing: apt-get update && apt-get install -y redis-server');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [
		['update', '-qq'],
		['install', '-y', '-qq', 'redis-server'],
	]) {
		const result = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 600000 });
		if (result.status !== 0)
			throw new Error(`apt-get ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
	}
	const installed = findRedisServer();
	if (!installed) throw new Error('redis-server still missing after apt-get install');
	return installed;
}

/** Sends PING on a fresh connection; true when Redis answers +PONG. */
function ping(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('data', (d) => done(String(d).startsWith('+PONG')));
		socket.on('connect', () => socket.write('PING\r\n'));
	});
}

/** Starts redis-server on 127.0.0.1:<free port>. Returns { port, stop() }. */
async function startRedis({ dir, logFile }) {
	const bin = ensureRedisServer();
	const port = await h.freePort();
	fs.mkdirSync(dir, { recursive: true });
	const child = h.track(
		spawn(
			bin,
			[
				'--bind',
				'127.0.0.1',
				'--port',
				String(port),
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				dir,
			],
			{ detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
		),
	);
	const append = (d) =>
		logFile && fs.appendFileSync(logFile, String(d).replace(/^(?=.)/gm, '[redis] '));
	child.stdout.on('data', append);
	child.stderr.on('data', append);
	const up = await h.waitFor(() => child.exitCode === null && ping(port), { timeoutMs: 20000 });
	if (!up) {
		h.killGroup(child, 'SIGKILL');
		throw new Error(`redis-server did not answer PING on 127.0.0.1:${port}`);
	}
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		h.killGroup(child, 'SIGTERM');
		await Promise.race([exited, h.sleep(5000)]);
		if (child.exitCode === null) h.killGroup(child, 'SIGKILL');
	};
	return { port, stop };
}

module.exports = { startRedis };
