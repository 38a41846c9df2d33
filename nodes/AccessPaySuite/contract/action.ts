import type { IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/parameters';
import { pathSegment } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { accessPaySuiteMessage } from '../message';
import { contractIdField, readContractId } from './fields';

interface ContractActionSpec
	extends Pick<OperationDefinition<RestRequest>, 'operation' | 'name' | 'action' | 'description'> {
	method: IHttpRequestMethods;
	/** The last path segment, after `contract/{contractId}/`. */
	endpoint: string;
	fields?: INodeProperties[];
	/** Query parameters (DDCMS takes them on POST and PATCH too, with no body). */
	query?: (parameters: ItemParameters) => Record<string, string | undefined>;
}

/**
 * A DDCMS action on one contract: `{method} contract/{contractId}/{endpoint}[?query]`, no body,
 * answered with a text; every such action outputs `{ success, contractId, message }`.
 */
export function contractAction(spec: ContractActionSpec): OperationDefinition<RestRequest> {
	const { method, endpoint, fields = [], query, ...labels } = spec;
	return {
		resource: 'contract',
		...labels,
		fields: [contractIdField, ...fields],
		build(parameters) {
			const contractId = readContractId(parameters);
			return {
				request: {
					method,
					path: `contract/${pathSegment(contractId)}/${endpoint}`,
					query: query?.(parameters),
				},
				echo: { contractId },
			};
		},
		output: (body, echo) => ({
			success: true,
			contractId: echo.contractId,
			message: accessPaySuiteMessage(body),
		}),
	};
}
