#!/usr/bin/env node
/**
 * End-to-end test of the packed package inside a real n8n.
 *
 *   node scripts/e2e.js [--n8n-version 2.40.7] [--no-build] [--keep]
 *
 * 1. installs n8n@<version> into the cache outside the repo (scripts/n8n-install.js; reused later),
 * 2. `npm run build` + `npm pack`, and installs the tarball into a fresh N8N_USER_FOLDER's .n8n/nodes
 *    the way n8n installs community packages,
 * 3. starts the provider sandbox (in this process, random port),
 * 4. `n8n import:credentials` + `n8n import:workflow` (e2e/credentials.template.json, e2e/workflows/),
 * 5. `n8n execute --id <id> --rawOutput` for each Manual Trigger workflow, and asserts on every node's
 *    output (success items, error-output items and their error.category, the Switch/IF branches),
 *    on the requests the sandbox received, and on the sandbox's state afterwards,
 * 6. `n8n start` on a free port: owner setup through the REST API, each credential's Test with a good
 *    and a wrong secret, the Magicline and Singula dropdowns (loadOptions), and the activated Webhook demo,
 * 7. stops n8n and the sandbox. The run after the n8n install is bounded by E2E_TIMEOUT_MS (default 20 min). Prints `N passed, N failed`; exits 1 on any failure.
 *
 * Logs of every n8n command: <work dir>/n8n.log (the work dir is printed; kept on failure or with --keep).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const h = require('../e2e/lib/harness');
const { ensureN8n, DEFAULT_N8N_VERSION } = require('./n8n-install');

const OVERALL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 20 * 60 * 1000);
const SECRETS = [
	'ddcms-sandbox-key',
	'magicline-sandbox-key',
	'singula-sandbox-key',
	'singula-sandbox-secret',
	'sandbox-pass',
];

function parseArgs(argv) {
	const args = {
		version: process.env.E2E_N8N_VERSION || DEFAULT_N8N_VERSION,
		build: true,
		keep: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--n8n-version') args.version = argv[++i];
		else if (a.startsWith('--n8n-version=')) args.version = a.slice(14);
		else if (a === '--no-build') args.build = false;
		else if (a === '--keep') args.keep = true;
		else throw new Error(`unknown argument ${a} (use --n8n-version X.Y.Z, --no-build, --keep)`);
	}
	return args;
}

// ---------------------------------------------------------------- checks

const results = [];
function check(name, fn) {
	try {
		const detail = fn();
		results.push({ name, ok: true });
		h.log(`  ok   ${name}${detail ? ` (${detail})` : ''}`);
	} catch (error) {
		results.push({ name, ok: false, error: error.message });
		h.log(`  FAIL ${name}\n       ${error.message.split('\n').join('\n       ')}`);
	}
}
function expect(condition, message) {
	if (!condition) throw new Error(message);
}
function eq(actual, expected, what) {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
const short = (value) => {
	const text = JSON.stringify(value);
	return text && text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

// ---------------------------------------------------------------- the executed workflows

/** Last day of next month (UTC), as n8n computes `$today.plus({ months: 1 }).endOf('month')` with GENERIC_TIMEZONE=UTC. */
function expectedMagiclineDate() {
	const now = new Date();
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0))
		.toISOString()
		.slice(0, 10);
}

const EXECUTED = [
	{
		id: 'blE2eDdcmsManual',
		title: 'DDCMS cancelSchedule, error output + Switch on error.category',
		assert(run, sandbox) {
			const out = h.nodeOutputs(run, 'Cancel DDCMS schedule');
			check('DDCMS: one success item on the main output', () => {
				expect(out, 'node did not run');
				eq(out[0].length, 1, 'main output items');
				eq(out[0][0].success, true, 'success');
				eq(out[0][0].contractId, 'a0000000-0000-4000-8000-000000000001', 'contractId');
				eq(out[0][0].message, 'Contract schedule was cancelled successfully.', 'message');
			});
			check('DDCMS: protected (403) and validation (400) on the error output', () => {
				eq(
					out[1].map((i) => [i.error?.category, i.error?.code, i.error?.httpCode]),
					[
						['protected', '5', 403],
						['validation', '3', 400],
					],
					'error items',
				);
				eq(out[1][0].error.message, 'Contract is protected and cannot be modified', 'message');
				eq(out[1][0].error.provider, 'accessPaySuite', 'provider');
			});
			check(
				'DDCMS: Switch routes protected → "Escalate (protected)", validation → "Nothing to cancel"',
				() => {
					eq(
						(h.nodeOutputs(run, 'Escalate (protected)')?.[0] ?? []).map((i) => i.error?.category),
						['protected'],
						'escalate',
					);
					eq(
						(h.nodeOutputs(run, 'Nothing to cancel')?.[0] ?? []).map((i) => i.error?.category),
						['validation'],
						'nothing to cancel',
					);
					eq((h.nodeOutputs(run, 'Alert billing team')?.[0] ?? []).length, 0, 'fallback items');
				},
			);
			check(
				'DDCMS: sandbox got 3 POST …/contract/{id}/cancelSchedule with the apiKey header; contract 0001 is Terminated',
				() => {
					const reqs = sandbox.requests.filter((r) => r.provider === 'accessPaySuite');
					eq(
						reqs.map((r) => `${r.method} ${r.path}`),
						[
							'POST /ddcms/api/v3/client/DEMO/contract/a0000000-0000-4000-8000-000000000001/cancelSchedule',
							'POST /ddcms/api/v3/client/DEMO/contract/a0000000-0000-4000-8000-000000000003/cancelSchedule',
							'POST /ddcms/api/v3/client/DEMO/contract/a0000000-0000-4000-8000-000000000002/cancelSchedule',
						],
						'requests',
					);
					expect(
						reqs.every((r) => r.headers.apikey === 'ddcms-sandbox-key'),
						'apiKey header missing',
					);
					eq(
						sandbox.state.accessPaySuite.contracts.get('a0000000-0000-4000-8000-000000000001')
							.scheduleStatus,
						'Terminated',
						'scheduleStatus',
					);
				},
			);
		},
	},
	{
		id: 'blDemoMagicBatch',
		title: 'Magicline CRM batch (demo), error output + Switch',
		assert(run, sandbox) {
			const date = expectedMagiclineDate();
			const out = h.nodeOutputs(run, 'Cancel module contract');
			check('Magicline: module 7001 cancelled on the main output', () => {
				expect(out, 'node did not run');
				eq(out[0].length, 1, 'main output items');
				const item = out[0][0];
				eq(
					[item.success, item.contractId, item.additionalModuleContractId, item.cancelationDate],
					[true, '5001', '7001', date],
					'success item',
				);
				return `cancelationDate ${date}`;
			});
			check(
				'Magicline: 7002 validation (ALREADY_CANCELED) and 7003 conflict (retryable) on the error output',
				() => {
					eq(
						out[1].map((i) => [
							i.error?.category,
							i.error?.code,
							i.error?.httpCode,
							i.error?.retryable,
						]),
						[
							['validation', 'ALREADY_CANCELED', 400, false],
							['conflict', 'CONCURRENT_MODIFICATION', 409, true],
						],
						'error items',
					);
					expect(
						/^[0-9a-f]{16}$/.test(out[1][1].error.traceId ?? ''),
						`traceId ${out[1][1].error.traceId}`,
					);
				},
			);
			check(
				'Magicline: Switch routes conflict → "Retry later (locked)", validation → "Fix in CRM"',
				() => {
					eq(
						(h.nodeOutputs(run, 'Retry later (locked)')?.[0] ?? []).map((i) => i.error?.category),
						['conflict'],
						'retry later',
					);
					eq(
						(h.nodeOutputs(run, 'Fix in CRM')?.[0] ?? []).map((i) => i.error?.category),
						['validation'],
						'fix in CRM',
					);
					eq((h.nodeOutputs(run, 'Alert billing team')?.[0] ?? []).length, 0, 'fallback items');
					eq(
						(h.nodeOutputs(run, 'Mark cancelled in CRM')?.[0] ?? []).map((i) => i.crmStatus),
						['module cancelled'],
						'success branch',
					);
				},
			);
			check(
				'Magicline: request body is exact JSON with an integer reason, module 7001 is CANCELED',
				() => {
					const req = sandbox.requests.find((r) =>
						r.path.endsWith('/additional-module-contracts/7001/ordinary-cancelation'),
					);
					expect(req, 'no request for 7001');
					eq(
						req.path,
						'/magicline/v1/memberships/5001/self-service/additional-module-contracts/7001/ordinary-cancelation',
						'path',
					);
					eq(JSON.parse(req.body), { cancelationDate: date, cancelationReasonId: 1001 }, 'body');
					expect(
						/"cancelationReasonId":\s*1001\b/.test(req.body),
						`reason is not a JSON integer: ${req.body}`,
					);
					eq(req.headers['x-api-key'], 'magicline-sandbox-key', 'X-API-KEY');
					eq(
						sandbox.state.magicline.moduleContracts.get('7001').status,
						'CANCELED',
						'module 7001 status',
					);
				},
			);
		},
	},
	{
		id: 'blDemoSingulaChg',
		title: 'Singula change (demo), error output + IF',
		assert(run, sandbox) {
			const out = h.nodeOutputs(run, 'Change contract');
			check('Singula: 80001 → SPORTS on the main output', () => {
				expect(out, 'node did not run');
				eq(out[0].length, 1, 'main output items');
				eq(
					[out[0][0].success, out[0][0].customerId, out[0][0].contractId, out[0][0].itemCode],
					[true, '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01', '80001', 'SPORTS'],
					'success item',
				);
				eq(
					sandbox.state.singula.contracts.get('80001').itemCode,
					'SPORTS',
					'contract 80001 itemCode',
				);
			});
			check(
				'Singula: 80002 → 90029 invalid_state on the error output, IF sends it to "Tell the customer"',
				() => {
					eq(
						out[1].map((i) => [i.error?.category, i.error?.code, i.error?.fault]),
						[['invalid_state', '90029', 'InvalidStateForCrossgradeFault']],
						'error items',
					);
					eq(
						(h.nodeOutputs(run, 'Tell the customer')?.[0] ?? []).map((i) => i.error?.code),
						['90029'],
						'IF true branch',
					);
					eq((h.nodeOutputs(run, 'Alert billing team')?.[0] ?? []).length, 0, 'IF false branch');
				},
			);
			check('Singula: requests are HMAC-signed', () => {
				const reqs = sandbox.requests.filter((r) => r.provider === 'singula');
				eq(reqs.length, 2, 'request count');
				expect(
					reqs.every(
						(r) =>
							/^hmac singula-sandbox-key:[0-9A-F]{64}$/.test(r.headers.authorization ?? '') &&
							/^\d+$/.test(r.headers.timestamp ?? ''),
					),
					'Authorization/Timestamp headers',
				);
			});
		},
	},
	{
		id: 'blDemoDebitsCncl',
		title: 'Debitsuccess cancel (demo), error output + Switch',
		assert(run, sandbox) {
			const out = h.nodeOutputs(run, 'Cancel account');
			check('Debitsuccess: DS1001 cancelled (Status Succeed)', () => {
				expect(out, 'node did not run');
				eq(out[0].length, 1, 'main output items');
				eq([out[0][0].success, out[0][0].status], [true, 'Succeed'], 'success item');
				eq(sandbox.state.debitsuccess.accounts.get('DS1001').status, 'Cancelled', 'DS1001 status');
			});
			check(
				'Debitsuccess: DS1002 → code 10 invalid_state on the error output → "Already cancelled"',
				() => {
					eq(
						out[1].map((i) => [i.error?.category, i.error?.code, i.error?.provider]),
						[['invalid_state', '10', 'debitsuccess']],
						'error items',
					);
					eq(
						(h.nodeOutputs(run, 'Already cancelled')?.[0] ?? []).map((i) => i.error?.code),
						['10'],
						'Switch branch',
					);
				},
			);
			check('Debitsuccess: SOAP 1.1 request with SOAPAction CancelAccount', () => {
				const reqs = sandbox.requests.filter((r) => r.provider === 'debitsuccess');
				eq(reqs.length, 2, 'request count');
				eq(
					reqs[0].headers.soapaction,
					'"Debitsuccess.WebServices.WCF/IDSServices/CancelAccount"',
					'SOAPAction',
				);
				expect(
					/^text\/xml/.test(reqs[0].headers['content-type'] ?? ''),
					`content-type ${reqs[0].headers['content-type']}`,
				);
			});
		},
	},
	{
		id: 'blE2eContinueReg',
		title: 'On Error = Continue (regular output)',
		assert(run, sandbox) {
			const out = h.nodeOutputs(run, 'Change contract');
			check('Continue (regular output): three error items stay in line, in input order', () => {
				expect(out, 'node did not run');
				eq(out.length <= 1 || (out[1] ?? []).length === 0, true, 'nothing on a second output');
				eq(
					out[0].map((i) => [i.error?.category, i.error?.code]),
					[
						['invalid_state', '90029'],
						['not_found', '90041'],
						['validation', 'INVALID_PARAMETER'],
					],
					'items',
				);
			});
			check('Continue (regular output): the invalid contract id never reached Singula', () => {
				eq(sandbox.requests.length, 2, 'requests sent');
			});
		},
	},
];

// ---------------------------------------------------------------- main

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	h.log(`e2e against n8n@${args.version}`);
	const n8n = ensureN8n({ version: args.version, log: (line) => h.log(`  [n8n-install] ${line}`) });
	const runtimeEnv = Object.entries(n8n.runtimeEnv)
		.map(([k, v]) => `${k}=${v}`)
		.join(' ');
	h.log(
		`• n8n ${n8n.version} from ${n8n.dir} on Node ${n8n.nodeVersion}${runtimeEnv ? ` with ${runtimeEnv}` : ''}`,
	);
	const watchdog = setTimeout(() => {
		h.log(`e2e: overall timeout of ${OVERALL_TIMEOUT_MS / 1000} s reached`);
		cleanup().finally(() => {
			h.log(
				`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`,
			);
			process.exit(1);
		});
	}, OVERALL_TIMEOUT_MS);
	watchdog.unref();

	const work = h.tmpDir(`billing-lifecycle-e2e-${args.version}-`);
	const logFile = path.join(work, 'n8n.log');
	h.log(`• work dir ${work}`);
	const tarball = h.buildAndPack(path.join(work, 'pack'), { build: args.build });
	const userFolder = path.join(work, 'user');
	const installed = h.installPackageIntoUserFolder(userFolder, tarball);
	h.log(
		`• installed ${h.PACKAGE_NAME}@${installed.version} into ${path.relative(work, installed.packageDir)}`,
	);

	const { startSandbox } = h.loadSandbox();
	const sandbox = await startSandbox({ port: 0 });
	state.sandbox = sandbox;
	h.log(`• sandbox on ${sandbox.url}`);

	const env = h.n8nEnv(n8n, {
		userFolder,
		port: await h.freePort(),
		brokerPort: await h.freePort(),
		encryptionKey: 'billing-lifecycle-e2e-encryption-key',
	});

	h.log('• n8n import:credentials / import:workflow');
	await h.importAll(n8n, env, {
		credentials: h.credentialsFor(sandbox.url),
		workflows: h.workflowFiles(),
		workDir: path.join(work, 'import'),
		logFile,
	});
	check(
		'n8n CLI imported the credentials and every workflow in e2e/workflows',
		() => `${h.workflowFiles().length} workflows`,
	);

	// ---- n8n execute --id, one workflow at a time
	let allOutput = '';
	for (const wf of EXECUTED) {
		h.log(`• n8n execute --id=${wf.id}   (${wf.title})`);
		sandbox.requests.length = 0; // per-workflow request log (the array is the sandbox's own; emptying it is what reset() does)
		const result = await h.runN8n(n8n, ['execute', `--id=${wf.id}`, '--rawOutput'], env, {
			logFile,
			timeoutMs: 180000,
		});
		allOutput += result.stdout + result.stderr;
		const run = h.parseExecuteOutput(result.stdout);
		check(`execute ${wf.id}: exit 0 with run data (${result.ms} ms)`, () => {
			expect(!result.timedOut, 'timed out');
			expect(
				result.code === 0,
				`exit ${result.code}\n${(result.stdout + result.stderr).slice(-3000)}`,
			);
			expect(
				run?.data?.resultData?.runData,
				`no run data in the output:\n${result.stdout.slice(-2000)}`,
			);
			expect(!run.data.resultData.error, `execution error: ${short(run.data.resultData.error)}`);
		});
		if (run?.data?.resultData?.runData) wf.assert(run, sandbox);
	}

	h.log('• n8n execute --id=blE2eStopOnError   (On Error = Stop Workflow)');
	sandbox.requests.length = 0;
	const stop = await h.runN8n(n8n, ['execute', '--id=blE2eStopOnError', '--rawOutput'], env, {
		logFile,
		timeoutMs: 180000,
	});
	allOutput += stop.stdout + stop.stderr;
	check(
		'Stop Workflow: the execution fails with the provider message and "[invalid_state] 10"',
		() => {
			const text = stop.stdout + stop.stderr;
			expect(stop.code !== 0, `exit ${stop.code}, expected a failure`);
			expect(
				text.includes('[invalid_state] 10'),
				`no "[invalid_state] 10" in the output:\n${text.slice(-2500)}`,
			);
			eq(sandbox.requests.length, 1, 'requests sent');
			eq(sandbox.state.debitsuccess.accounts.get('DS1002').status, 'Cancelled', 'DS1002 unchanged');
		},
	);
	check('no credential secret appears in any n8n execute output', () => {
		const leaked = SECRETS.filter((s) => allOutput.includes(s));
		eq(leaked, [], 'secrets found');
	});

	// ---- n8n start: credential Test, dropdowns, the Webhook demo
	sandbox.reset();
	h.log('• n8n publish/activate the Webhook demo, then n8n start');
	for (const id of ['blDemoDdcmsHook1', 'blDemoMlTrigger1', 'blDemoDdTrigger1'])
		await h.activateWorkflow(n8n, env, id, { logFile });
	const server = await h.startN8n(n8n, env, { logFile, timeoutMs: 240000 });
	state.server = server;
	h.log(`  n8n answers on ${server.url}`);
	const rest = h.restClient(server.url);
	const owner = await rest.ensureOwner();
	check('owner set up through the REST API', () => owner);

	const creds = Object.fromEntries(h.credentialsFor(sandbox.url).map((c) => [c.type, c]));
	const wrong = {
		accessPaySuiteApi: { apiKey: 'wrong-key' },
		magiclineApi: { apiKey: 'wrong-key' },
		singulaApi: { apiSecret: 'wrong-secret' },
		debitsuccessApi: { password: 'wrong-password' },
	};
	for (const type of Object.keys(wrong)) {
		const cred = creds[type];
		const good = await rest.call('POST', '/credentials/test', {
			credentials: { id: cred.id, name: cred.name, type, data: cred.data },
		});
		check(`credential Test ${type}: good secret → OK`, () => {
			eq(good.status, 200, `HTTP status (${good.text.slice(0, 300)})`);
			eq(good.json?.data?.status, 'OK', `result ${short(good.json)}`);
			return good.json.data.message;
		});
		const bad = await rest.call('POST', '/credentials/test', {
			credentials: { id: cred.id, name: cred.name, type, data: { ...cred.data, ...wrong[type] } },
		});
		check(`credential Test ${type}: wrong secret → Error`, () => {
			eq(bad.status, 200, `HTTP status (${bad.text.slice(0, 300)})`);
			eq(bad.json?.data?.status, 'Error', `result ${short(bad.json)}`);
			const leaked = SECRETS.filter((s) => bad.text.includes(s));
			eq(leaked, [], 'secrets in the answer');
			return bad.json.data.message;
		});
	}

	const options = await rest.call('POST', '/dynamic-node-parameters/options', {
		nodeTypeAndVersion: { name: `${h.PACKAGE_NAME}.magicline`, version: 1 },
		path: 'parameters.cancelationReasonId',
		methodName: 'getCancelationReasons',
		currentNodeParameters: { resource: 'additionalModuleContract', operation: 'cancel' },
		credentials: { magiclineApi: { id: creds.magiclineApi.id, name: creds.magiclineApi.name } },
	});
	check('Magicline cancelation-reason dropdown loads 1001..1003 from the sandbox', () => {
		eq(options.status, 200, `HTTP status (${options.text.slice(0, 300)})`);
		eq(
			(options.json?.data ?? []).map((o) => [o.name, String(o.value)]),
			[
				['Moving away', '1001'],
				['Financial reasons', '1002'],
				['Health', '1003'],
			],
			'options',
		);
	});
	const paths = await rest.call('POST', '/dynamic-node-parameters/options', {
		nodeTypeAndVersion: { name: `${h.PACKAGE_NAME}.singula`, version: 1 },
		path: 'parameters.itemCode',
		methodName: 'getChangePaths',
		currentNodeParameters: {
			resource: 'contract',
			operation: 'change',
			customerId: '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01',
			contractId: '80001',
		},
		credentials: { singulaApi: { id: creds.singulaApi.id, name: creds.singulaApi.name } },
	});
	check('Singula item-code dropdown loads the change paths of 80001', () => {
		eq(paths.status, 200, `HTTP status (${paths.text.slice(0, 300)})`);
		const values = (paths.json?.data ?? []).map((o) => String(o.value)).sort();
		eq(values, ['LITE', 'PREMIUM', 'SPORTS', 'VCN_BOX'], 'values');
	});

	const hook = `${server.url}/webhook/ddcms-cancel-schedule`;
	const cases = [
		['a0000000-0000-4000-8000-000000000001', 200, null],
		['a0000000-0000-4000-8000-000000000003', 423, 'protected'],
		['a0000000-0000-4000-8000-000000000002', 422, 'validation'],
		['a0000000-0000-4000-8000-000000000099', 404, 'not_found'],
	];
	for (const [contractId, status, category] of cases) {
		let res;
		try {
			res = await h.httpRequest(hook, { method: 'POST', body: { contractId }, timeoutMs: 60000 });
		} catch (error) {
			res = { status: 0, text: error.message };
		}
		check(
			`Webhook demo: contract …${contractId.slice(-4)} → HTTP ${status}${category ? ` (${category})` : ''}`,
			() => {
				eq(res.status, status, `HTTP status (${res.text.slice(0, 300)})`);
				if (category) eq(res.json?.error?.category, category, 'error.category');
				else eq([res.json?.ok, res.json?.contractId], [true, contractId], 'body');
			},
		);
	}

	// ---- Triggers: the DDCMS Trigger registered itself when n8n activated it; a Magicline event starts
	// the Magicline flow, whose DDCMS cancellation DDCMS (the sandbox) reports back to the DDCMS Trigger.
	const ddcmsTriggerUrl = `${server.url}/webhook/b3333333-4444-4555-8666-777777777701/webhook`;
	check('DDCMS Trigger registered its webhook URL for entity contract on activation', () => {
		eq(
			sandbox.state.accessPaySuite.callbacks.get('contract'),
			ddcmsTriggerUrl,
			'registered callback',
		);
	});
	const magiclineTriggerUrl = `${server.url}/webhook/b2222222-3333-4444-8555-666666666601/webhook`;
	const moduleCancelled = {
		provider: 'magicline',
		url: magiclineTriggerUrl,
		webhookApiKey: 'magicline-webhook-demo-key',
		type: 'CONTRACT_ADDITIONAL_MODULE_CANCELLED',
		entityId: 9001,
		content: { contractId: 5001, moduleContractId: 7001 },
	};
	const ddcmsContract = sandbox.state.accessPaySuite.contracts.get(
		'a0000000-0000-4000-8000-000000000001',
	);
	ddcmsContract.scheduleStatus = 'Active'; // the webhook demo above cancelled it
	const waitFor = async (condition, timeoutMs = 30000) => {
		for (const until = Date.now() + timeoutMs; Date.now() < until && !(await condition()); ) {
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		return await condition();
	};
	const refused = await sandbox.sendEvent({
		...moduleCancelled,
		webhookApiKey: 'wrong-webhook-key',
	});
	await new Promise((resolve) => setTimeout(resolve, 1000));
	check('Magicline Trigger: a wrong x-api-key gets 401 and starts no run', () => {
		eq([refused.status, refused.responseBody], [401, '{"message":"Unauthorized"}'], 'answer');
		eq(ddcmsContract.scheduleStatus, 'Active', 'DDCMS schedule untouched');
	});
	const accepted = await sandbox.sendEvent(moduleCancelled);
	const cancelled = await waitFor(() => ddcmsContract.scheduleStatus === 'Terminated');
	check(
		'Magicline Trigger: a module-cancelled event runs the flow, which cancels the mapped DDCMS schedule',
		() => {
			eq(accepted.status, 200, `answer (${accepted.responseBody.slice(0, 200)})`);
			eq(cancelled, true, 'DDCMS schedule a0…0001 Terminated by the execution');
		},
	);
	const callbackAnswered = await waitFor(() =>
		sandbox.sentEvents.some((e) => e.url === ddcmsTriggerUrl && e.status === 200),
	);
	check('DDCMS Trigger: DDCMS reports the change to n8n and the trigger accepts it', () => {
		eq(
			callbackAnswered,
			true,
			`callbacks sent: ${short(sandbox.sentEvents.map((e) => [e.url, e.status]))}`,
		);
	});
	// n8n's own record of the runs the two triggers started (REST API of the editor).
	let executionList = [];
	const statusesOf = (id) =>
		executionList.filter((e) => String(e.workflowId) === id).map((e) => e.status);
	await waitFor(async () => {
		const answer = await rest.call('GET', '/executions?limit=50');
		const data = answer.json?.data;
		executionList = Array.isArray(data?.results) ? data.results : Array.isArray(data) ? data : [];
		return (
			statusesOf('blDemoMlTrigger1').includes('success') &&
			statusesOf('blDemoDdTrigger1').includes('success')
		);
	});
	check('the executions the triggers started finished successfully', () => {
		eq(statusesOf('blDemoMlTrigger1'), ['success'], 'Magicline trigger flow executions');
		// one run per contract change since activation: the webhook demo's cancellation and the Magicline flow's
		const ddcmsRuns = statusesOf('blDemoDdTrigger1');
		eq(
			ddcmsRuns,
			ddcmsRuns.map(() => 'success'),
			'DDCMS trigger flow executions',
		);
		eq(ddcmsRuns.length, 2, 'DDCMS trigger flow runs (one per cancelled contract)');
	});

	check('n8n log shows no error loading the package', () => {
		const bad = server
			.output()
			.split('\n')
			.filter(
				(l) =>
					!/^\s+at /.test(l) &&
					/n8n-nodes-billing-lifecycle|Unrecognized node type/i.test(l) &&
					/error|fail|unrecognized/i.test(l),
			);
		eq(bad, [], 'log lines');
	});

	const stopStarted = Date.now();
	const stopped = await server.stop();
	state.server = undefined;
	check('n8n stops on SIGTERM', () => {
		expect(stopped.signal !== 'SIGKILL', 'had to be killed');
		return `exit ${stopped.code ?? stopped.signal} after ${Date.now() - stopStarted} ms`;
	});
	await sandbox.close();
	state.sandbox = undefined;

	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	h.log(
		`\nn8n@${args.version} (Node ${n8n.nodeVersion}${runtimeEnv ? `, ${runtimeEnv}` : ''}), ${Math.round((Date.now() - started) / 1000)} s; ${!failed && !args.keep ? 'work dir removed' : `logs: ${logFile}`}`,
	);
	if (!failed && !args.keep) fs.rmSync(work, { recursive: true, force: true });
	clearTimeout(watchdog);
	h.log(`${passed} passed, ${failed} failed`);
	return failed ? 1 : 0;
}

const state = { server: undefined, sandbox: undefined };
async function cleanup() {
	if (state.server) await state.server.stop(5000).catch(() => {});
	if (state.sandbox) await state.sandbox.close().catch(() => {});
}

process.once('SIGINT', () => {
	cleanup().finally(() => process.exit(130));
});

main().then(
	(code) => process.exit(code),
	async (error) => {
		results.push({ name: 'e2e run', ok: false });
		h.log(`\ne2e aborted: ${error.stack || error.message}`);
		await cleanup();
		h.log(
			`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed`,
		);
		process.exit(1);
	},
);
