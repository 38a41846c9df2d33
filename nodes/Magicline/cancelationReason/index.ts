import { getManyCancelationReasons } from './getMany.operation';

export const cancelationReasonOperations = [getManyCancelationReasons];
