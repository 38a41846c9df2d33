import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/engine/parameters';
import type { HttpMethod } from '../../shared/transport/route';
import { messageAction } from '../action';
import { contractIdField, readContractId } from './fields';

interface ContractActionSpec<TOperation extends string> {
	operation: TOperation;
	name: string;
	action: string;
	description: string;
	route: `${HttpMethod} contract/{contractId}/${string}`;
	fields?: INodeProperties[];
	/** Query parameters (DDCMS takes them on POST and PATCH too, with no body). */
	query?: (parameters: ItemParameters) => Record<string, string | undefined>;
}

/**
 * A DDCMS action on one contract: its route under `contract/{contractId}/`, an optional query, no
 * body, answered with a text; every such action outputs `{ success, contractId, message }`.
 */
export function contractAction<const TOperation extends string>(
	spec: ContractActionSpec<TOperation>,
) {
	const { fields = [], ...rest } = spec;
	return messageAction({
		...rest,
		fields: [contractIdField, ...fields],
		ids: (parameters) => ({ contractId: readContractId(parameters) }),
	});
}
