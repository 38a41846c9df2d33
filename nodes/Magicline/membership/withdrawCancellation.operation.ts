import { actionItem, rest, restOperation } from '../../shared/wire/rest';
import { contractIdField, customerIdField } from '../fields';

export const withdrawCancellation = restOperation({
	operation: 'withdrawCancellation',
	name: 'Withdraw Cancellation',
	action: 'Withdraw the cancellation of a membership contract',
	description:
		'Take back an ordinary cancellation of a membership contract, so it continues. Needs the customer ID and the contract ID.',
	fields: [customerIdField, contractIdField],
	build(parameters) {
		const customerId = parameters.digits('customerId');
		const contractId = parameters.digits('contractId');
		return {
			request: rest(
				'POST v1/memberships/{customerId}/self-service/withdraw-ordinary-contract-cancelation/{contractId}',
				{ customerId, contractId },
			),
			echo: { customerId, contractId },
		};
	},
	output: actionItem,
});
