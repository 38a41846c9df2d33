import { rawInteger } from '../../shared/wire/json';
import { actionItem, rest, restOperation } from '../../shared/wire/rest';
import { cancelationReasonField, contractIdField, customerIdField } from '../fields';

export const cancel = restOperation({
	operation: 'cancel',
	name: 'Cancel',
	action: 'Cancel a membership contract',
	description:
		"Create an ordinary cancellation of a customer's membership contract to one of the dates Magicline offers. Needs the customer ID, the contract ID, the cancellation date and a cancellation reason ID.",
	fields: [
		customerIdField,
		contractIdField,
		{
			displayName: 'Cancelation Date Name or ID',
			name: 'cancelationDate',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getAvailableCancelationDates',
				loadOptionsDependsOn: ['customerId', 'contractId'],
			},
			required: true,
			default: '',
			description:
				'The date the contract ends (YYYY-MM-DD): one of the dates Magicline offers for this contract (a date with a time keeps the date in its own time zone). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		cancelationReasonField,
	],
	build(parameters) {
		const customerId = parameters.digits('customerId');
		const contractId = parameters.digits('contractId');
		const cancelationDate = parameters.date('cancelationDate');
		const cancelationReasonId = parameters.digits('cancelationReasonId');
		return {
			request: rest(
				'POST v1/memberships/{customerId}/self-service/ordinary-contract-cancelation',
				{ customerId },
				{
					body: {
						contractId: rawInteger(contractId),
						cancelationDate,
						cancelationReasonId: rawInteger(cancelationReasonId),
					},
				},
			),
			echo: { customerId, contractId, cancelationDate, cancelationReasonId },
		};
	},
	output: actionItem,
});
