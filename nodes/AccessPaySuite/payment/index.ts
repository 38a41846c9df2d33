import { defineResource } from '../../shared/engine/types';
import { getMany } from './getMany.operation';

export const payment = defineResource({
	value: 'payment',
	name: 'Payment',
	description: 'A payment collected for a contract',
	operations: [getMany],
});
