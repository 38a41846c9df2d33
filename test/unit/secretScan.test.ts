/**
 * The harness's secret scan itself: it must see the engine's log lines and every part of a thrown
 * error, and find a secret in each form it can be written in, or the scan on every run proves nothing.
 */
import { LoadOptionsContext } from 'n8n-core';
import { NodeApiError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../sandbox/server';
import { buildAdditionalData, buildWorkflowData, packageNodeJson } from '../harness/instance';
import { installLogRecorder, takeLogLines } from '../harness/logs';
import { runWorkflow } from '../harness/runner';
import { errorTexts, findSecrets, sandboxSecrets, secretForms } from '../harness/secretScan';
import { serializeForScan } from '../harness/serialize';
import { buildWorkflow } from '../harness/workflow';

const SECRET = 'p&ss<$&>w rd"';

describe('the log recorder', () => {
	beforeEach(() => {
		installLogRecorder();
		takeLogLines();
	});

	it("records WorkflowExecute's lines at debug level, with the stopping error serialized", async () => {
		// A refused connection: nothing listens on port 9, so no sandbox is needed.
		const run = await runWorkflow(
			buildWorkflow(
				{
					type: 'accessPaySuite',
					credentialType: 'accessPaySuiteApi',
					parameters: { resource: 'contract', operation: 'cancelSchedule', contractId: 'c-1' },
				},
				[{}],
			),
			{
				accessPaySuiteApi: {
					type: 'accessPaySuiteApi',
					data: {
						environment: 'custom',
						baseUrl: 'http://127.0.0.1:9',
						clientPrefix: 'DEMO',
						apiKey: 'k',
					},
				},
			},
		);
		expect(run.error).toBeDefined();
		const lines = takeLogLines();
		expect(lines.some((line) => line.startsWith('debug Workflow execution started'))).toBe(true);
		const finished = lines.find((line) =>
			line.startsWith('debug Workflow execution finished with error'),
		);
		expect(finished).toContain(String((run.error as unknown as JsonObject).description));
	});

	it("records a node's own this.logger lines (n8n-core's DI Logger)", () => {
		const node = packageNodeJson(
			{ type: 'magicline', credentialType: 'magiclineApi', parameters: {} },
			{ id: 'n', name: 'N' },
		);
		const { workflow, workflowData } = buildWorkflowData({ nodes: [node], connections: {} });
		const context = new LoadOptionsContext(
			workflow,
			node,
			buildAdditionalData({}, workflowData),
			'parameters.x',
		);
		context.logger.warn('provider said', { body: 'x' });
		expect(takeLogLines()).toEqual(['warn provider said {"body":"x"}']);
	});
});

describe('the secret scan', () => {
	it('knows every demo secret of the sandbox, webhook secrets included', () => {
		expect(sandboxSecrets().sort()).toEqual(
			[
				SANDBOX_CREDENTIALS.accessPaySuite.apiKey,
				SANDBOX_CREDENTIALS.magicline.apiKey,
				SANDBOX_CREDENTIALS.magicline.readOnlyApiKey,
				SANDBOX_CREDENTIALS.singula.apiKey,
				SANDBOX_CREDENTIALS.singula.apiSecret,
				SANDBOX_CREDENTIALS.debitsuccess.password,
				SANDBOX_CREDENTIALS.magiclineWebhook.webhookApiKey,
				SANDBOX_CREDENTIALS.debitsuccessWebhook.token,
			].sort(),
		);
	});

	it.each([
		['plain', SECRET],
		['URL-encoded', 'p%26ss%3C%24%26%3Ew%20rd%22'],
		['form-encoded', 'p%26ss%3C%24%26%3Ew+rd%22'],
		['XML-escaped', 'p&amp;ss&lt;$&amp;&gt;w rd&quot;'],
		['JSON-escaped', 'p&ss<$&>w rd\\"'],
	])('finds the %s form in a log line', (form, written) => {
		expect(secretForms(SECRET).map((entry) => entry.form)).toContain(form);
		const leaks = findSecrets({ 'engine log': ['info fine', `debug sent ${written} to x`] }, [
			SECRET,
		]);
		expect(leaks).toContain(`secret p&ss… (${form}) in engine log #1`);
	});

	it('finds nothing where there is nothing', () => {
		expect(findSecrets({ 'engine log': ['debug p&ss only'] }, [SECRET])).toEqual([]);
	});

	const nodeError = () =>
		new NodeApiError(
			{ id: 'n', name: 'N', type: 't', typeVersion: 1, position: [0, 0], parameters: {} },
			{ message: 'boom' } as JsonObject,
			{ message: 'Failed', description: 'no detail' },
		);

	it('finds nothing in a thrown NodeApiError that holds no secret', () => {
		expect(findSecrets({ 'thrown error': errorTexts(nodeError()) }, [SECRET])).toEqual([]);
	});

	it.each(['description', 'context', 'cause', 'messages'])(
		"finds a secret in a thrown NodeApiError's %s",
		(field) => {
			const error = nodeError();
			const hidden = `echo ${SECRET}`;
			if (field === 'cause')
				Object.defineProperty(error, 'cause', { value: new Error(hidden), enumerable: false });
			else if (field === 'messages') error.messages = [hidden];
			else if (field === 'context') error.context = { data: { answer: hidden } };
			else error.description = hidden;
			// Inside JSON text the secret's quote is escaped: that form is the one found there.
			expect(findSecrets({ 'thrown error': errorTexts(error) }, [SECRET])).toContain(
				'secret p&ss… (JSON-escaped) in thrown error #0',
			);
		},
	);

	it('serializes cycles, Buffers and Maps without throwing', () => {
		const node: Record<string, unknown> = {
			body: Buffer.from(SECRET),
			headers: new Map([['k', 'v']]),
		};
		node.self = node;
		const text = serializeForScan(node);
		expect(text).toContain(JSON.stringify(SECRET).slice(1, -1));
		expect(text).toContain('"k","v"');
	});
});
