import { defineResource } from '../../shared/engine/types';
import { cancel } from './cancel.operation';
import { change } from './change.operation';
import { get } from './get.operation';
import { getChangePaths } from './getChangePaths.operation';
import { getMany } from './getMany.operation';
import { withdrawCancellation } from './withdrawCancellation.operation';
import { withdrawChange } from './withdrawChange.operation';

export const contract = defineResource({
	value: 'contract',
	name: 'Contract',
	description: "A customer's subscription contract",
	operations: [change, get, getMany, getChangePaths, withdrawChange, cancel, withdrawCancellation],
});
