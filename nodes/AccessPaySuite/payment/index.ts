import { getManyPayments } from './getMany.operation';

export const paymentOperations = [getManyPayments];
