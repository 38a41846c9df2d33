import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class MagiclineWebhookApi implements ICredentialType {
	name = 'magiclineWebhookApi';

	displayName = 'Magicline Webhook API';

	icon: Icon = {
		light: 'file:../nodes/Magicline/magicline.svg',
		dark: 'file:../nodes/Magicline/magicline.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-billing-lifecycle#triggers';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook API Key',
			name: 'webhookApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The key Magicline sends in the x-api-key header of every webhook call. You agree on it with Magicline when they register your webhook URL.',
		},
	];
}
