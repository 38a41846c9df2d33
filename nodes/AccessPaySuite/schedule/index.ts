import { defineResource } from '../../shared/engine/types';
import { getMany } from './getMany.operation';

export const schedule = defineResource({
	value: 'schedule',
	name: 'Schedule',
	description: 'A payment schedule of your client account',
	operations: [getMany],
});
