import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class DebitsuccessWebhookApi implements ICredentialType {
	name = 'debitsuccessWebhookApi';

	displayName = 'Debitsuccess Webhook API';

	icon: Icon = {
		light: 'file:../nodes/Debitsuccess/debitsuccess.svg',
		dark: 'file:../nodes/Debitsuccess/debitsuccess.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-billing-lifecycle#triggers';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The token Debitsuccess sends in the X-Token header of every event (up to 256 characters). You agree on it with Debitsuccess when they register your webhook URL.',
		},
	];
}
