import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { callProvider } from '../shared/engine/call';
import { triggerOptionsField } from '../shared/engine/description';
import { jsonObjectBody, refuse } from '../shared/webhook/webhook';
import { rest, textField } from '../shared/wire/rest';
import type { HttpMethod } from '../shared/transport/route';
import { accessPaySuiteApiTest } from './methods/credentialTest';
import { accessPaySuiteProvider } from './provider';

/** A request to the DDCMS callback endpoint of the entity chosen in the node. */
async function callbackRequest(
	context: IHookFunctions,
	method: HttpMethod,
	operation: string,
	query?: Record<string, string>,
): Promise<unknown> {
	return await callProvider(
		context,
		accessPaySuiteProvider,
		{ resource: 'webhook', operation },
		() =>
			rest(
				`${method} BACS/{entity}/callback`,
				{ entity: context.getNodeParameter('entity') as string },
				{ query },
			),
	);
}

export class AccessPaySuiteTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Access PaySuite DDCMS Trigger',
		name: 'accessPaySuiteTrigger',
		icon: { light: 'file:accessPaySuite.svg', dark: 'file:accessPaySuite.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["entity"] + " changes"}}',
		description:
			'Starts the workflow when DDCMS reports a status change of a contract, customer, payment or schedule (for example a Direct Debit cancelled after an ADDACS report)',
		defaults: { name: 'Access PaySuite DDCMS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'accessPaySuiteApi', required: true, testedBy: 'accessPaySuiteApiTest' }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName: 'Entity',
				name: 'entity',
				type: 'options',
				options: [
					{
						name: 'Contract',
						value: 'contract',
						description: 'Direct Debit and schedule status changes of contracts',
					},
					{ name: 'Customer', value: 'customer', description: 'Changes of customers' },
					{
						name: 'Payment',
						value: 'payment',
						description: 'Payment results, e.g. unpaid after an ARUDD report',
					},
					{ name: 'Schedule', value: 'schedule', description: 'Changes of payment schedules' },
				],
				default: 'contract',
				description:
					'Which changes to receive. DDCMS keeps one callback URL per entity for your client account: activating this workflow replaces any URL registered before.',
			},
			triggerOptionsField(),
		],
	};

	methods = { credentialTest: { accessPaySuiteApiTest } };

	// DDCMS documents no signature on callbacks: the unguessable webhook URL is the protection.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const answer = await callbackRequest(this, 'GET', 'checkExists');
				return textField(answer, 'Message') === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await callbackRequest(this, 'POST', 'create', {
					url: this.getNodeWebhookUrl('default') ?? '',
				});
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				await callbackRequest(this, 'DELETE', 'delete');
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = jsonObjectBody(this);
		// An empty object is no callback: DDCMS always says which record changed and how.
		if (!body || Object.keys(body).length === 0) {
			return refuse(this, 400, 'Expected a DDCMS callback with a JSON body');
		}
		const entity = this.getNodeParameter('entity') as string;
		return { workflowData: [[{ json: { ...body, entity } }]] };
	}
}
