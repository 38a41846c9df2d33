import { contractAction } from './action';

export const cancelDirectDebit = contractAction({
	operation: 'cancelDirectDebit',
	name: 'Cancel Direct Debit',
	action: 'Cancel the Direct Debit of a contract',
	description:
		"Cancel the contract's Direct Debit instruction (its status becomes Cancelled). Needs the contract ID.",
	route: 'POST contract/{contractId}/cancel',
});
