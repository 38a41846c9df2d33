/**
 * One HTTP call to a trigger node's webhook, handled as n8n's webhook server does it: JSON bodies
 * parsed (400 when broken), the node's webhook() called in n8n-core's WebhookContext, "respond on
 * receipt" answered, and a returned run executed by WorkflowExecute from the trigger onwards.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IWebhookData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

/** One call that reached a trigger node's webhook, and the run it started (if any). */
export interface WebhookCall {
	status: number;
	responseBody: string;
	run?: IRun;
	/** Items the trigger emitted (its output in the run). */
	items: INodeExecutionData[];
}

/** What stays the same for every call to one hosted trigger. */
export interface HostedTrigger {
	workflow: Workflow;
	workflowData: IWorkflowBase;
	triggerNode: INode;
	nodeType: INodeType;
	/** The additional data of the instance, with the host's webhook base URL. */
	additionalData: () => IWorkflowExecuteAdditionalData;
}

/** The part of express's Response a node uses. */
function expressResponse(send: (status: number, body: unknown) => void) {
	let status = 200;
	const response = {
		status(code: number) {
			status = code;
			return response;
		},
		json(payload: unknown) {
			send(status, payload);
			return response;
		},
		send(payload: unknown) {
			send(status, payload);
			return response;
		},
		end() {
			send(status, '');
			return response;
		},
	};
	return response;
}

export async function handleWebhookCall(
	hosted: HostedTrigger,
	request: IncomingMessage,
	text: string,
	response: ServerResponse,
	call: WebhookCall,
): Promise<void> {
	const { workflow, workflowData, triggerNode, nodeType } = hosted;
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
	const additionalData = {
		...hosted.additionalData(),
		httpRequest: {
			headers: request.headers,
			body,
			query: {},
			params: {},
			method: request.method,
		},
		httpResponse: expressResponse(send),
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		httpMethod: 'POST',
		node: triggerNode.name,
		path: 'webhook',
		webhookDescription: nodeType.description.webhooks![0],
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
}
