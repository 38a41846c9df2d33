import { messageAction } from '../action';
import { contractIdField } from '../contract/fields';
import { commentField, paymentIdField, readComment, readPaymentIds } from './fields';

export const deletePayment = messageAction({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a one-off payment',
	description:
		'Cancel a one-off payment that has not been sent to the bank yet, with a comment saying why. Needs the contract ID and the payment ID.',
	route: 'DELETE contract/{contractId}/payment/{paymentId}',
	fields: [
		contractIdField,
		paymentIdField,
		{ ...commentField, description: 'Why the payment is deleted (up to 255 characters)' },
	],
	ids: readPaymentIds,
	query: (parameters) => ({ comment: readComment(parameters) }),
});
