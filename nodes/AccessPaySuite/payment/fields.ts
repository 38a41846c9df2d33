import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/engine/parameters';
import { readAmount } from '../amount';
import { readContractId } from '../contract/fields';

export const paymentIdField: INodeProperties = {
	displayName: 'Payment ID',
	name: 'paymentId',
	type: 'string',
	required: true,
	default: '',
	description: "The DDCMS payment ID (from Payment → Create or a contract's payment list)",
};

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 15.99',
	description: 'The amount to collect, in pounds, with up to two decimals; more than 0',
};

export const dateField: INodeProperties = {
	displayName: 'Date',
	name: 'date',
	type: 'dateTime',
	required: true,
	default: '',
	description:
		'The day the payment is collected: at least 5 working days from today and not before the contract starts. Only the calendar date is used: a date with a time keeps the date in its own time zone.',
};

export const commentField: INodeProperties = {
	displayName: 'Comment',
	name: 'comment',
	type: 'string',
	required: true,
	default: '',
	description: 'What the payment is for (up to 255 characters); stored with the payment',
};

/** The contract and payment IDs the single-payment routes name. */
export function readPaymentIds(parameters: ItemParameters) {
	return {
		contractId: readContractId(parameters),
		paymentId: parameters.text('paymentId', { pathSegment: true }),
	};
}

export function readComment(parameters: ItemParameters): string {
	return parameters.text('comment', { maxLength: 255 });
}

/** Amount, date and comment, in the order they go on the wire; all three are required. */
export function readPaymentTerms(parameters: ItemParameters) {
	return {
		amount: readAmount(parameters, 'amount'),
		date: parameters.date('date'),
		comment: readComment(parameters),
	};
}
