#!/usr/bin/env node
/**
 * A look at the package in n8n's real editor, in headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser download).
 *
 *   apt-get install -y chromium && npm install --no-save playwright-core   (or as a devDependency)
 *   node e2e/browser-check.js [--n8n-version 2.40.7] [--no-build] [--out docs]
 *
 * Starts the sandbox and n8n with the packed package (as scripts/start.js does, in a temp folder), logs in
 * through the sign-in page, opens e2e/browser/editor-check.json, and for each of the four nodes opens its
 * panel and its Operation dropdown; opens the Magicline cancelation-reason dropdown, whose options come from
 * the sandbox, and the Singula item-code dropdown. Screenshots go to docs/. Prints `N passed, N failed`.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const h = require('./lib/harness');
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

const results = [];
async function step(name, fn) {
	try {
		const detail = await fn();
		results.push(true);
		h.log(`  ok   ${name}${detail ? ` (${detail})` : ''}`);
	} catch (error) {
		results.push(false);
		h.log(
			`  FAIL ${name}\n       ${String(error.message).split('\n').slice(0, 6).join('\n       ')}`,
		);
	}
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
	await h.restClient(server.url).ensureOwner(h.DEMO_OWNER);
	h.log(`• n8n ${n8n.version} on ${server.url}, sandbox ${sandbox.url}`);

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
		await page.screenshot({ path: path.join(args.out, file) });
		return `docs/${file}`;
	};

	await step('sign in with the demo owner on the sign-in page', async () => {
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

	await step(
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

	const editorUrl = `${server.url}/workflow/blBrowserEditor1`;
	await reopenWorkflow(page, editorUrl);
	await step('the editor shows the four billing nodes with their icons', async () => {
		for (const node of NODES) await canvasNode(page, node.name).waitFor({ state: 'visible' });
		return await shot('editor-all-nodes.png');
	});

	const reasonRequests = () =>
		sandbox.requests.filter(
			(r) => r.method === 'GET' && r.path.endsWith('/contract-cancelation-reasons'),
		).length;
	for (const node of NODES) {
		const reasonsBefore = reasonRequests();
		await step(
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
			await step(
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
			await step(
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

	await step('credential modal: the Magicline credential tests OK in the editor', async () => {
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
	fs.rmSync(work, { recursive: true, force: true });
	const passed = results.filter(Boolean).length;
	h.log(`${passed} passed, ${results.length - passed} failed`);
	return results.length === passed ? 0 : 1;
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
		h.log(`browser check aborted: ${error.stack || error.message}`);
		await cleanup();
		h.log(
			`${results.filter(Boolean).length} passed, ${results.filter((r) => !r).length + 1} failed`,
		);
		process.exit(1);
	},
);
