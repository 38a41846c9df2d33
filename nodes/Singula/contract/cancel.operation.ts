import { contractAction } from './action';

export const cancel = contractAction({
	operation: 'cancel',
	name: 'Cancel',
	action: 'Cancel a contract',
	description:
		'Cancel a contract, at its next payment date or on a date you choose. Needs the customer ID and the contract ID.',
	route: 'POST customer/{customerId}/contract/{contractId}/cancel',
	fields: [
		{
			displayName: 'Cancel Date',
			name: 'cancelDate',
			type: 'dateTime',
			default: '',
			description:
				'When the contract ends; leave empty for the next payment date. Only the calendar date is used: a date with a time keeps the date in its own time zone.',
		},
	],
	body: (parameters) => ({ cancelDate: parameters.optionalDate('cancelDate') }),
});
