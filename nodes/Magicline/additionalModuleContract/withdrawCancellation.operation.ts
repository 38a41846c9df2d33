import { actionItem, rest, restOperation } from '../../shared/wire/rest';
import { additionalModuleContractIdField, contractIdField, readModuleContractIds } from '../fields';

export const withdrawCancellation = restOperation({
	operation: 'withdrawCancellation',
	name: 'Withdraw Cancellation',
	action: 'Withdraw the cancellation of an additional module contract',
	description:
		'Take back the cancellation of a module contract, so it continues. Needs the membership contract ID and the module contract ID.',
	fields: [contractIdField, additionalModuleContractIdField],
	build(parameters) {
		const ids = readModuleContractIds(parameters);
		return {
			request: rest(
				'POST v1/memberships/{contractId}/self-service/additional-module-contracts/{additionalModuleContractId}/withdraw-cancelation',
				ids,
			),
			echo: ids,
		};
	},
	output: actionItem,
});
