import { contractAction } from './action';

export const archive = contractAction({
	operation: 'archive',
	name: 'Archive',
	action: 'Archive a contract',
	description:
		'End a contract for good: its Direct Debit is cancelled, arrears written off and future payments cancelled. It cannot be undone; delete its one-off payments separately. Needs the contract ID.',
	route: 'POST contract/{contractId}/archive',
});
