import { cancelContract } from './cancel.operation';
import { changeContract } from './change.operation';
import { getContract } from './get.operation';
import { getChangePaths } from './getChangePaths.operation';
import { getManyContracts } from './getMany.operation';
import { withdrawContractCancellation } from './withdrawCancellation.operation';
import { withdrawChange } from './withdrawChange.operation';

export const contractOperations = [
	changeContract,
	getContract,
	getManyContracts,
	getChangePaths,
	withdrawChange,
	cancelContract,
	withdrawContractCancellation,
];
