/**
 * What `npm publish` would ship: only the compiled package (dist/), its entry point, README and LICENSE
 * (npm adds package.json itself), and every node and credential that package.json's "n8n" section lists.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function packedFiles(): string[] {
	if (!fs.existsSync(path.join(ROOT, 'dist')))
		throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
	const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 60000,
	});
	if (result.status !== 0) throw new Error(`npm pack --dry-run failed: ${result.stderr}`);
	const info = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
	return info[0].files.map((f: { path: string }) => f.path).sort();
}

describe('npm pack', () => {
	const files = packedFiles();

	it('lists only dist/, index.js, README.md, LICENSE and package.json', () => {
		const allowed = (file: string) =>
			file.startsWith('dist/') ||
			['index.js', 'README.md', 'LICENSE', 'package.json'].includes(file);
		expect(files.filter((file) => !allowed(file))).toEqual([]);
		expect(files).toEqual(expect.arrayContaining(['index.js', 'README.md', 'LICENSE']));
	});

	it('ships every node and credential that package.json registers with n8n, and no tests', () => {
		const registered: string[] = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
		expect(registered.filter((file) => !files.includes(file))).toEqual([]);
		expect(files.filter((file) => /\.test\.|\/test\//.test(file))).toEqual([]);
	});

	it('names the repository and where to report bugs', () => {
		expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
		expect(pkg.bugs?.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
	});
});
