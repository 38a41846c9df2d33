import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../shared/engine/parameters';

export const cancelationReasonField: INodeProperties = {
	displayName: 'Cancelation Reason Name or ID',
	name: 'cancelationReasonId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCancelationReasons' },
	required: true,
	default: '',
	description:
		'Why the contract is cancelled. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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

/** The two IDs every module contract route names. */
export function readModuleContractIds(parameters: ItemParameters) {
	return {
		contractId: parameters.digits('contractId'),
		additionalModuleContractId: parameters.digits('additionalModuleContractId'),
	};
}
