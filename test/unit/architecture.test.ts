/**
 * The dependency rules of the source tree (CONTRIBUTING.md): credentials/ and nodes/ never import
 * each other (both may use common/), no provider folder imports another, the sandbox imports no
 * package code, and there are no import cycles.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');
const PROVIDERS = ['AccessPaySuite', 'Magicline', 'Singula', 'Debitsuccess'];

function sourceFiles(folder: string): string[] {
	return readdirSync(join(ROOT, folder)).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
		return name.endsWith('.ts') ? [path] : [];
	});
}

/** The repository-relative files a source file imports (relative imports only). */
function importsOf(file: string): string[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	const specifiers = [...text.matchAll(/(?:from|import|require\()\s*['"](\.[^'"]+)['"]/g)].map(
		(match) => match[1],
	);
	return specifiers.map((specifier) => {
		const target = resolve(ROOT, dirname(file), specifier);
		const candidates = [`${target}.ts`, join(target, 'index.ts'), target];
		const found = candidates.find(
			(candidate) => existsSync(candidate) && statSync(candidate).isFile(),
		);
		return relative(ROOT, found ?? target);
	});
}

const PACKAGE_FILES = ['common', 'credentials', 'nodes'].flatMap(sourceFiles);
const GRAPH = new Map(PACKAGE_FILES.map((file) => [file, importsOf(file)]));

function violations(test: (file: string, target: string) => boolean): string[] {
	return [...GRAPH].flatMap(([file, targets]) =>
		targets.filter((target) => test(file, target)).map((target) => `${file} → ${target}`),
	);
}

describe('dependencies point one way', () => {
	it('credentials/ imports nothing from nodes/', () => {
		expect(
			violations((file, target) => file.startsWith('credentials/') && target.startsWith('nodes/')),
		).toEqual([]);
	});
	it('nodes/ imports nothing from credentials/', () => {
		expect(
			violations((file, target) => file.startsWith('nodes/') && target.startsWith('credentials/')),
		).toEqual([]);
	});
	it('common/ imports only from common/', () => {
		expect(
			violations((file, target) => file.startsWith('common/') && !target.startsWith('common/')),
		).toEqual([]);
	});
	it('no provider folder imports another provider folder, and nodes/shared imports none', () => {
		const providerOf = (path: string) =>
			PROVIDERS.find((name) => path.startsWith(`nodes/${name}/`));
		expect(
			violations((file, target) => {
				const from = file.startsWith('nodes/shared/') ? 'shared' : providerOf(file);
				const to = providerOf(target);
				return to !== undefined && from !== undefined && from !== to;
			}),
		).toEqual([]);
	});
	it('the sandbox imports nothing from nodes/, credentials/ or common/', () => {
		const sandboxImports = sourceFiles('sandbox').flatMap((file) =>
			importsOf(file)
				.filter((target) => /^(nodes|credentials|common)\//.test(target))
				.map((target) => `${file} → ${target}`),
		);
		expect(sandboxImports).toEqual([]);
	});
	it('has no import cycles', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'visiting' | 'done'>();
		const visit = (file: string, path: string[]) => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'visiting') {
				cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
				return;
			}
			state.set(file, 'visiting');
			for (const target of GRAPH.get(file) ?? []) visit(target, [...path, file]);
			state.set(file, 'done');
		};
		for (const file of GRAPH.keys()) visit(file, []);
		expect(cycles).toEqual([]);
	});
});
