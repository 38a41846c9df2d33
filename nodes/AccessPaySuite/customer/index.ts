import { defineResource } from '../../shared/engine/types';
import { search } from './search.operation';

export const customer = defineResource({
	value: 'customer',
	name: 'Customer',
	description: 'A customer paying by Direct Debit',
	operations: [search],
});
