import { contractAction } from './action';

export const restartSchedule = contractAction({
	operation: 'restartSchedule',
	name: 'Restart Schedule',
	action: 'Restart a contract schedule',
	description:
		'Resume payments of a Terminated contract schedule (it becomes Active), with an optional comment. Needs the contract ID.',
	route: 'POST contract/{contractId}/restartSchedule',
	fields: [
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
			description: 'Optional note stored with the restart',
		},
	],
	query: (parameters) => ({ comment: parameters.optionalText('comment') }),
});
