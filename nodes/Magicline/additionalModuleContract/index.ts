import { cancelAdditionalModuleContract } from './cancel.operation';

export const additionalModuleContractOperations = [cancelAdditionalModuleContract];
