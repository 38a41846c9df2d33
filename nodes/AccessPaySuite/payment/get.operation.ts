import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { contractIdField } from '../contract/fields';
import { paymentIdField, readPaymentIds } from './fields';

export const get = restOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a payment',
	description:
		'Get one payment of a contract with its amount, date and status (Pending, Paid, Unpaid…). Needs the contract ID and the payment ID.',
	fields: [contractIdField, paymentIdField],
	build: (parameters) => ({
		request: rest('GET contract/{contractId}/payment/{paymentId}', readPaymentIds(parameters)),
	}),
	output: (answer) => asObject(answer),
});
