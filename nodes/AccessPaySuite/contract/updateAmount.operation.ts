import { readAmount } from '../amount';
import { contractAction } from './action';

export const updateAmount = contractAction({
	operation: 'updateAmount',
	name: 'Update Amount',
	action: 'Update the amount of a contract',
	description:
		'Change the regular amount collected for a contract, with a comment saying why. Needs the contract ID, the new amount and a comment.',
	route: 'PATCH contract/{contractId}/amount',
	fields: [
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 29.99',
			description: 'The new amount, in pounds, with up to two decimals',
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			required: true,
			default: '',
			description: 'Why the amount changes (up to 255 characters); stored with the contract',
		},
	],
	query: (parameters) => {
		const amount = readAmount(parameters, 'amount');
		// The DDCMS spec requires the comment.
		return { amount, comment: parameters.text('comment', { maxLength: 255 }) };
	},
});
