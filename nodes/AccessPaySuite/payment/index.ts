import { defineResource } from '../../shared/engine/types';
import { create } from './create.operation';
import { deletePayment } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const payment = defineResource({
	value: 'payment',
	name: 'Payment',
	description: 'A payment of a contract: its regular collections and one-off payments',
	operations: [getMany, create, get, update, deletePayment],
});
