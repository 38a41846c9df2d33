import type { INodeProperties } from 'n8n-workflow';

import { toJsonText } from '../../shared/json';
import type { JsonBodyValue } from '../../shared/json';
import type { ItemParameters } from '../../shared/parameters';
import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { contractIdField, customerIdField, readContractPath } from './fields';

interface ContractActionSpec
	extends Pick<OperationDefinition<RestRequest>, 'operation' | 'name' | 'action' | 'description'> {
	/** After `customer/{customerId}/contract/{contractId}/`. */
	endpoint: string;
	fields?: INodeProperties[];
	/** The JSON body; none given means `{}`. */
	body?: (parameters: ItemParameters) => Record<string, JsonBodyValue | undefined>;
}

/**
 * A Singula POST on one contract. The body is always JSON text: n8n's request helper would drop an
 * empty object, and the API wants `{}`. Outputs `{ success, customerId, contractId }` plus the answer.
 */
export function contractAction(spec: ContractActionSpec): OperationDefinition<RestRequest> {
	const { endpoint, fields = [], body, ...labels } = spec;
	return {
		resource: 'contract',
		...labels,
		fields: [customerIdField, contractIdField, ...fields],
		build(parameters) {
			const { customerId, contractId, path } = readContractPath(parameters);
			return {
				request: {
					method: 'POST',
					path: `${path}/${endpoint}`,
					body: toJsonText(body?.(parameters) ?? {}),
				},
				echo: { customerId, contractId },
			};
		},
		output: (body, echo) => ({ ...asObject(body), success: true, ...echo }),
	};
}
