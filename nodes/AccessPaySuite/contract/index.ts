import { defineResource } from '../../shared/engine/types';
import { archive } from './archive.operation';
import { cancelDirectDebit } from './cancelDirectDebit.operation';
import { cancelSchedule } from './cancelSchedule.operation';
import { create } from './create.operation';
import { getMany } from './getMany.operation';
import { reactivate } from './reactivate.operation';
import { restartSchedule } from './restartSchedule.operation';
import { updateAmount } from './updateAmount.operation';

export const contract = defineResource({
	value: 'contract',
	name: 'Contract',
	description: "A customer's Direct Debit contract",
	operations: [
		cancelSchedule,
		restartSchedule,
		cancelDirectDebit,
		reactivate,
		updateAmount,
		getMany,
		create,
		archive,
	],
});
