import { cancelSchedule } from './cancelSchedule.operation';
import { restartSchedule } from './restartSchedule.operation';

export const contractOperations = [cancelSchedule, restartSchedule];
