import { rawInteger } from '../../shared/json';
import { asObject, pathSegment } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { cancelationReasonField } from '../fields';

export const cancelAdditionalModuleContract: OperationDefinition<RestRequest> = {
	resource: 'additionalModuleContract',
	operation: 'cancel',
	name: 'Cancel',
	action: 'Cancel an additional module contract',
	description: 'Create an ordinary cancelation of a module contract to a date',
	fields: [
		{
			displayName: 'Contract ID',
			name: 'contractId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1234567',
			description: 'ID of the main membership contract the module belongs to (digits only)',
		},
		{
			displayName: 'Additional Module Contract ID',
			name: 'additionalModuleContractId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 7654321',
			description: 'ID of the module contract to cancel (digits only)',
		},
		{
			displayName: 'Cancelation Date',
			name: 'cancelationDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'The date the module contract ends (only the date part is used)',
		},
		cancelationReasonField,
	],
	build(parameters) {
		const contractId = parameters.digits('contractId');
		const additionalModuleContractId = parameters.digits('additionalModuleContractId');
		const cancelationDate = parameters.date('cancelationDate');
		const cancelationReasonId = parameters.digits('cancelationReasonId');
		return {
			request: {
				method: 'POST',
				path: `v1/memberships/${pathSegment(contractId)}/self-service/additional-module-contracts/${pathSegment(additionalModuleContractId)}/ordinary-cancelation`,
				body: { cancelationDate, cancelationReasonId: rawInteger(cancelationReasonId) },
			},
			echo: { contractId, additionalModuleContractId, cancelationDate, cancelationReasonId },
		};
	},
	output: (body, echo) => ({ ...asObject(body), success: true, ...echo }),
};
