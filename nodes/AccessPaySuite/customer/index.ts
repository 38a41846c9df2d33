import { defineResource } from '../../shared/engine/types';
import { create } from './create.operation';
import { get } from './get.operation';
import { search } from './search.operation';
import { update } from './update.operation';
import { upsert } from './upsert.operation';

export const customer = defineResource({
	value: 'customer',
	name: 'Customer',
	description: 'A customer paying by Direct Debit',
	operations: [search, get, create, update, upsert],
});
