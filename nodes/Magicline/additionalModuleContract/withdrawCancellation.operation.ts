import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import {
	additionalModuleContractIdField,
	contractIdField,
	readModuleContractPath,
} from '../fields';

export const withdrawModuleCancellation: OperationDefinition<RestRequest> = {
	resource: 'additionalModuleContract',
	operation: 'withdrawCancellation',
	name: 'Withdraw Cancellation',
	action: 'Withdraw the cancellation of an additional module contract',
	description: 'Take back a cancelation of a module contract, so it continues',
	fields: [contractIdField, additionalModuleContractIdField],
	build(parameters) {
		const { contractId, additionalModuleContractId, path } = readModuleContractPath(parameters);
		return {
			request: { method: 'POST', path: `${path}/withdraw-cancelation` },
			echo: { contractId, additionalModuleContractId },
		};
	},
	output: (body, echo) => ({ ...asObject(body), success: true, ...echo }),
};
