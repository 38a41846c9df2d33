import { contractAction } from './action';

export const cancelSchedule = contractAction({
	operation: 'cancelSchedule',
	name: 'Cancel Schedule',
	action: 'Cancel a contract schedule',
	description:
		'Stop all future payments of a contract schedule (it becomes Terminated). Needs the contract ID.',
	route: 'POST contract/{contractId}/cancelSchedule',
});
