/**
 * Hosts one trigger node the way n8n's webhook server does, on a real loopback HTTP server, and
 * runs its webhook lifecycle (checkExists / create / delete) in n8n-core's HookContext.
 */
import { createServer } from 'node:http';
import { HookContext } from 'n8n-core';
import type { INode, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { StoredCredential } from './credentialsHelper';
import { buildAdditionalData, buildWorkflowData, packageNodeJson } from './instance';
import type { NodeRef } from './instance';
import { nodeClasses } from './registry';
import { handleWebhookCall } from './webhookCall';
import type { HostedTrigger, WebhookCall } from './webhookCall';

export type { WebhookCall } from './webhookCall';

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

export async function startWebhookHost(
	trigger: NodeRef,
	credentials: Record<string, StoredCredential>,
): Promise<WebhookHost> {
	const calls: WebhookCall[] = [];
	const triggerNode: INode = {
		...packageNodeJson(trigger, { id: 'trigger', name: 'Trigger' }),
		webhookId: '6d1c3b2a-0f3e-4c55-9a1b-2f8e7d6c5b4a',
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
	let baseUrl = '';
	const hosted: HostedTrigger = {
		workflow,
		workflowData,
		triggerNode,
		nodeType,
		additionalData: () =>
			({
				...buildAdditionalData(credentials, workflowData),
				webhookBaseUrl: baseUrl,
			}) as IWorkflowExecuteAdditionalData,
	};

	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const call: WebhookCall = { status: 0, responseBody: '', items: [] };
			calls.push(call);
			const text = Buffer.concat(chunks).toString('utf8');
			handleWebhookCall(hosted, request, text, response, call).catch((error: unknown) => {
				if (!response.headersSent) {
					response.writeHead(500);
					response.end(String((error as Error).message));
				}
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhook`;
	const hookContext = () =>
		new HookContext(workflow, triggerNode, hosted.additionalData(), 'trigger', 'activate');
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
