import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/parameters';
import { pathSegment } from '../../shared/rest';

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

/** `customer/{customerId}/contract/{contractId}` for the item, with both IDs validated. */
export function readContractPath(parameters: ItemParameters): {
	customerId: string;
	contractId: string;
	path: string;
} {
	const customerId = parameters.uuid('customerId');
	const contractId = parameters.digits('contractId');
	return {
		customerId,
		contractId,
		path: `customer/${pathSegment(customerId)}/contract/${pathSegment(contractId)}`,
	};
}
