'use strict';
/**
 * The action nodes as AI agent tools, in a running `n8n start`, without any language model:
 * - the editor's node list (`GET /types/nodes.json`, logged in) has a `<name>Tool` type for every action node
 *   (n8n derives them from `usableAsTool`);
 * - one tool call end to end: `POST /rest/workflows/:id/run` names the tool node as the destination and carries
 *   an `agentRequest` with the `$fromAI()` values, as the editor's "execute tool" does. n8n then replaces the
 *   agent the tool hangs on with its tool executor (n8n-core rewireGraph) and runs only the tool. /run answers
 *   with the execution id at once, so the execution is polled.
 * Workflow: e2e/workflows/e2e-agent-tool.json (Manual Trigger → AI Agent, two Magicline tools on the agent).
 */
const h = require('./harness');
const { check, eq, expect, short } = require('./checks');

const TOOL_WORKFLOW_ID = 'blE2eAgentTool01';
/** The action nodes of the package: each must also load as `<name>Tool`. */
const ACTION_NODES = ['accessPaySuite', 'debitsuccess', 'magicline', 'singula'];

const FINAL_STATUSES = ['success', 'error', 'crashed', 'canceled'];

/** n8n's tool name for a node: its name with every run of other characters than [A-Za-z0-9_-] as `_`. */
const toolName = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

async function checkToolTypesLoad(rest, serverUrl) {
	const answer = await h.fetchNodeTypes(rest, serverUrl);
	const types = answer.types.map((t) => t.name);
	const ours = [...new Set(types.filter((t) => t.startsWith(`${h.PACKAGE_NAME}.`)))].sort();
	check(
		'editor node list: the four action nodes (no trigger) are the package’s non-Tool nodes',
		() => {
			eq(answer.status, 200, `GET /types/nodes.json (${answer.text.slice(0, 200)})`);
			const actions = ours
				.map((t) => t.slice(h.PACKAGE_NAME.length + 1))
				.filter((t) => !/Trigger$|Tool$/.test(t));
			eq(actions, ACTION_NODES, 'action node types');
		},
	);
	check('editor node list: every action node also loads as an AI agent tool (<name>Tool)', () => {
		const missing = ACTION_NODES.filter((n) => !ours.includes(`${h.PACKAGE_NAME}.${n}Tool`));
		eq(missing, [], 'missing tool types');
		return ACTION_NODES.map((n) => `${n}Tool`).join(', ');
	});
}

/**
 * Runs one tool node the way the editor does with its $fromAI() values and waits for the execution.
 * Returns { started, execution } (execution undefined when it did not finish in time).
 */
async function runTool(rest, n8n, nodeName, fromAiValues) {
	const workflow = (await rest.call('GET', `/workflows/${TOOL_WORKFLOW_ID}`)).json?.data;
	const name = toolName(nodeName);
	const started = await rest.call('POST', `/workflows/${TOOL_WORKFLOW_ID}/run`, {
		workflowData: workflow, // n8n 1.x runs the workflow from the body; 2.x reads it from its database
		destinationNode: { nodeName, mode: 'inclusive' },
		// n8n 2.x's tool executor reads the values under the tool's name (as its editor sends them); 1.x takes them as is
		agentRequest: {
			query: Number(n8n.version.split('.')[0]) >= 2 ? { [name]: fromAiValues } : fromAiValues,
			tool: { name },
		},
	});
	const id = started.json?.data?.executionId;
	if (!id) return { started };
	const execution = await h.waitFor(
		async () => {
			const found = await h.getExecution(rest, n8n, id);
			// n8n 1.x may report the final status a moment before it has saved the run data (a
			// failed run too: its error was then read as {} with no node run), so wait for either.
			const resultData = found?.data?.resultData;
			const saved = resultData?.runData?.[nodeName] || resultData?.error?.message;
			return FINAL_STATUSES.includes(found?.status) && saved ? found : undefined;
		},
		{ timeoutMs: 60000, intervalMs: 500 },
	);
	return { started, execution };
}

/** The execution of a runTool() result; throws with /run's answer when there is none. */
function finished({ started, execution }) {
	if (!execution)
		throw new Error(`no finished execution: ${short(started.json ?? started.text, 800)}`);
	return execution;
}

/** What the tool answered the agent: the items of its ai_tool output (n8n's `{ response }` wrapper removed). */
function toolResponse(execution, nodeName) {
	const task = execution?.data?.resultData?.runData?.[nodeName]?.[0];
	const response = task?.data?.ai_tool?.[0]?.[0]?.json?.response;
	return { task, response };
}

async function checkToolCalls({ rest, n8n, sandbox }) {
	const date = '2031-01-31';
	sandbox.requests.length = 0;
	const ok = await runTool(rest, n8n, 'Cancel module tool', {
		contractId: '5001',
		moduleContractId: '7001',
		cancelationDate: date,
	});
	check(
		'tool call (no LLM): /run with destinationNode + agentRequest runs the Magicline tool',
		() => {
			eq(
				finished(ok).status,
				'success',
				`execution status (${short(ok.execution.data?.resultData?.error)})`,
			);
			const { response } = toolResponse(ok.execution, 'Cancel module tool');
			expect(Array.isArray(response), `tool response ${short(response)}`);
			eq(
				response.map((i) => [
					i.success,
					i.contractId,
					i.additionalModuleContractId,
					i.cancelationDate,
				]),
				[[true, '5001', '7001', date]],
				'tool result',
			);
			return `execution ${ok.execution.id}`;
		},
	);
	check('tool call: the sandbox got exactly the request the $fromAI() values describe', () => {
		eq(
			sandbox.requests.map((r) => `${r.method} ${r.path}`),
			[
				'POST /magicline/v1/memberships/5001/self-service/additional-module-contracts/7001/ordinary-cancelation',
			],
			'requests',
		);
		eq(
			JSON.parse(sandbox.requests[0].body),
			{ cancelationDate: date, cancelationReasonId: 1001 },
			'body',
		);
		eq(
			sandbox.state.magicline.moduleContracts.get('7001').status,
			'CANCELED',
			'module 7001 status',
		);
	});

	// 7003 is locked at the sandbox: Magicline answers 409 CONCURRENT_MODIFICATION.
	const locked = { contractId: '5001', moduleContractId: '7003', cancelationDate: date };
	const faulted = await runTool(rest, n8n, 'Cancel module tool', locked);
	check(
		'tool call with On Error = Continue: a provider fault comes back to the agent as the error item',
		() => {
			eq(finished(faulted).status, 'success', 'execution status');
			const { response } = toolResponse(faulted.execution, 'Cancel module tool');
			eq(
				(response ?? []).map((i) => [
					i.error?.category,
					i.error?.code,
					i.error?.httpCode,
					i.error?.retryable,
				]),
				[['conflict', 'CONCURRENT_MODIFICATION', 409, true]],
				`tool result ${short(response)}`,
			);
		},
	);
	const stopped = await runTool(rest, n8n, 'Cancel module tool stop', locked);
	check(
		'tool call with the default On Error = Stop: the provider fault fails the whole execution',
		() => {
			eq(finished(stopped).status, 'error', 'execution status');
			// n8n 1.x sometimes stores the error only on the failed node's run, not on the execution.
			const resultData = stopped.execution.data?.resultData ?? {};
			const nodeErrors = Object.values(resultData.runData ?? {}).flatMap((runs) =>
				runs.map((nodeRun) => nodeRun.error).filter(Boolean),
			);
			const message = JSON.stringify([resultData.error ?? {}, ...nodeErrors]);
			expect(
				/conflict|CONCURRENT_MODIFICATION|409/.test(message),
				`execution error ${short(message, 600)}`,
			);
		},
	);
}

/** Both tool checks against a running, logged-in `n8n start`. */
async function checkAgentTools({ rest, n8n, sandbox, server }) {
	h.log('• AI agent tools: node types and a tool call without an LLM');
	await checkToolTypesLoad(rest, server.url);
	await checkToolCalls({ rest, n8n, sandbox });
}

module.exports = { checkAgentTools, TOOL_WORKFLOW_ID };
