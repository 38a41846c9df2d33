import { messageAction } from '../action';
import { contractIdField } from '../contract/fields';
import {
	amountField,
	commentField,
	dateField,
	paymentIdField,
	readPaymentIds,
	readPaymentTerms,
} from './fields';

export const update = messageAction({
	operation: 'update',
	name: 'Update',
	action: 'Update a one-off payment',
	description:
		'Change the amount, date and comment of a one-off payment that has not been sent to the bank yet; DDCMS wants all three. Needs the contract ID and the payment ID.',
	route: 'PATCH contract/{contractId}/payment/{paymentId}',
	fields: [contractIdField, paymentIdField, amountField, dateField, commentField],
	ids: readPaymentIds,
	query: readPaymentTerms,
});
