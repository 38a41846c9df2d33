#!/usr/bin/env node
/**
 * A look at the package in n8n's real editor, in headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser download). CI runs it (`.ci/run` installs chromium when missing).
 *
 *   apt-get install -y chromium
 *   node e2e/browser-check.js [--n8n-version 2.40.7] [--no-build] [--out docs]
 *
 * Starts the sandbox and n8n with the packed package (as scripts/start.js does, in a temp folder), logs in
 * through the sign-in page, then:
 * - every node of the package, triggers included, as n8n loaded it (GET /types/nodes.json, so new nodes and
 *   operations are covered without editing this file): a workflow with one of each is created through the REST
 *   API; each node's panel opens; for an action node every Resource is selected in turn and its Operation
 *   dropdown must list exactly the operations the node's description has for it; a trigger shows its fields;
 * - e2e/browser/editor-check.json (the four action nodes with fixed values): the Magicline cancelation-reason
 *   and Singula item-code dropdowns load from the sandbox, and the Magicline credential tests OK.
 * Screenshots go to docs/. Prints `N passed, N failed`.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const h = require('./lib/harness');
const { check, eq, fail, summary } = require('./lib/checks');
const { ensureN8n, DEFAULT_N8N_VERSION } = require('../scripts/n8n-install');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

function parseArgs(argv) {
	const args = {
		version: process.env.E2E_N8N_VERSION || DEFAULT_N8N_VERSION,
		build: true,
		out: path.join(h.REPO, 'docs'),
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--n8n-version') args.version = argv[++i];
		else if (a === '--no-build') args.build = false;
		else if (a === '--out') args.out = path.resolve(argv[++i]);
		else throw new Error(`unknown argument ${a}`);
	}
	return args;
}

const NODES = [
	{
		name: 'Access PaySuite DDCMS',
		file: 'editor-accesspaysuite.png',
		resource: 'Contract',
		operation: 'Cancel Schedule',
	},
	{
		name: 'Magicline',
		file: 'editor-magicline.png',
		resource: 'Additional Module Contract',
		operation: 'Cancel',
	},
	{
		name: 'Singula Decisions',
		file: 'editor-singula.png',
		resource: 'Contract',
		operation: 'Change',
	},
	{
		name: 'Debitsuccess',
		file: 'editor-debitsuccess.png',
		resource: 'Account',
		operation: 'Cancel',
	},
];

async function main() {
	const args = parseArgs(process.argv.slice(2));
	let chromium;
	try {
		({ chromium } = require('playwright-core'));
	} catch {
		throw new Error('playwright-core is not installed: npm install --no-save playwright-core');
	}
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	fs.mkdirSync(args.out, { recursive: true });

	const n8n = ensureN8n({ version: args.version, log: (line) => h.log(`  [n8n-install] ${line}`) });
	const work = h.tmpDir(`billing-lifecycle-browser-${args.version}-`);
	const logFile = path.join(work, 'n8n.log');
	const tarball = h.buildAndPack(path.join(work, 'pack'), { build: args.build });
	const userFolder = path.join(work, 'user');
	h.installPackageIntoUserFolder(userFolder, tarball);
	const { startSandbox } = h.loadSandbox();
	const sandbox = await startSandbox({ port: 0 });
	cleanupState.sandbox = sandbox;
	const env = h.n8nEnv(n8n, {
		userFolder,
		port: await h.freePort(),
		brokerPort: await h.freePort(),
		encryptionKey: 'billing-lifecycle-browser-key',
	});
	const workflows = [
		...h.workflowFiles((f) => f.startsWith('demo-')),
		path.join(h.REPO, 'e2e', 'browser', 'editor-check.json'),
	];
	await h.importAll(n8n, env, {
		credentials: h.credentialsFor(sandbox.url),
		workflows,
		workDir: path.join(work, 'import'),
		logFile,
	});
	const server = await h.startN8n(n8n, env, { logFile, timeoutMs: 300000 });
	cleanupState.server = server;
	const rest = h.restClient(server.url);
	await rest.ensureOwner(h.DEMO_OWNER);
	h.log(`• n8n ${n8n.version} on ${server.url}, sandbox ${sandbox.url}`);
	const nodeTypes = await h.fetchNodeTypes(rest, server.url);
	const packageNodes = describePackageNodes(nodeTypes.types);
	const everyNodeId = await createEveryNodeWorkflow(
		rest,
		packageNodes,
		h.credentialsFor(sandbox.url),
	);
	h.log(`• package nodes in n8n: ${packageNodes.map((n) => n.type).join(', ')}`);

	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: CHROMIUM_ARGS,
		headless: true,
		timeout: 60000,
	});
	cleanupState.browser = browser;
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(30000);
	const shot = async (file) => {
		await page.waitForTimeout(400);
		const target = path.join(args.out, file);
		await page.screenshot({ path: target });
		return path.relative(h.REPO, target);
	};

	await check('sign in with the demo owner on the sign-in page', async () => {
		await page.goto(`${server.url}/signin`, { waitUntil: 'domcontentloaded' });
		await page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
			.first()
			.fill(h.DEMO_OWNER.email);
		await page.locator('input[type="password"]').first().fill(h.DEMO_OWNER.password);
		await page.locator('button:has-text("Sign in")').first().click();
		await page.waitForURL((url) => !/signin/.test(url.pathname), { timeout: 30000 });
		return page.url();
	});

	await check(
		'the demo workflow "Magicline module cancel batch (CRM)" opens on the canvas',
		async () => {
			await page.goto(`${server.url}/workflow/blDemoMagicBatch`, { waitUntil: 'domcontentloaded' });
			await page
				.locator('[data-test-id="canvas-node"]')
				.first()
				.waitFor({ state: 'visible', timeout: 60000 });
			await dismissPopups(page);
			await page.waitForTimeout(1500);
			return await shot('demo-magicline-crm-batch.png');
		},
	);

	const everyNodeUrl = `${server.url}/workflow/${everyNodeId}`;
	await reopenWorkflow(page, everyNodeUrl);
	await check(
		'the editor shows every node of the package, triggers included, with its icon',
		async () => {
			eq(packageNodes.filter((n) => n.trigger).length > 0, true, 'trigger nodes in nodes.json');
			for (const node of packageNodes)
				await canvasNode(page, node.displayName).waitFor({ state: 'visible' });
			return `${packageNodes.length} nodes; ${await shot('editor-all-nodes.png')}`;
		},
	);
	for (const node of packageNodes) {
		await check(
			node.trigger
				? `${node.displayName}: panel shows its fields (${node.fields.join(', ')})`
				: `${node.displayName}: every Resource lists exactly its operations in the Operation dropdown`,
			async () => {
				await openNode(page, node.displayName);
				const ndv = page.locator('[data-test-id="ndv"]');
				if (node.trigger) {
					for (const field of node.fields)
						await ndv
							.locator(
								node.collections.includes(field)
									? // a collection (Options) shows its "Add option" control, not an input
										'[data-test-id^="collection-parameter-add"]'
									: `[data-test-id="parameter-input-${field}"]`,
							)
							.first()
							.waitFor({ state: 'visible' });
					return await shot(
						`editor-${node.short.replace(/Trigger$/, '-trigger').toLowerCase()}.png`,
					);
				}
				const listed = [];
				const failed = path.join(work, `failed-${node.short}.png`);
				for (const resource of node.resources) {
					await page.screenshot({ path: failed }); // replaced until the last resource passes
					const shown = await withContext(
						`after ${listed.join(', ') || 'none'}, at ${resource.name}`,
						async () => {
							await chooseOption(
								page,
								ndv.locator('[data-test-id="parameter-input-resource"]'),
								resource.name,
							);
							return await dropdownOptions(
								page,
								ndv.locator('[data-test-id="parameter-input-operation"]'),
							);
						},
					);
					eq([...shown].sort(), [...resource.operations].sort(), `operations of ${resource.name}`);
					listed.push(`${resource.name}: ${shown.length}`);
				}
				fs.rmSync(failed, { force: true });
				return listed.join(', ');
			},
		);
		await reopenWorkflow(page, everyNodeUrl);
	}

	const editorUrl = `${server.url}/workflow/blBrowserEditor1`;
	await reopenWorkflow(page, editorUrl);

	const reasonRequests = () =>
		sandbox.requests.filter(
			(r) => r.method === 'GET' && r.path.endsWith('/contract-cancelation-reasons'),
		).length;
	for (const node of NODES) {
		const reasonsBefore = reasonRequests();
		await check(
			`${node.name}: panel shows Resource "${node.resource}" and Operation "${node.operation}"`,
			async () => {
				await openNode(page, node.name);
				const ndv = page.locator('[data-test-id="ndv"]');
				const resource = ndv.locator('[data-test-id="parameter-input-resource"]');
				const operation = ndv.locator('[data-test-id="parameter-input-operation"]');
				await resource.waitFor({ state: 'visible' });
				await operation.waitFor({ state: 'visible' });
				const resourceText = await inputValue(resource);
				const operationText = await inputValue(operation);
				if (resourceText !== node.resource) throw new Error(`Resource shows "${resourceText}"`);
				if (operationText !== node.operation) throw new Error(`Operation shows "${operationText}"`);
				await operation.click();
				await page
					.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
					.first()
					.waitFor({ state: 'visible' });
				const options = (
					await page
						.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
						.allInnerTexts()
				)
					.map((t) => t.split('\n')[0].trim())
					.filter(Boolean);
				const file = await shot(node.file);
				await page.keyboard.press('Escape');
				await page.waitForTimeout(300);
				return `${file}; operations: ${options.join(', ')}`;
			},
		);
		if (node.name === 'Magicline') {
			await check(
				'Magicline: the Cancelation Reason dropdown loads its options from the sandbox',
				async () => {
					const reason = page.locator(
						'[data-test-id="ndv"] [data-test-id="parameter-input-cancelationReasonId"]',
					);
					await reason.click();
					const option = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
					await option
						.filter({ hasText: 'Moving away' })
						.first()
						.waitFor({ state: 'visible', timeout: 30000 });
					const texts = (await option.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
					for (const wanted of ['Moving away', 'Financial reasons', 'Health']) {
						if (!texts.some((t) => t.includes(wanted)))
							throw new Error(`option "${wanted}" missing: ${texts.join(' | ')}`);
					}
					if (reasonRequests() <= reasonsBefore)
						throw new Error('the sandbox saw no GET …/contract-cancelation-reasons');
					const file = await shot('editor-magicline-cancelation-reasons.png');
					await option.filter({ hasText: 'Financial reasons' }).first().click();
					await page.waitForTimeout(300);
					return `${file}; ${texts.join(', ')}`;
				},
			);
		}
		if (node.name === 'Singula Decisions') {
			await check(
				'Singula: the New Item Code dropdown loads the change paths from the sandbox',
				async () => {
					const item = page.locator(
						'[data-test-id="ndv"] [data-test-id="parameter-input-itemCode"]',
					);
					await item.click();
					const option = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
					await option
						.filter({ hasText: /SPORTS|Sports/ })
						.first()
						.waitFor({ state: 'visible', timeout: 30000 });
					const texts = (await option.allInnerTexts())
						.map((t) => t.split('\n')[0].trim())
						.filter(Boolean);
					const file = await shot('editor-singula-change-paths.png');
					await page.keyboard.press('Escape');
					return `${file}; ${texts.join(', ')}`;
				},
			);
		}
		await reopenWorkflow(page, editorUrl);
	}

	await check('credential modal: the Magicline credential tests OK in the editor', async () => {
		await openNode(page, 'Magicline');
		const ndv = page.locator('[data-test-id="ndv"]');
		const edit = ndv
			.locator(
				'[data-test-id="credential-edit-button"], [data-test-id="node-credentials-select"] ~ * button, .node-credentials button',
			)
			.first();
		await edit.click();
		const modal = page.locator('[data-test-id="editCredential-modal"], .el-dialog:visible').first();
		await modal.waitFor({ state: 'visible' });
		const retry = modal
			.locator(
				'[data-test-id="credential-save-button"], button:has-text("Retry"), button:has-text("Save")',
			)
			.first();
		await retry.click();
		await page
			.locator('text=/Connection tested successfully|Connection successful/i')
			.first()
			.waitFor({ state: 'visible', timeout: 30000 });
		const file = await shot('editor-magicline-credential-test.png');
		await page.keyboard.press('Escape');
		return file;
	});

	await browser.close();
	cleanupState.browser = undefined;
	await server.stop();
	cleanupState.server = undefined;
	await sandbox.close();
	cleanupState.sandbox = undefined;
	const { failed, line } = summary();
	if (failed) h.log(`  n8n log and screenshots of failed panels: ${work}`);
	else fs.rmSync(work, { recursive: true, force: true });
	h.log(line);
	return failed ? 1 : 0;
}

/**
 * This package's nodes from n8n's node list (one entry per type, newest version, no `…Tool` variants): for an
 * action node its resources with their operations' display names, for a trigger its top-level fields.
 */
function describePackageNodes(types) {
	const byType = new Map();
	for (const t of types) {
		if (!t.name.startsWith(`${h.PACKAGE_NAME}.`) || t.name.endsWith('Tool')) continue;
		const version = Math.max(...[].concat(t.version));
		if (!byType.has(t.name) || byType.get(t.name).version < version)
			byType.set(t.name, { ...t, version });
	}
	return [...byType.values()]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((t) => {
			const props = t.properties ?? [];
			const resource = props.find((p) => p.name === 'resource');
			// n8n adds a "Custom API Call" resource (value __CUSTOM_API_CALL__), which has no Operation field
			const resources = (resource?.options ?? [])
				.filter((r) => !String(r.value).startsWith('__'))
				.map((r) => ({
					name: r.name,
					operations: props
						.filter(
							(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value),
						)
						.flatMap((p) => p.options.map((o) => o.name)),
				}));
			const shown = props.filter(
				(p) => !p.displayOptions && !['notice', 'hidden'].includes(p.type),
			);
			const fields = shown.map((p) => p.name);
			const collections = shown.filter((p) => p.type === 'collection').map((p) => p.name);
			return {
				type: t.name,
				short: t.name.slice(h.PACKAGE_NAME.length + 1),
				version: t.version,
				displayName: t.displayName,
				trigger: (t.group ?? []).includes('trigger'),
				credential: t.credentials?.[0]?.name,
				resources,
				fields,
				collections,
			};
		});
}

/** A workflow with one node of each type (defaults, the sandbox credential of its type), created through REST. */
async function createEveryNodeWorkflow(rest, nodes, credentials) {
	const credentialOf = Object.fromEntries(
		credentials.map((c) => [c.type, { id: c.id, name: c.name }]),
	);
	const workflow = {
		name: 'Browser check: every node of the package',
		active: false,
		connections: {},
		settings: { executionOrder: 'v1' },
		nodes: nodes.map((node, i) => ({
			id: `b0b0b0b0-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			name: node.displayName,
			type: node.type,
			typeVersion: node.version,
			position: [(i % 4) * 280, Math.floor(i / 4) * 260],
			parameters: {},
			...(node.trigger
				? { webhookId: `b0b0b0b0-1111-4000-8000-${String(i + 1).padStart(12, '0')}` }
				: {}),
			...(node.credential && credentialOf[node.credential]
				? { credentials: { [node.credential]: credentialOf[node.credential] } }
				: {}),
		})),
	};
	const created = await rest.call('POST', '/workflows', workflow);
	const id = created.json?.data?.id;
	if (!id)
		throw new Error(
			`POST /rest/workflows failed (${created.status}): ${created.text.slice(0, 500)}`,
		);
	return id;
}

const VISIBLE_OPTION = '.el-select-dropdown__item:visible, [role="option"]:visible';

/** Opens a dropdown parameter and returns the first line of each option it shows (the dropdown stays open). */
async function dropdownOptions(page, input) {
	await input.click();
	await page.locator(VISIBLE_OPTION).first().waitFor({ state: 'visible' });
	await page.waitForTimeout(200);
	const texts = await page.locator(VISIBLE_OPTION).allInnerTexts();
	await closeDropdown(page, input);
	return texts.map((t) => t.split('\n')[0].trim()).filter(Boolean);
}

/** Runs fn; a failure names where it happened. */
async function withContext(where, fn) {
	try {
		return await fn();
	} catch (error) {
		throw new Error(`${where}: ${error.message}`);
	}
}

/** Closes an open dropdown by clicking its input again (Escape would also close n8n 2.x's node panel). */
async function closeDropdown(page, input) {
	await input.click();
	await page
		.locator(VISIBLE_OPTION)
		.first()
		.waitFor({ state: 'hidden', timeout: 5000 })
		.catch(() => {});
	await page.waitForTimeout(200);
}

/** Selects the option with exactly this label in a dropdown parameter. */
async function chooseOption(page, input, label) {
	await input.click();
	const option = page
		.locator(VISIBLE_OPTION)
		.filter({ has: page.getByText(label, { exact: true }) })
		.first();
	await option.waitFor({ state: 'visible' });
	await option.click();
	await page.waitForTimeout(300);
}

function canvasNode(page, name) {
	return page.locator('[data-test-id="canvas-node"]').filter({ hasText: name }).first();
}

async function openNode(page, name) {
	await canvasNode(page, name).dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor({ state: 'visible' });
	await page.waitForTimeout(500);
}

/** Leaves the node panel by reloading the workflow (n8n 2.x's panel is a modal dialog; 1.x has a back button). */
async function reopenWorkflow(page, url) {
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	await page
		.locator('[data-test-id="canvas-node"]')
		.first()
		.waitFor({ state: 'visible', timeout: 60000 });
	await dismissPopups(page);
}

async function inputValue(locator) {
	const input = locator.locator('input').first();
	if (await input.count()) {
		const value = await input.inputValue().catch(() => '');
		if (value) return value.trim();
	}
	return (await locator.innerText()).split('\n')[0].trim();
}

/** Closes first-visit popups (what's new, tours, surveys) if n8n shows any. */
async function dismissPopups(page) {
	for (const selector of [
		'button:has-text("Got it")',
		'button:has-text("Dismiss")',
		'button:has-text("Skip")',
		'[aria-label="Close this dialog"]',
		'.el-dialog__headerbtn',
	]) {
		const el = page.locator(selector).first();
		if (await el.isVisible().catch(() => false)) await el.click().catch(() => {});
	}
}

const cleanupState = { browser: undefined, server: undefined, sandbox: undefined };
async function cleanup() {
	if (cleanupState.browser) await cleanupState.browser.close().catch(() => {});
	if (cleanupState.server) await cleanupState.server.stop(5000).catch(() => {});
	if (cleanupState.sandbox) await cleanupState.sandbox.close().catch(() => {});
}
process.once('SIGINT', () => cleanup().finally(() => process.exit(130)));
const watchdog = setTimeout(
	() => {
		h.log('browser check: timeout after 15 min');
		cleanup().finally(() => process.exit(1));
	},
	15 * 60 * 1000,
);
watchdog.unref();

main().then(
	async (code) => {
		await cleanup();
		process.exit(code);
	},
	async (error) => {
		fail('browser check run', error.message);
		h.log(`browser check aborted: ${error.stack || error.message}`);
		await cleanup();
		h.log(summary().line);
		process.exit(1);
	},
);
