import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/engine/parameters';
import { toJsonText } from '../../shared/wire/json';
import type { JsonBodyValue } from '../../shared/wire/json';
import { actionItem, rest, restOperation } from '../../shared/wire/rest';
import { contractIdField, customerIdField, readContractIds } from './fields';

type ContractActionRoute = `POST customer/{customerId}/contract/{contractId}/${string}`;

interface ContractActionSpec<TOperation extends string> {
	operation: TOperation;
	name: string;
	action: string;
	description: string;
	route: ContractActionRoute;
	fields?: INodeProperties[];
	/** The JSON body; none given means `{}`. */
	body?: (parameters: ItemParameters) => Record<string, JsonBodyValue | undefined>;
}

/**
 * A Singula POST on one contract. The body is always JSON text: n8n's request helper would drop an
 * empty object, and the API wants `{}`. Outputs `{ success, customerId, contractId }` plus the answer.
 */
export function contractAction<const TOperation extends string>(
	spec: ContractActionSpec<TOperation>,
) {
	const { route, fields = [], body, ...labels } = spec;
	return restOperation({
		...labels,
		fields: [customerIdField, contractIdField, ...fields],
		build(parameters) {
			const ids = readContractIds(parameters);
			return {
				request: rest(route, ids, { body: toJsonText(body?.(parameters) ?? {}) }),
				echo: ids,
			};
		},
		output: actionItem,
	});
}
