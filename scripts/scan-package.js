#!/usr/bin/env node
// Runs the static check n8n applies before it verifies a community package (@n8n/scan-community-package)
// on the local source and on the tarball `npm pack` produces, so what ships is what was checked.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function main() {
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const root = path.resolve(__dirname, '..');
	const results = [['source', await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS)]];

	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billing-lifecycle-pack-'));
	try {
		const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', workDir], {
			cwd: root,
		})
			.toString()
			.trim()
			.split('\n')
			.pop();
		execFileSync('tar', ['-xzf', path.join(workDir, tarball), '-C', workDir]);
		results.push([
			'tarball',
			await scanner.analyzePackage(path.join(workDir, 'package'), ['**/*.js', 'package.json']),
		]);
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}

	let failed = false;
	for (const [what, result] of results) {
		console.log(
			`community package scan (${what}): ${result.passed ? 'passed' : `FAILED: ${result.message}`}`,
		);
		if (!result.passed) {
			failed = true;
			if (result.details) console.log(result.details);
		}
	}
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
