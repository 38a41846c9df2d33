/**
 * Runs workflow JSON to its end in n8n-core's WorkflowExecute, the way a manual execution does,
 * and reads what each node put on its outputs.
 */
import { WorkflowExecute } from 'n8n-core';
import type { INodeExecutionData, IRun } from 'n8n-workflow';

import type { StoredCredential } from './credentialsHelper';
import { buildAdditionalData, buildWorkflowData } from './instance';
import type { WorkflowJson } from './instance';

export interface EngineRun {
	run: IRun;
	/** Items on each main output of a node (index 0 = success, 1 = error output). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error: IRun['data']['resultData']['error'];
}

export async function runWorkflow(
	workflowJson: WorkflowJson,
	credentials: Record<string, StoredCredential>,
): Promise<EngineRun> {
	const { workflowData, workflow } = buildWorkflowData(workflowJson);
	const additionalData = buildAdditionalData(credentials, workflowData);
	const startNode = workflowJson.nodes[0];
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode });
	const runData = run.data.resultData.runData;
	return {
		run,
		error: run.data.resultData.error,
		output: (nodeName, outputIndex = 0) => runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [],
	};
}
