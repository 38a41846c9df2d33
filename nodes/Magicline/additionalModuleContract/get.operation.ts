import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import {
	additionalModuleContractIdField,
	contractIdField,
	readModuleContractPath,
} from '../fields';

export const getAdditionalModuleContract: OperationDefinition<RestRequest> = {
	resource: 'additionalModuleContract',
	operation: 'get',
	name: 'Get',
	action: 'Get an additional module contract',
	description: 'Get a module contract with its status and cancelation date',
	fields: [contractIdField, additionalModuleContractIdField],
	build: (parameters) => ({
		request: { method: 'GET', path: readModuleContractPath(parameters).path },
	}),
	output: (body) => asObject(body),
};
