/** The workflow JSON around one node under test: input items before it, sinks on its outputs. */
import type { IDataObject, INode } from 'n8n-workflow';

import { packageNodeJson } from './instance';
import type { NodeRef, WorkflowJson } from './instance';

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface NodeUnderTest extends NodeRef {
	onError?: OnError;
}

export const NODE_NAME = 'Billing';

/**
 * Workflow JSON as n8n stores it: a start node with the given input items, the node under test,
 * a "Success" node on its main output and, for "Continue (using error output)", an "Errors" node
 * on its error output.
 */
export function buildWorkflow(node: NodeUnderTest, inputItems: IDataObject[]): WorkflowJson {
	const nodes: INode[] = [
		{
			id: 'items',
			name: 'Items',
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(inputItems) },
		},
		{
			...packageNodeJson(node, { id: 'billing', name: NODE_NAME, position: [200, 0] }),
			...(node.onError ? { onError: node.onError } : {}),
		},
		{
			id: 'success',
			name: 'Success',
			type: 'test.sink',
			typeVersion: 1,
			position: [400, 0],
			parameters: {},
		},
		{
			id: 'errors',
			name: 'Errors',
			type: 'test.sink',
			typeVersion: 1,
			position: [400, 200],
			parameters: {},
		},
	];
	const billingOutputs = [[{ node: 'Success', type: 'main' as const, index: 0 }]];
	if (node.onError === 'continueErrorOutput')
		billingOutputs.push([{ node: 'Errors', type: 'main', index: 0 }]);
	return {
		nodes,
		connections: {
			Items: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
			[NODE_NAME]: { main: billingOutputs },
		},
	};
}
