import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/engine/parameters';

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01',
	description: 'The Singula customer ID (a UUID)',
};

export const contractIdField: INodeProperties = {
	displayName: 'Contract ID',
	name: 'contractId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 80001',
	description: 'The contract ID (digits only)',
};

/** The customer and contract IDs every contract route names, validated. */
export function readContractIds(parameters: ItemParameters) {
	return { customerId: parameters.uuid('customerId'), contractId: parameters.digits('contractId') };
}
