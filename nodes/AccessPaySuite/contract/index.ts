import { cancelDirectDebit } from './cancelDirectDebit.operation';
import { cancelSchedule } from './cancelSchedule.operation';
import { getManyContracts } from './getMany.operation';
import { reactivate } from './reactivate.operation';
import { restartSchedule } from './restartSchedule.operation';
import { updateAmount } from './updateAmount.operation';

export const contractOperations = [
	cancelSchedule,
	restartSchedule,
	cancelDirectDebit,
	reactivate,
	updateAmount,
	getManyContracts,
];
