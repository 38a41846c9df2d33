import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { contractIdField, customerIdField, readContractPath } from './fields';

/** The change paths of a Singula answer; `{}` (no paths) is an empty list. */
export function changePathsOf(body: unknown): Array<ReturnType<typeof asObject>> {
	const paths = asObject(body).crossgradePaths;
	return Array.isArray(paths) ? paths.map((path) => asObject(path)) : [];
}

export const getChangePaths: OperationDefinition<RestRequest> = {
	resource: 'contract',
	operation: 'getChangePaths',
	name: 'Get Change Paths',
	action: 'Get the change paths of a contract',
	description:
		'List the items a contract can be upgraded, downgraded or crossgraded to, with their cost',
	fields: [customerIdField, contractIdField],
	build: (parameters) => ({
		request: { method: 'GET', path: `${readContractPath(parameters).path}/change` },
	}),
	output: (body) => changePathsOf(body),
};
