import { additionalFieldsCollection } from '../../shared/engine/description';
import { actionItem, rest, restOperation, textField } from '../../shared/wire/rest';
import { contractIdField, readContractId } from '../contract/fields';
import { amountField, commentField, dateField, readPaymentTerms } from './fields';

export const create = restOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a one-off payment',
	description:
		'Book a one-off (ad-hoc) payment on a contract, collected by Direct Debit on the date given. Needs the contract ID, the amount, the date and a comment. Gives the new payment ID.',
	fields: [
		contractIdField,
		amountField,
		dateField,
		commentField,
		additionalFieldsCollection([
			{
				displayName: 'Is Credit',
				name: 'isCredit',
				type: 'boolean',
				default: false,
				description:
					'Whether to pay the amount to the customer instead of collecting it (only for clients with their own Service User Number, by arrangement)',
			},
		]),
	],
	build(parameters) {
		const contractId = readContractId(parameters);
		const terms = readPaymentTerms(parameters);
		// Sent only when true: DDCMS allows credits only by arrangement.
		const isCredit = parameters.collection('additionalFields').boolean('isCredit')
			? 'true'
			: undefined;
		return {
			request: rest(
				'POST contract/{contractId}/payment',
				{ contractId },
				{ query: { ...terms, isCredit } },
			),
			echo: { contractId },
		};
	},
	output: (answer, echo) =>
		actionItem(answer, { ...echo, paymentId: textField(answer, 'Id') ?? null }),
});
