import { contractAction } from './action';

export const cancelContract = contractAction({
	operation: 'cancel',
	name: 'Cancel',
	action: 'Cancel a contract',
	description: 'Cancel a contract, at its next payment date or on a date you choose',
	endpoint: 'cancel',
	fields: [
		{
			displayName: 'Cancel Date',
			name: 'cancelDate',
			type: 'dateTime',
			default: '',
			description:
				'When the contract ends (only the date part is used). Leave empty for the next payment date.',
		},
	],
	body: (parameters) => ({ cancelDate: parameters.optionalDate('cancelDate') }),
});
