import { contractAction } from './action';

export const reactivate = contractAction({
	operation: 'reactivate',
	name: 'Reactivate',
	action: 'Reactivate a contract',
	description: 'Reactivate the Direct Debit of a cancelled contract. Needs the contract ID.',
	route: 'POST contract/{contractId}/reactivate',
});
