import { adjustSuspensionEndDate } from './adjustEndDate.operation';

export const suspensionOperations = [adjustSuspensionEndDate];
