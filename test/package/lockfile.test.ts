/**
 * `npm ci` refuses to install when package-lock.json does not match package.json. This test fails first,
 * with the difference, so an edit to package.json without `npm install` cannot reach a fresh clone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

const pkg = readJson('package.json');
const lock = readJson('package-lock.json');
const lockRoot = lock.packages?.[''] ?? {};

/** The dependency fields npm copies from package.json into the lock file's root entry. */
const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** The small part of semver that package.json uses here: exact, ^, ~, *. Undefined for anything else. */
function satisfies(version: string, range: string): boolean | undefined {
	if (range === '*' || range === '') return true;
	const parse = (v: string) => v.split('-')[0].split('.').map(Number);
	const match = /^([\^~]?)(\d+\.\d+\.\d+(?:-[\w.]+)?)$/.exec(range);
	if (!match) return undefined;
	const [, operator, base] = match;
	const [vMaj, vMin, vPat] = parse(version);
	const [bMaj, bMin, bPat] = parse(base);
	if (operator === '') return version === base;
	const atLeast = vMaj !== bMaj ? vMaj > bMaj : vMin !== bMin ? vMin > bMin : vPat >= bPat;
	if (!atLeast) return false;
	if (operator === '~') return vMaj === bMaj && vMin === bMin;
	if (bMaj > 0) return vMaj === bMaj;
	return bMin > 0 ? vMaj === 0 && vMin === bMin : vMaj === 0 && vMin === 0 && vPat === bPat;
}

describe('package-lock.json is in sync with package.json (npm ci would install it)', () => {
	it('is a lockfileVersion 2/3 lock for this package and version', () => {
		expect([2, 3]).toContain(lock.lockfileVersion);
		expect([lock.name, lock.version]).toEqual([pkg.name, pkg.version]);
		expect([lockRoot.name, lockRoot.version]).toEqual([pkg.name, pkg.version]);
	});

	it.each(FIELDS)('the lock root lists the same %s as package.json', (field) => {
		expect(lockRoot[field] ?? {}).toEqual(pkg[field] ?? {});
	});

	it('every direct dependency is locked at a version its range allows', () => {
		const problems: string[] = [];
		for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
			for (const [name, range] of Object.entries<string>(pkg[field] ?? {})) {
				const locked = lock.packages?.[`node_modules/${name}`]?.version;
				if (!locked) problems.push(`${name}: not in the lock file`);
				else if (satisfies(locked, range) === false)
					problems.push(`${name}: locked ${locked}, package.json wants ${range}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('the range check itself tells in-range from out-of-range versions', () => {
		expect(
			[
				['1.65.1', '^1.65.1'],
				['1.70.0', '^1.65.1'],
				['2.0.0', '^1.65.1'],
				['1.64.9', '^1.65.1'],
				['5.9.7', '~5.9.3'],
				['5.10.0', '~5.9.3'],
				['0.48.3', '0.48.3'],
				['0.48.4', '0.48.3'],
				['0.2.5', '^0.2.3'],
				['0.3.0', '^0.2.3'],
			].map(([v, r]) => satisfies(v, r)),
		).toEqual([true, true, false, false, true, false, true, false, true, false]);
	});
});
