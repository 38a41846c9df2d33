import { getManySchedules } from './getMany.operation';

export const scheduleOperations = [getManySchedules];
