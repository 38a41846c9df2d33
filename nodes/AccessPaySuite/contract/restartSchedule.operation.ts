import { pathSegment } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { accessPaySuiteMessage } from '../message';
import { contractIdField, readContractId } from './fields';

export const restartSchedule: OperationDefinition<RestRequest> = {
	resource: 'contract',
	operation: 'restartSchedule',
	name: 'Restart Schedule',
	action: 'Restart a contract schedule',
	description: 'Resume payments of a Terminated contract schedule (it becomes Active)',
	fields: [
		contractIdField,
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
			description: 'Optional note stored with the restart',
		},
	],
	build(parameters) {
		const contractId = readContractId(parameters);
		return {
			request: {
				method: 'POST',
				path: `contract/${pathSegment(contractId)}/restartSchedule`,
				query: { comment: parameters.optionalText('comment') },
			},
			echo: { contractId },
		};
	},
	output: (body, echo) => ({ success: true, contractId: echo.contractId, message: accessPaySuiteMessage(body) }),
};
