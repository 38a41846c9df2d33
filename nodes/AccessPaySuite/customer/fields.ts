import type { INodeProperties } from 'n8n-workflow';

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	description: 'The DDCMS customer ID (use Customer → Search to find it)',
};
