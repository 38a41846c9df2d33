import type { IDataObject } from 'n8n-workflow';

import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { contractIdField, customerIdField, readContractIds } from './fields';

/** The change paths of a Singula answer; `{}` (no paths) is an empty list. */
function changePathsOf(answer: unknown): IDataObject[] {
	const paths = asObject(answer).crossgradePaths;
	return Array.isArray(paths) ? paths.map((path) => asObject(path)) : [];
}

export const getChangePaths = restOperation({
	operation: 'getChangePaths',
	name: 'Get Change Paths',
	action: 'Get the change paths of a contract',
	description:
		'List the items a contract can be upgraded, downgraded or crossgraded to, one item per path with its item code and cost. Needs the customer ID and the contract ID.',
	fields: [customerIdField, contractIdField],
	build: (parameters) => ({
		request: rest(
			'GET customer/{customerId}/contract/{contractId}/change',
			readContractIds(parameters),
		),
	}),
	output: changePathsOf,
});
