import { defineResource } from '../../shared/engine/types';
import { getMany } from './getMany.operation';

export const cancelationReason = defineResource({
	value: 'cancelationReason',
	name: 'Cancelation Reason',
	description: 'A reason a contract can be cancelled for',
	operations: [getMany],
});
