'use strict';
/**
 * The e2e's checks against a running `n8n start`: each credential's Test with a good and a wrong secret,
 * the Magicline and Singula dropdowns (loadOptions), the Webhook demo and the two trigger demos.
 */
const h = require('./harness');
const { check, eq, expect, short } = require('./checks');

async function checkCredentialTests({ rest, sandbox }) {
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
			const leaked = h.sandboxSecrets().filter((s) => bad.text.includes(s));
			eq(leaked, [], 'secrets in the answer');
			return bad.json.data.message;
		});
	}
}

async function checkDropdowns({ rest, sandbox }) {
	const creds = Object.fromEntries(h.credentialsFor(sandbox.url).map((c) => [c.type, c]));
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
}

/** The Webhook demo's cases: contract id, expected HTTP status, expected error.category. */
const WEBHOOK_CASES = [
	['a0000000-0000-4000-8000-000000000001', 200, null],
	['a0000000-0000-4000-8000-000000000003', 423, 'protected'],
	['a0000000-0000-4000-8000-000000000002', 422, 'validation'],
	['a0000000-0000-4000-8000-000000000099', 404, 'not_found'],
];

/**
 * Calls the Webhook demo (a production webhook) with each case and checks the answer. Returns the answers
 * ({ contractId, status, json }) so another run (queue mode) can be compared with them.
 */
async function checkWebhookDemo(serverUrl, label = 'Webhook demo') {
	const hook = `${serverUrl}/webhook/ddcms-cancel-schedule`;
	const answers = [];
	for (const [contractId, status, category] of WEBHOOK_CASES) {
		let res;
		try {
			res = await h.httpRequest(hook, { method: 'POST', body: { contractId }, timeoutMs: 60000 });
		} catch (error) {
			res = { status: 0, text: error.message };
		}
		answers.push({ contractId, status: res.status, json: res.json });
		check(
			`${label}: contract …${contractId.slice(-4)} → HTTP ${status}${category ? ` (${category})` : ''}`,
			() => {
				eq(res.status, status, `HTTP status (${res.text.slice(0, 300)})`);
				if (category) eq(res.json?.error?.category, category, 'error.category');
				else eq([res.json?.ok, res.json?.contractId], [true, contractId], 'body');
			},
		);
	}
	return answers;
}

async function checkTriggers({ server, sandbox, rest }) {
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
		webhookApiKey: h.sandboxCredentials().magiclineWebhook.webhookApiKey,
		type: 'CONTRACT_ADDITIONAL_MODULE_CANCELLED',
		entityId: 9001,
		content: { contractId: 5001, moduleContractId: 7001 },
	};
	const ddcmsContract = sandbox.state.accessPaySuite.contracts.get(
		'a0000000-0000-4000-8000-000000000001',
	);
	ddcmsContract.scheduleStatus = 'Active'; // the webhook demo above cancelled it
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
	const cancelled = await h.waitFor(() => ddcmsContract.scheduleStatus === 'Terminated');
	check(
		'Magicline Trigger: a module-cancelled event runs the flow, which cancels the mapped DDCMS schedule',
		() => {
			eq(accepted.status, 200, `answer (${accepted.responseBody.slice(0, 200)})`);
			eq(cancelled, true, 'DDCMS schedule a0…0001 Terminated by the execution');
		},
	);
	const callbackAnswered = await h.waitFor(() =>
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
	await h.waitFor(async () => {
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
}

const STOP_WORKFLOW_ID = 'blE2eStopBulk01';

/**
 * Stopping a paced bulk run from n8n (as the editor's "Stop" does): the execution ends
 * cancelled, not failed, and no request starts afterwards. The workflow paces 60 a minute with 2
 * in parallel. (n8n saves a stopped execution as it was at the stop, so the node's own output,
 * which it gives once its requests in flight are cut off, is not in the saved run.)
 */
async function checkStopBulkRun({ rest, n8n, server, sandbox }) {
	h.log('• stopping a paced bulk run (POST /executions/:id/stop)');
	const reasonRequests = () => h.cancelationReasonRequests(sandbox);
	sandbox.requests.length = 0;
	const rows = Array.from({ length: 30 }, (_, i) => ({ row: i + 1 }));
	const answer = await h.httpRequest(`${server.url}/webhook/e2e-stop-bulk`, {
		method: 'POST',
		body: { rows },
	});
	const running = await h.waitFor(
		async () => {
			if (reasonRequests().length < 3) return undefined;
			const list = (await rest.call('GET', '/executions?limit=20')).json?.data;
			const results = Array.isArray(list?.results) ? list.results : [];
			return results.find(
				(e) => String(e.workflowId) === STOP_WORKFLOW_ID && e.status === 'running',
			);
		},
		{ timeoutMs: 20000, intervalMs: 200 },
	);
	const stop = running ? await rest.call('POST', `/executions/${running.id}/stop`) : undefined;
	const sentAtStop = reasonRequests().length;
	const execution = running
		? await h.waitFor(
				async () => {
					const found = await h.getExecution(rest, n8n, running.id);
					return found?.status && found.status !== 'running' && found.data?.resultData?.runData
						? found
						: undefined;
				},
				{ timeoutMs: 20000, intervalMs: 250 },
			)
		: undefined;
	await h.sleep(1500); // longer than one pace interval: a start after the stop would show
	check('stopping a paced bulk run: the execution ends cancelled, nothing starts after it', () => {
		eq(answer.status, 200, 'webhook answer');
		if (!running) throw new Error(`no running execution found (${reasonRequests().length} sent)`);
		eq(stop?.status, 200, `stop answer ${short(stop?.text)}`);
		if (!execution) throw new Error('the stopped execution did not finish');
		eq(execution.status, 'canceled', 'execution status');
		eq(reasonRequests().length, sentAtStop, 'requests at the sandbox after the stop');
		return `${sentAtStop} of 30 rows sent`;
	});
}

/** No line of n8n's output reports a problem with this package (`label` names the process). */
function checkPackageLog(server, label = 'n8n') {
	check(`${label} log shows no error loading the package`, () => {
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
}

module.exports = {
	checkCredentialTests,
	checkDropdowns,
	checkPackageLog,
	checkStopBulkRun,
	checkTriggers,
	checkWebhookDemo,
	STOP_WORKFLOW_ID,
};
