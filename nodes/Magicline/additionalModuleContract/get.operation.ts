import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { additionalModuleContractIdField, contractIdField, readModuleContractIds } from '../fields';

export const get = restOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get an additional module contract',
	description:
		'Get a module contract (an add-on of a membership) with its status and cancellation date. Needs the membership contract ID and the module contract ID.',
	fields: [contractIdField, additionalModuleContractIdField],
	build: (parameters) => ({
		request: rest(
			'GET v1/memberships/{contractId}/self-service/additional-module-contracts/{additionalModuleContractId}',
			readModuleContractIds(parameters),
		),
	}),
	output: (answer) => asObject(answer),
});
