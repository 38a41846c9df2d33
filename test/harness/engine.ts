/**
 * Runs workflow JSON inside n8n's real execution engine (n8n-core's WorkflowExecute) with this
 * package's node and credential classes, resolving credentials by id the way n8n does (defaults of
 * the credential type applied, its `authenticate` applied to every request). Requests go out over
 * real HTTP, to the sandbox.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsHelper,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import { AccessPaySuiteApi } from '../../credentials/AccessPaySuiteApi.credentials';
import { DebitsuccessApi } from '../../credentials/DebitsuccessApi.credentials';
import { MagiclineApi } from '../../credentials/MagiclineApi.credentials';
import { SingulaApi } from '../../credentials/SingulaApi.credentials';
import { AccessPaySuite } from '../../nodes/AccessPaySuite/AccessPaySuite.node';
import { Debitsuccess } from '../../nodes/Debitsuccess/Debitsuccess.node';
import { Magicline } from '../../nodes/Magicline/Magicline.node';
import { Singula } from '../../nodes/Singula/Singula.node';

export const PACKAGE = 'n8n-nodes-billing-lifecycle';

/** A start node for tests: emits the items given in its `items` parameter (JSON text). */
class TestItems implements INodeType {
	description = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'string', default: '[]' } as INodeProperties],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

/** A pass-through node to hang on an output, like n8n's No Operation node. */
class TestSink implements INodeType {
	description = {
		displayName: 'Test Sink',
		name: 'testSink',
		group: ['transform'],
		version: 1,
		description: 'Passes items through',
		defaults: { name: 'Sink' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

const nodeClasses: Record<string, INodeType> = {
	[`${PACKAGE}.accessPaySuite`]: new AccessPaySuite(),
	[`${PACKAGE}.magicline`]: new Magicline(),
	[`${PACKAGE}.singula`]: new Singula(),
	[`${PACKAGE}.debitsuccess`]: new Debitsuccess(),
	'test.items': new TestItems(),
	'test.sink': new TestSink(),
};

export const credentialTypes: Record<string, ICredentialType> = {
	accessPaySuiteApi: new AccessPaySuiteApi(),
	magiclineApi: new MagiclineApi(),
	singulaApi: new SingulaApi(),
	debitsuccessApi: new DebitsuccessApi(),
};

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeClasses[type] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type) => {
		const nodeType = nodeClasses[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	},
	getKnownTypes: () => ({}),
};

export interface StoredCredential {
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** Resolves credentials by id from an in-memory store, applying the type's defaults like n8n. */
class CredentialsHelper implements ICredentialsHelper {
	constructor(private readonly store: Record<string, StoredCredential>) {}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate !== 'function') throw new Error(`${typeName} has no authenticate function`);
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = nodeCredentials.id ? this.store[nodeCredentials.id] : undefined;
		if (!stored || stored.type !== type) throw new Error(`No credential "${nodeCredentials.id}" of type ${type}`);
		return NodeHelpers.getNodeParameters(
			credentialTypes[type].properties,
			stored.data as never,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type].properties;
	}
}

export interface WorkflowJson {
	nodes: INode[];
	connections: IWorkflowBase['connections'];
}

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
	const workflowData: IWorkflowBase = {
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
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const additionalData = {
		credentialsHelper: new CredentialsHelper(credentials),
		hooks,
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

	const startNode = workflowJson.nodes[0];
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode });
	const runData = run.data.resultData.runData;
	return {
		run,
		error: run.data.resultData.error,
		output: (nodeName, outputIndex = 0) => runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [],
	};
}
