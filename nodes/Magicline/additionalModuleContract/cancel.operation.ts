import { rawInteger } from '../../shared/wire/json';
import { actionItem, rest, restOperation } from '../../shared/wire/rest';
import {
	additionalModuleContractIdField,
	cancelationReasonField,
	contractIdField,
	readModuleContractIds,
} from '../fields';

export const cancel = restOperation({
	operation: 'cancel',
	name: 'Cancel',
	action: 'Cancel an additional module contract',
	description:
		'Create an ordinary cancellation of a module contract (an add-on of a membership) to a date. Needs the membership contract ID, the module contract ID, the cancellation date and a cancellation reason ID.',
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
			description:
				'The date the module contract ends. Only the calendar date is used: a date with a time keeps the date in its own time zone.',
		},
		cancelationReasonField,
	],
	build(parameters) {
		const { contractId, additionalModuleContractId } = readModuleContractIds(parameters);
		const cancelationDate = parameters.date('cancelationDate');
		const cancelationReasonId = parameters.digits('cancelationReasonId');
		return {
			request: rest(
				'POST v1/memberships/{contractId}/self-service/additional-module-contracts/{additionalModuleContractId}/ordinary-cancelation',
				{ contractId, additionalModuleContractId },
				{ body: { cancelationDate, cancelationReasonId: rawInteger(cancelationReasonId) } },
			),
			echo: { contractId, additionalModuleContractId, cancelationDate, cancelationReasonId },
		};
	},
	output: actionItem,
});
