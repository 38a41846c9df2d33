import { pathSegment } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { customerIdField } from '../customer/fields';
import { recordsOf } from '../message';

export const getManyContracts: OperationDefinition<RestRequest> = {
	resource: 'contract',
	operation: 'getMany',
	name: 'Get Many',
	action: "Get a customer's contracts",
	description: 'List the contracts of a customer',
	list: true,
	fields: [customerIdField],
	build(parameters) {
		const customerId = parameters.text('customerId', { noSlash: true });
		return { request: { method: 'GET', path: `customer/${pathSegment(customerId)}/contract` } };
	},
	output: (body) => recordsOf(body, 'Contracts'),
};
