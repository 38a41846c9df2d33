import { contractAction } from './action';

export const withdrawContractCancellation = contractAction({
	operation: 'withdrawCancellation',
	name: 'Withdraw Cancellation',
	action: 'Withdraw the cancellation of a contract',
	description: 'Take back a cancellation, so the contract continues',
	endpoint: 'cancel/withdraw',
});
