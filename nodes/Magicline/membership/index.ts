import { defineResource } from '../../shared/engine/types';
import { cancel } from './cancel.operation';
import { getContractData } from './getContractData.operation';
import { getMany } from './getMany.operation';
import { withdrawCancellation } from './withdrawCancellation.operation';

export const membership = defineResource({
	value: 'membership',
	name: 'Membership',
	description: "A customer's main membership contract",
	operations: [getContractData, cancel, withdrawCancellation, getMany],
});
