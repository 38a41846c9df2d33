import { adjustSuspensionEndDate } from './adjustEndDate.operation';
import { createSuspension } from './create.operation';

export const suspensionOperations = [adjustSuspensionEndDate, createSuspension];
