import { defineResource } from '../../shared/engine/types';
import { adjustEndDate } from './adjustEndDate.operation';
import { create } from './create.operation';

export const suspension = defineResource({
	value: 'suspension',
	name: 'Suspension',
	description: 'A pause of the payments of an account',
	operations: [adjustEndDate, create],
});
