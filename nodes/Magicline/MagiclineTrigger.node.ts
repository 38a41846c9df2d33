import type {
	ICredentialsDecrypted,
	IDataObject,
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
import { eventLabel, MAGICLINE_EVENT_TYPES } from './events';

interface MagiclinePayloadEntry {
	timestamp: number;
	type: string;
	content?: IDataObject;
}

/** The payload entries of a Magicline call, or undefined when the body is not what Magicline sends. */
function payloadEntries(body: IDataObject | undefined): MagiclinePayloadEntry[] | undefined {
	const payload = body?.payload;
	if (!Array.isArray(payload)) return undefined;
	const valid = payload.every(
		(entry) =>
			entry !== null &&
			typeof entry === 'object' &&
			typeof (entry as IDataObject).type === 'string' &&
			// Milliseconds within the range a Date can hold (±8.64e15), so occurredAt can be written.
			Number.isFinite((entry as IDataObject).timestamp) &&
			!Number.isNaN(new Date((entry as IDataObject).timestamp as number).getTime()),
	);
	return valid ? (payload as MagiclinePayloadEntry[]) : undefined;
}

export class MagiclineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Magicline Trigger',
		name: 'magiclineTrigger',
		icon: { light: 'file:magicline.svg', dark: 'file:magicline.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when Magicline reports a change, such as a contract cancelled at the front desk',
		defaults: { name: 'Magicline Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'magiclineWebhookApi', required: true, testedBy: 'magiclineWebhookApiTest' },
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			manualRegistrationNotice('Magicline', 'Webhook API Key'),
			eventsFilterField(
				MAGICLINE_EVENT_TYPES.map((type) => ({ name: eventLabel(type), value: type })).sort(
					(a, b) => a.name.localeCompare(b.name),
				),
			),
		],
	};

	methods = {
		credentialTest: {
			async magiclineWebhookApiTest(
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return testWebhookSecret(credential, 'webhookApiKey', 256);
			},
		},
	};

	// Magicline webhooks are registered by Magicline on request; there is no registration API.
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
		const { webhookApiKey } = await this.getCredentials<{ webhookApiKey: string }>(
			'magiclineWebhookApi',
		);
		if (!secretMatches(headerText(this, 'x-api-key'), webhookApiKey)) {
			return refuse(this, 401, 'Unauthorized');
		}
		const body = jsonObjectBody(this);
		const entries = payloadEntries(body);
		if (!body || !entries)
			return refuse(
				this,
				400,
				'Expected a Magicline event: {"entityId", "uuid", "payload": [...]}',
			);

		const selected = this.getNodeParameter('events', []) as string[];
		const items = entries
			.filter((entry) => eventSelected(selected, entry.type))
			.map((entry) => ({
				json: {
					uuid: body.uuid ?? null,
					entityId: body.entityId ?? null,
					type: entry.type,
					timestamp: entry.timestamp,
					occurredAt: new Date(entry.timestamp).toISOString(),
					content: entry.content ?? {},
				},
			}));
		// Nothing subscribed in this call: answer 200 and start no run.
		if (!items.length) return {};
		return { workflowData: [items] };
	}
}
