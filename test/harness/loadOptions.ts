/**
 * Calls a node's dropdown method the way the editor does: n8n-core's LoadOptionsContext on a
 * one-node workflow holding the current parameters.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INodePropertyOptions } from 'n8n-workflow';

import type { StoredCredential } from './credentialsHelper';
import { buildAdditionalData, buildWorkflowData, packageNodeJson } from './instance';
import type { NodeRef } from './instance';
import { nodeClasses } from './registry';

export async function loadOptions(
	node: NodeRef,
	method: string,
	credentials: Record<string, StoredCredential>,
): Promise<INodePropertyOptions[]> {
	const nodeJson = packageNodeJson(node, { id: 'node', name: 'Node' });
	const { workflowData, workflow } = buildWorkflowData({ nodes: [nodeJson], connections: {} });
	// The editor hands the node's current parameters to the dropdown method this way.
	const additionalData = {
		...buildAdditionalData(credentials, workflowData),
		currentNodeParameters: nodeJson.parameters,
	};
	const context = new LoadOptionsContext(workflow, nodeJson, additionalData, 'parameters.x');
	const nodeType = nodeClasses[nodeJson.type];
	const loader = nodeType.methods?.loadOptions?.[method];
	if (!loader) throw new Error(`${node.type} has no load-options method ${method}`);
	return await loader.call(context);
}
