import { changeContract } from './change.operation';

export const contractOperations = [changeContract];
