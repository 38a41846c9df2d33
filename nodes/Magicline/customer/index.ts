import { defineResource } from '../../shared/engine/types';
import { create } from './create.operation';
import { get } from './get.operation';
import { search } from './search.operation';

export const customer = defineResource({
	value: 'customer',
	name: 'Customer',
	description: 'A member or prospect of the studio',
	operations: [get, search, create],
});
