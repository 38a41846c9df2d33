import { cancelAccount } from './cancel.operation';
import { getAccount } from './get.operation';

export const accountOperations = [cancelAccount, getAccount];
