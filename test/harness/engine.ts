/**
 * Runs workflow JSON inside n8n's real execution engine (n8n-core's WorkflowExecute) with this
 * package's node and credential classes, resolving credentials by id the way n8n does (defaults of
 * the credential type applied, its `authenticate` applied to every request). Requests go out over
 * real HTTP, to the sandbox.
 */
import {
	CredentialTestContext,
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
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
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWebhookData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import { AccessPaySuiteApi } from '../../credentials/AccessPaySuiteApi.credentials';
import { DebitsuccessApi } from '../../credentials/DebitsuccessApi.credentials';
import { MagiclineApi } from '../../credentials/MagiclineApi.credentials';
import { SingulaApi } from '../../credentials/SingulaApi.credentials';
import { DebitsuccessWebhookApi } from '../../credentials/DebitsuccessWebhookApi.credentials';
import { MagiclineWebhookApi } from '../../credentials/MagiclineWebhookApi.credentials';
import { AccessPaySuite } from '../../nodes/AccessPaySuite/AccessPaySuite.node';
import { AccessPaySuiteTrigger } from '../../nodes/AccessPaySuite/AccessPaySuiteTrigger.node';
import { DebitsuccessTrigger } from '../../nodes/Debitsuccess/DebitsuccessTrigger.node';
import { MagiclineTrigger } from '../../nodes/Magicline/MagiclineTrigger.node';
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
		properties: [
			{ displayName: 'Items', name: 'items', type: 'string', default: '[]' } as INodeProperties,
		],
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
	[`${PACKAGE}.accessPaySuiteTrigger`]: new AccessPaySuiteTrigger(),
	[`${PACKAGE}.magiclineTrigger`]: new MagiclineTrigger(),
	[`${PACKAGE}.debitsuccessTrigger`]: new DebitsuccessTrigger(),
	'test.items': new TestItems(),
	'test.sink': new TestSink(),
};

export const credentialTypes: Record<string, ICredentialType> = {
	accessPaySuiteApi: new AccessPaySuiteApi(),
	magiclineApi: new MagiclineApi(),
	singulaApi: new SingulaApi(),
	debitsuccessApi: new DebitsuccessApi(),
	magiclineWebhookApi: new MagiclineWebhookApi(),
	debitsuccessWebhookApi: new DebitsuccessWebhookApi(),
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
		if (typeof authenticate !== 'function')
			throw new Error(`${typeName} has no authenticate function`);
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
		if (!stored || stored.type !== type)
			throw new Error(`No credential "${nodeCredentials.id}" of type ${type}`);
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

function buildAdditionalData(
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

function buildWorkflowData(workflowJson: WorkflowJson): {
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

/**
 * Calls a node's dropdown method the way the editor does: n8n-core's LoadOptionsContext on a
 * one-node workflow holding the current parameters.
 */
export async function loadOptions(
	node: { type: string; credentialType: string; parameters: IDataObject },
	method: string,
	credentials: Record<string, StoredCredential>,
): Promise<INodePropertyOptions[]> {
	const nodeJson: INode = {
		id: 'node',
		name: 'Node',
		type: `${PACKAGE}.${node.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: node.parameters as INodeParameters,
		credentials: { [node.credentialType]: { id: node.credentialType, name: 'Test credential' } },
	};
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

/**
 * The credential "Test" button, done the way n8n's credentials tester does it: a node's
 * `credentialTest` method (testedBy) runs in n8n-core's CredentialTestContext; otherwise the
 * credential's declarative `test.request` has its `$credentials` expressions resolved and is sent
 * through n8n's credential-aware request helper, any HTTP error failing the test.
 */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const credentials = { [type]: { type, data } };
	const user = Object.entries(nodeClasses)
		.flatMap(([typeName, nodeType]) =>
			(nodeType.description.credentials ?? []).map((credential) => ({
				typeName,
				nodeType,
				credential,
			})),
		)
		.find(({ credential }) => credential.name === type);
	if (!user) throw new Error(`no node uses ${type}`);
	const tester = user.credential.testedBy ? user : undefined;
	const { workflowData, workflow } = buildWorkflowData({ nodes: [], connections: {} });
	const additionalData = buildAdditionalData(credentials, workflowData);
	const decrypted = await additionalData.credentialsHelper.getDecrypted(
		additionalData,
		{ id: type, name: type },
		type,
		'internal',
	);
	if (tester) {
		const method = tester.nodeType.methods?.credentialTest?.[tester.credential.testedBy as string];
		if (!method) throw new Error(`missing credentialTest ${String(tester.credential.testedBy)}`);
		return await method.call(new CredentialTestContext(additionalData), {
			id: type,
			name: type,
			type,
			data: decrypted,
		});
	}
	const request = credentialTypes[type].test?.request;
	if (!request) throw new Error(`${type} has no test`);
	const nodeJson: INode = {
		id: 'credential-test',
		name: 'Credential test',
		type: user.typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: type, name: type } },
	};
	const resolve = (value: string | undefined) =>
		value === undefined
			? undefined
			: String(
					workflow.expression.getSimpleParameterValue(nodeJson, value, 'internal', {
						$credentials: decrypted,
					} as never),
				);
	const context = new LoadOptionsContext(workflow, nodeJson, additionalData, 'credentials');
	try {
		await context.helpers.httpRequestWithAuthentication.call(context, type, {
			method: request.method ?? 'GET',
			baseURL: resolve(request.baseURL),
			url: resolve(request.url) ?? '',
		});
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}

/** One call that reached a trigger node's webhook, and the run it started (if any). */
export interface WebhookCall {
	status: number;
	responseBody: string;
	run?: IRun;
	/** Items the trigger emitted (its output in the run). */
	items: INodeExecutionData[];
}

export interface WebhookHost {
	/** The node's production webhook URL, as n8n computes it. */
	webhookUrl: string;
	calls: WebhookCall[];
	/** n8n's activation: checkExists, then create when it does not exist. */
	activate(): Promise<{ existed: boolean; created: boolean }>;
	/** n8n's deactivation: delete. */
	deactivate(): Promise<boolean>;
	close(): Promise<void>;
}

/**
 * Hosts one trigger node the way n8n's webhook server does, on a real loopback HTTP server: JSON
 * bodies parsed, the node's webhook() called in n8n-core's WebhookContext, "respond on receipt"
 * answered, and a returned run executed by WorkflowExecute from the trigger onwards.
 */
export async function startWebhookHost(
	trigger: { type: string; credentialType: string; parameters: IDataObject },
	credentials: Record<string, StoredCredential>,
): Promise<WebhookHost> {
	const { createServer } = await import('node:http');
	const calls: WebhookCall[] = [];
	const triggerNode: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: `${PACKAGE}.${trigger.type}`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '6d1c3b2a-0f3e-4c55-9a1b-2f8e7d6c5b4a',
		parameters: trigger.parameters as INodeParameters,
		credentials: {
			[trigger.credentialType]: { id: trigger.credentialType, name: 'Test credential' },
		},
	};
	const sink: INode = {
		id: 'success',
		name: 'Success',
		type: 'test.sink',
		typeVersion: 1,
		position: [200, 0],
		parameters: {},
	};
	const { workflowData, workflow } = buildWorkflowData({
		nodes: [triggerNode, sink],
		connections: {
			Trigger: { main: [[{ node: 'Success', type: NodeConnectionTypes.Main, index: 0 }]] },
		},
	});
	const nodeType = nodeClasses[triggerNode.type];
	const webhookDescription = nodeType.description.webhooks![0];

	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			void (async () => {
				const text = Buffer.concat(chunks).toString('utf8');
				const call: WebhookCall = { status: 0, responseBody: '', items: [] };
				calls.push(call);
				const send = (status: number, body: unknown) => {
					call.status = status;
					call.responseBody = typeof body === 'string' ? body : JSON.stringify(body);
					response.writeHead(status, { 'content-type': 'application/json' });
					response.end(call.responseBody);
				};
				let body: unknown = text;
				if (/json/i.test(request.headers['content-type'] ?? '')) {
					try {
						body = text ? JSON.parse(text) : {};
					} catch {
						send(400, { message: 'The body is not valid JSON' }); // n8n's body parser answers this way
						return;
					}
				}
				// The part of express's Response a node uses.
				let status = 200;
				const expressResponse = {
					status(code: number) {
						status = code;
						return expressResponse;
					},
					json(payload: unknown) {
						send(status, payload);
						return expressResponse;
					},
					send(payload: unknown) {
						send(status, payload);
						return expressResponse;
					},
					end() {
						send(status, '');
						return expressResponse;
					},
				};
				const additionalData = {
					...buildAdditionalData(credentials, workflowData),
					webhookBaseUrl: baseUrl,
					httpRequest: {
						headers: request.headers,
						body,
						query: {},
						params: {},
						method: request.method,
					},
					httpResponse: expressResponse,
				} as unknown as IWorkflowExecuteAdditionalData;
				const webhookData = {
					httpMethod: 'POST',
					node: triggerNode.name,
					path: 'webhook',
					webhookDescription,
					workflowId: workflowData.id,
					workflowExecuteAdditionalData: additionalData,
				} as unknown as IWebhookData;
				const context = new WebhookContext(
					workflow,
					triggerNode,
					additionalData,
					'webhook',
					webhookData,
					[],
					null,
				);
				const result = await nodeType.webhook!.call(context);
				if (result.noWebhookResponse) return;
				send(200, {
					message: result.workflowData ? 'Workflow was started' : 'Webhook call received',
				});
				if (!result.workflowData) return;
				const runExecutionData = createRunExecutionData({
					executionData: {
						nodeExecutionStack: [
							{ node: triggerNode, data: { main: result.workflowData }, source: null },
						],
					},
				});
				call.run = await new WorkflowExecute(
					additionalData,
					'webhook',
					runExecutionData,
				).processRunExecutionData(workflow);
				call.items = call.run.data.resultData.runData.Trigger?.[0]?.data?.main?.[0] ?? [];
			})().catch((error: unknown) => {
				if (!response.headersSent) {
					response.writeHead(500);
					response.end(String((error as Error).message));
				}
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhook`;
	const hookContext = () =>
		new HookContext(
			workflow,
			triggerNode,
			{
				...buildAdditionalData(credentials, workflowData),
				webhookBaseUrl: baseUrl,
			} as IWorkflowExecuteAdditionalData,
			'trigger',
			'activate',
		);
	const lifecycle = nodeType.webhookMethods?.default;
	const webhookUrl = hookContext().getNodeWebhookUrl('default') as string;
	return {
		webhookUrl,
		calls,
		async activate() {
			if (!lifecycle) throw new Error('no webhookMethods');
			const existed = await lifecycle.checkExists.call(hookContext());
			const created = existed ? false : await lifecycle.create.call(hookContext());
			return { existed, created };
		},
		async deactivate() {
			if (!lifecycle) throw new Error('no webhookMethods');
			return await lifecycle.delete.call(hookContext());
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
