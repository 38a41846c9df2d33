import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/engine/parameters';

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	description: 'The DDCMS customer ID (use Customer → Search to find it)',
};

/** A DDCMS customer ID: any text that is one URL path segment. */
export function readCustomerId(parameters: ItemParameters): string {
	return parameters.text('customerId', { pathSegment: true });
}
