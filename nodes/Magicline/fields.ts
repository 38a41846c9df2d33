import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../shared/parameters';
import { pathSegment } from '../shared/rest';

export const cancelationReasonField: INodeProperties = {
	displayName: 'Cancelation Reason Name or ID',
	name: 'cancelationReasonId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCancelationReasons' },
	required: true,
	default: '',
	description:
		'Why the contract is canceled. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const contractIdField: INodeProperties = {
	displayName: 'Contract ID',
	name: 'contractId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1234567',
	description: 'ID of the membership contract (digits only)',
};

export const additionalModuleContractIdField: INodeProperties = {
	displayName: 'Additional Module Contract ID',
	name: 'additionalModuleContractId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 7654321',
	description: 'ID of the module contract (digits only)',
};

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1234567',
	description: 'ID of the Magicline customer (digits only)',
};

/** `v1/memberships/{contractId}/self-service/additional-module-contracts/{additionalModuleContractId}`. */
export function readModuleContractPath(parameters: ItemParameters): {
	contractId: string;
	additionalModuleContractId: string;
	path: string;
} {
	const contractId = parameters.digits('contractId');
	const additionalModuleContractId = parameters.digits('additionalModuleContractId');
	return {
		contractId,
		additionalModuleContractId,
		path: `v1/memberships/${pathSegment(contractId)}/self-service/additional-module-contracts/${pathSegment(additionalModuleContractId)}`,
	};
}

/** `v1/memberships/{customerId}/self-service` for the customer of the item. */
export function readCustomerPath(parameters: ItemParameters): { customerId: string; path: string } {
	const customerId = parameters.digits('customerId');
	return { customerId, path: `v1/memberships/${pathSegment(customerId)}/self-service` };
}
