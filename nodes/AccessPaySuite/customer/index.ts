import { searchCustomers } from './search.operation';

export const customerOperations = [searchCustomers];
