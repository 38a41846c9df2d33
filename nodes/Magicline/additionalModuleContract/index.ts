import { cancelAdditionalModuleContract } from './cancel.operation';
import { getAdditionalModuleContract } from './get.operation';
import { withdrawModuleCancellation } from './withdrawCancellation.operation';

export const additionalModuleContractOperations = [
	cancelAdditionalModuleContract,
	getAdditionalModuleContract,
	withdrawModuleCancellation,
];
