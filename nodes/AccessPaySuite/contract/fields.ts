import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/engine/parameters';

export const contractIdField: INodeProperties = {
	displayName: 'Contract ID',
	name: 'contractId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f2b6c1e-0000-4000-8000-000000000001',
	description: 'The DDCMS contract ID (shown on the contract in DDCMS)',
};

/** A DDCMS contract ID: any text that is one URL path segment. */
export function readContractId(parameters: ItemParameters): string {
	return parameters.text('contractId', { pathSegment: true });
}
