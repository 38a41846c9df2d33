import { pathSegment } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { accessPaySuiteMessage } from '../message';
import { contractIdField, readContractId } from './fields';

export const cancelSchedule: OperationDefinition<RestRequest> = {
	resource: 'contract',
	operation: 'cancelSchedule',
	name: 'Cancel Schedule',
	action: 'Cancel a contract schedule',
	description: 'Stop all future payments of a contract schedule (it becomes Terminated)',
	fields: [contractIdField],
	build(parameters) {
		const contractId = readContractId(parameters);
		return {
			request: { method: 'POST', path: `contract/${pathSegment(contractId)}/cancelSchedule` },
			echo: { contractId },
		};
	},
	output: (body, echo) => ({ success: true, contractId: echo.contractId, message: accessPaySuiteMessage(body) }),
};
