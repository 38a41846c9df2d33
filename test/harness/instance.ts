/**
 * What an n8n instance hands the engine for one execution: the Workflow object built from
 * workflow JSON, the node JSON of a package node, and the "additional data" (credential helper,
 * lifecycle hooks, instance URLs). Every runner and context in the harness starts here.
 */
import { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CredentialsHelper } from './credentialsHelper';
import type { StoredCredential } from './credentialsHelper';
import { nodeTypes, PACKAGE } from './registry';

export interface WorkflowJson {
	nodes: INode[];
	connections: IWorkflowBase['connections'];
}

/** A package node as a test names it: type without the package prefix, its credential, parameters. */
export interface NodeRef {
	/** Node type name without the package prefix, e.g. `accessPaySuite`. */
	type: string;
	credentialType: string;
	/** The stored credential's id; the credential type name when not given. */
	credentialId?: string;
	parameters: IDataObject;
}

/**
 * Which test the stored credentials belong to. The node keeps one pace (and 429 pause) per
 * credential id for the whole process, as n8n does; each test gets its own ids so one test's
 * pause cannot slow the next. Runs inside one test share them, like executions in one n8n.
 */
let credentialGeneration = 0;

export function isolateCredentials(): void {
	credentialGeneration++;
}

/** The id the node JSON gives a stored credential (its type, tagged with the test). */
export function credentialIdFor(credentialType: string): string {
	return `${credentialType}#${credentialGeneration}`;
}

/** The node JSON n8n stores for a package node with one credential. */
export function packageNodeJson(
	node: NodeRef,
	placement: { id: string; name: string; position?: [number, number] },
): INode {
	return {
		id: placement.id,
		name: placement.name,
		type: `${PACKAGE}.${node.type}`,
		typeVersion: 1,
		position: placement.position ?? [0, 0],
		parameters: node.parameters as INodeParameters,
		credentials: {
			[node.credentialType]: {
				id: node.credentialId ?? credentialIdFor(node.credentialType),
				name: 'Test credential',
			},
		},
	};
}

export function buildAdditionalData(
	credentials: Record<string, StoredCredential>,
	workflowData: IWorkflowBase,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new CredentialsHelper(credentials),
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', workflowData),
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export function buildWorkflowData(workflowJson: WorkflowJson): {
	workflowData: IWorkflowBase;
	workflow: Workflow;
} {
	const workflowData = {
		id: 'test-workflow',
		name: 'Test workflow',
		active: false,
		isArchived: false,
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		staticData: {},
		settings: workflowData.settings,
	});
	return { workflowData, workflow };
}
