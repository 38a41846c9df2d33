import { contractAction } from './action';

export const withdrawCancellation = contractAction({
	operation: 'withdrawCancellation',
	name: 'Withdraw Cancellation',
	action: 'Withdraw the cancellation of a contract',
	description:
		'Take back a cancellation, so the contract continues. Needs the customer ID and the contract ID.',
	route: 'POST customer/{customerId}/contract/{contractId}/cancel/withdraw',
});
