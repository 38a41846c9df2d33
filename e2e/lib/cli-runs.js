'use strict';
/**
 * The e2e's first part: workflows run by n8n's CLI (`n8n execute --id <id> --rawOutput`), one at a time,
 * with assertions on every node's output (success items, error-output items and their error.category, the
 * Switch/IF branches), on the requests the sandbox received and on the sandbox's state afterwards.
 */
const h = require('./harness');
const { check, eq, expect, short } = require('./checks');

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
						reqs.every((r) => r.headers.apikey === h.sandboxCredentials().accessPaySuite.apiKey),
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
					eq(req.headers['x-api-key'], h.sandboxCredentials().magicline.apiKey, 'X-API-KEY');
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
							new RegExp(`^hmac ${h.sandboxCredentials().singula.apiKey}:[0-9A-F]{64}$`).test(r.headers.authorization ?? '') &&
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
	...crmSyncRuns(),
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

/** The DDCMS customers and contracts the CRM demo's new row (CRM-2001) has in the sandbox. */
function crmRowState(sandbox) {
	const customers = [...sandbox.state.accessPaySuite.customers.values()].filter(
		(customer) => customer.customerRef === 'CRM-2001',
	);
	const contracts = [...sandbox.state.accessPaySuite.contracts.values()].filter((contract) =>
		customers.some((customer) => customer.id === contract.customerId),
	);
	return { customers, contracts };
}

/**
 * The demo "CRM rows → DDCMS customers and contracts", run twice on the same sandbox: the first run creates
 * CRM-2001 and opens its contract, updates CUST-001, and routes the bad row (validation) and the duplicate
 * reference (conflict) through the Switch; the second run creates nothing new (CRM-2001 is updated).
 */
function crmSyncRuns() {
	const errorsOf = (run) =>
		(h.nodeOutputs(run, 'Create or update customer')?.[1] ?? []).map((item) => [
			item.crmId,
			item.error?.category,
			item.error?.code,
		]);
	const branch = (run, name) => (h.nodeOutputs(run, name)?.[0] ?? []).map((item) => item.crmId);
	const expectedErrors = [
		['CRM-2002', 'validation', 'INVALID_PARAMETER'],
		['CRM-2003', 'conflict', 'DUPLICATE_CUSTOMER_REF'],
	];
	return [
		{
			id: 'blDemoDdcmsCrm01',
			title: 'CRM rows → DDCMS customers and contracts (demo), first run',
			assert(run, sandbox) {
				const upserted = h.nodeOutputs(run, 'Create or update customer')?.[0] ?? [];
				check('CRM sync: CRM-2001 created, CUST-001 updated, in input order', () => {
					eq(
						upserted.map((item) => [item.customerRef, item.created, item.success]),
						[
							['CRM-2001', true, true],
							['CUST-001', false, true],
						],
						'upserted',
					);
				});
				check(
					'CRM sync: the bad row and the duplicate reference reach the Switch by category',
					() => {
						eq(errorsOf(run), expectedErrors, 'error items');
						eq(branch(run, 'Fix in CRM'), ['CRM-2002'], 'Fix in CRM');
						eq(branch(run, 'Resolve duplicate'), ['CRM-2003'], 'Resolve duplicate');
						eq(branch(run, 'Alert billing team'), [], 'fallback');
					},
				);
				check(
					'CRM sync: a contract opened for the new customer only, Inactive, on "Class pass"',
					() => {
						eq(branch(run, 'Contract opened'), ['CRM-2001'], 'contracts opened');
						const { customers, contracts } = crmRowState(sandbox);
						eq(customers.length, 1, 'CRM-2001 customers');
						eq(
							contracts.map((contract) => [contract.scheduleName, contract.directDebitStatus]),
							[['Class pass', 'Inactive']],
							'CRM-2001 contracts',
						);
					},
				);
				check('CRM sync: the bad row sent nothing; the look-up sent only customerRef', () => {
					const lookups = sandbox.requests.filter(
						(request) => request.method === 'GET' && request.path.endsWith('/customer'),
					);
					eq(
						lookups.map((request) => request.rawQuery).sort(),
						['customerRef=CRM-2001', 'customerRef=CUST-001', 'customerRef=CUST-DUP'],
						'look-ups',
					);
				});
			},
		},
		{
			id: 'blDemoDdcmsCrm01',
			title: 'CRM rows → DDCMS customers and contracts (demo), second run: nothing created twice',
			assert(run, sandbox) {
				check('CRM sync, again: both good rows are updates, no new contract', () => {
					eq(
						(h.nodeOutputs(run, 'Create or update customer')?.[0] ?? []).map((item) => [
							item.customerRef,
							item.created,
						]),
						[
							['CRM-2001', false],
							['CUST-001', false],
						],
						'upserted',
					);
					eq(branch(run, 'Contract opened'), [], 'contracts opened');
					eq(errorsOf(run), expectedErrors, 'error items');
					const { customers, contracts } = crmRowState(sandbox);
					eq([customers.length, contracts.length], [1, 1], 'CRM-2001 customers and contracts');
				});
			},
		},
	];
}

/** Runs every Manual Trigger workflow with `n8n execute` and checks it. */
async function runCliWorkflows({ n8n, env, sandbox, logFile }) {
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
		const leaked = h.sandboxSecrets().filter((s) => allOutput.includes(s));
		eq(leaked, [], 'secrets found');
	});
}

module.exports = { runCliWorkflows };
