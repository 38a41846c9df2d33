import { contractAction } from './action';

export const withdrawChange = contractAction({
	operation: 'withdrawChange',
	name: 'Withdraw Change',
	action: 'Withdraw a scheduled contract change',
	description:
		'Cancel a downgrade that is scheduled for the next contract charge. Needs the customer ID and the contract ID.',
	route: 'POST customer/{customerId}/contract/{contractId}/change/withdraw',
});
