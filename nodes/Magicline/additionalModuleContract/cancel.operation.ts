import { rawInteger } from '../../shared/json';
import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import {
	additionalModuleContractIdField,
	cancelationReasonField,
	contractIdField,
	readModuleContractPath,
} from '../fields';

export const cancelAdditionalModuleContract: OperationDefinition<RestRequest> = {
	resource: 'additionalModuleContract',
	operation: 'cancel',
	name: 'Cancel',
	action: 'Cancel an additional module contract',
	description: 'Create an ordinary cancelation of a module contract to a date',
	fields: [
		{
			...contractIdField,
			description: 'ID of the main membership contract the module belongs to (digits only)',
		},
		{
			...additionalModuleContractIdField,
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
		const { contractId, additionalModuleContractId, path } = readModuleContractPath(parameters);
		const cancelationDate = parameters.date('cancelationDate');
		const cancelationReasonId = parameters.digits('cancelationReasonId');
		return {
			request: {
				method: 'POST',
				path: `${path}/ordinary-cancelation`,
				body: { cancelationDate, cancelationReasonId: rawInteger(cancelationReasonId) },
			},
			echo: { contractId, additionalModuleContractId, cancelationDate, cancelationReasonId },
		};
	},
	output: (body, echo) => ({ ...asObject(body), success: true, ...echo }),
};
