import { defineResource } from '../../shared/engine/types';
import { get } from './get.operation';

export const customer = defineResource({
	value: 'customer',
	name: 'Customer',
	description: 'A subscriber with their contact data',
	operations: [get],
});
