import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { customerIdField } from '../fields';

export const getContractData = restOperation({
	operation: 'getContractData',
	name: 'Get Contract Data',
	action: "Get a customer's membership contract data",
	description:
		"Get a customer's membership contract status, cancellation status and the dates it can be cancelled to. Needs the customer ID.",
	fields: [customerIdField],
	build: (parameters) => ({
		request: rest('GET v1/memberships/{customerId}/self-service/contract-data', {
			customerId: parameters.digits('customerId'),
		}),
	}),
	output: (answer) => asObject(answer),
});
