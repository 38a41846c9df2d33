import { asObject, pathSegment } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { contractIdField, customerIdField, readCustomerPath } from '../fields';

export const withdrawMembershipCancellation: OperationDefinition<RestRequest> = {
	resource: 'membership',
	operation: 'withdrawCancellation',
	name: 'Withdraw Cancellation',
	action: 'Withdraw the cancellation of a membership contract',
	description: 'Take back an ordinary cancelation of a membership contract, so it continues',
	fields: [customerIdField, contractIdField],
	build(parameters) {
		const { customerId, path } = readCustomerPath(parameters);
		const contractId = parameters.digits('contractId');
		return {
			request: {
				method: 'POST',
				path: `${path}/withdraw-ordinary-contract-cancelation/${pathSegment(contractId)}`,
			},
			echo: { customerId, contractId },
		};
	},
	output: (body, echo) => ({ ...asObject(body), success: true, ...echo }),
};
