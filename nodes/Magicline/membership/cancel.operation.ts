import { rawInteger } from '../../shared/json';
import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import {
	cancelationReasonField,
	contractIdField,
	customerIdField,
	readCustomerPath,
} from '../fields';

export const cancelMembership: OperationDefinition<RestRequest> = {
	resource: 'membership',
	operation: 'cancel',
	name: 'Cancel',
	action: 'Cancel a membership contract',
	description: "Create an ordinary cancelation of a customer's membership contract",
	fields: [
		customerIdField,
		contractIdField,
		{
			displayName: 'Cancelation Date Name or ID',
			name: 'cancelationDate',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getAvailableCancelationDates',
				loadOptionsDependsOn: ['customerId'],
			},
			required: true,
			default: '',
			description:
				'The date the contract ends (YYYY-MM-DD): one of the dates Magicline offers for this customer. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		cancelationReasonField,
	],
	build(parameters) {
		const { customerId, path } = readCustomerPath(parameters);
		const contractId = parameters.digits('contractId');
		const cancelationDate = parameters.date('cancelationDate');
		const cancelationReasonId = parameters.digits('cancelationReasonId');
		return {
			request: {
				method: 'POST',
				path: `${path}/ordinary-contract-cancelation`,
				body: {
					contractId: rawInteger(contractId),
					cancelationDate,
					cancelationReasonId: rawInteger(cancelationReasonId),
				},
			},
			echo: { customerId, contractId, cancelationDate, cancelationReasonId },
		};
	},
	output: (body, echo) => ({ ...asObject(body), success: true, ...echo }),
};
