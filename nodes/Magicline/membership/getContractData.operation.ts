import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { customerIdField } from '../fields';

/**
 * The contract data of a customer: the spec (MembershipSelfServiceContractData) answers an array,
 * one entry per membership contract; an older single object is read as one entry.
 */
export function contractDataEntries(answer: unknown) {
	return (Array.isArray(answer) ? answer : [answer]).map((entry) => asObject(entry));
}

export const getContractData = restOperation({
	operation: 'getContractData',
	name: 'Get Contract Data',
	action: "Get a customer's membership contract data",
	description:
		"Get a customer's membership contracts with their status, cancellation status and the dates each can be cancelled to, one item per contract. Needs the customer ID.",
	fields: [customerIdField],
	build: (parameters) => ({
		request: rest('GET v1/memberships/{customerId}/self-service/contract-data', {
			customerId: parameters.digits('customerId'),
		}),
	}),
	output: contractDataEntries,
});
