/**
 * What the bulk-run tests share: a run that can be cancelled the way n8n cancels an execution,
 * the bulk options as a node takes them, and timings read at the sandbox.
 */
import { WorkflowExecute } from 'n8n-core';
import type { IDataObject, INodeExecutionData, IRun } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../sandbox/server';
import type { StoredCredential } from './credentialsHelper';
import { buildAdditionalData, buildWorkflowData } from './instance';
import { nodeStep } from './nodeStep';
import { credentialsFor } from './sandboxCredentials';
import { buildWorkflow, NODE_NAME } from './workflow';
import type { NodeUnderTest, OnError } from './workflow';

/**
 * DDCMS Contract → Update Amount with every field from the item (`id`, `amount`, and `row` in the
 * comment after `label`): an action that always succeeds on contract 1, so a bulk run's rows
 * differ only where the test makes them.
 */
export function updateAmountStep(
	options: IDataObject,
	onError?: OnError,
	label = 'row',
): NodeUnderTest {
	return nodeStep(
		'accessPaySuite',
		'contract',
		'updateAmount',
		{
			contractId: '={{ $json.id }}',
			amount: '={{ $json.amount }}',
			comment: `=${label} {{ $json.row }}`,
			options,
		},
		onError,
	);
}

export interface CancellableRun {
	/** Resolves when WorkflowExecute has finished (after a cancel too): the node's outputs. */
	finished: Promise<{ run: IRun; items: INodeExecutionData[] }>;
	/** n8n's "stop execution": cancels the PCancelable, which aborts the execution's signal. */
	cancel(): void;
}

/** Starts the node on the items in WorkflowExecute and hands back its cancel, as n8n's UI has it. */
export function startCancellableRun(
	sandbox: Sandbox,
	node: NodeUnderTest,
	inputItems: IDataObject[],
	credentials: Record<string, StoredCredential> = credentialsFor(sandbox),
): CancellableRun {
	const workflowJson = buildWorkflow(node, inputItems);
	const { workflowData, workflow } = buildWorkflowData(workflowJson);
	const execution = new WorkflowExecute(
		buildAdditionalData(credentials, workflowData),
		'manual',
	).run({ workflow, startNode: workflowJson.nodes[0] });
	return {
		finished: execution.then((run) => ({
			run,
			items: run.data.resultData.runData[NODE_NAME]?.[0]?.data?.main?.[0] ?? [],
		})),
		cancel: () => execution.cancel(),
	};
}

/** Arrival times at the sandbox, in order. */
export function arrivals(requests: RecordedRequest[]): number[] {
	return requests.map((request) => request.receivedAt).sort((a, b) => a - b);
}

/** The gaps between consecutive arrivals (ms). */
export function gapsBetween(times: number[]): number[] {
	return times.slice(1).map((time, index) => time - times[index]);
}

/** The most arrivals inside any window of `windowMs` that opens at an arrival. */
export function mostInWindow(times: number[], windowMs: number): number {
	let most = 0;
	for (let first = 0, last = 0; first < times.length; first++) {
		while (last < times.length && times[last] < times[first] + windowMs) last++;
		most = Math.max(most, last - first);
	}
	return most;
}

/** Waits (bounded) until `condition` holds, checking every 5 ms. */
export async function waitUntil(condition: () => boolean, timeoutMs = 10000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
