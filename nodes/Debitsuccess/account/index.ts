import { cancelAccount } from './cancel.operation';

export const accountOperations = [cancelAccount];
