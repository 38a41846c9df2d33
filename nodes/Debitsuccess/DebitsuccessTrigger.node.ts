import type {
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	eventSelected,
	eventsFilterField,
	EVENTS_SUBTITLE,
	manualRegistrationNotice,
	headerText,
	jsonObjectBody,
	refuse,
	secretMatches,
} from '../shared/webhook/webhook';
import { testWebhookSecret } from '../shared/webhook/credentialTest';
import { DEBITSUCCESS_EVENTS, DEBITSUCCESS_TOKEN_MAX_LENGTH } from './events';

export class DebitsuccessTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Debitsuccess Trigger',
		name: 'debitsuccessTrigger',
		icon: { light: 'file:debitsuccess.svg', dark: 'file:debitsuccess.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when Debitsuccess reports a suspension change or a realtime payment result',
		defaults: { name: 'Debitsuccess Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'debitsuccessWebhookApi', required: true, testedBy: 'debitsuccessWebhookApiTest' },
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			manualRegistrationNotice('Debitsuccess', 'Token'),
			eventsFilterField(DEBITSUCCESS_EVENTS),
		],
	};

	methods = {
		credentialTest: {
			async debitsuccessWebhookApiTest(
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return testWebhookSecret(credential, 'token', DEBITSUCCESS_TOKEN_MAX_LENGTH);
			},
		},
	};

	// Debitsuccess webhooks are registered by Debitsuccess on request; there is no registration API.
	webhookMethods = {
		default: {
			// Registered by hand, so it exists as far as n8n can know; nothing to create or remove here.
			async checkExists(): Promise<boolean> {
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { token } = await this.getCredentials<{ token: string }>('debitsuccessWebhookApi');
		if (!secretMatches(headerText(this, 'x-token'), token))
			return refuse(this, 401, 'Unauthorized');
		const body = jsonObjectBody(this);
		const eventName = headerText(this, 'x-eventname');
		if (!body || !eventName)
			return refuse(
				this,
				400,
				'Expected a Debitsuccess event: a JSON body and an X-EventName header',
			);

		const selected = this.getNodeParameter('events', []) as string[];
		if (!eventSelected(selected, eventName)) return {};
		return {
			workflowData: [
				[{ json: { eventName, traceId: headerText(this, 'x-traceid') ?? null, data: body } }],
			],
		};
	}
}
