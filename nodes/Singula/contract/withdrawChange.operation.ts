import { contractAction } from './action';

export const withdrawChange = contractAction({
	operation: 'withdrawChange',
	name: 'Withdraw Change',
	action: 'Withdraw a scheduled contract change',
	description: 'Cancel a downgrade that is scheduled for the next contract charge',
	endpoint: 'change/withdraw',
});
