import { invalidParameter } from '../../shared/failure';
import { pathSegment } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { contractIdField, readContractId } from '../contract/fields';
import { recordsOf } from '../message';

/** DDCMS returns at most this many payments per request (`rows`). */
const MAX_ROWS = 100;

export const getManyPayments: OperationDefinition<RestRequest> = {
	resource: 'payment',
	operation: 'getMany',
	name: 'Get Many',
	action: "Get a contract's payments",
	description: 'List the most recent payments of a contract (up to 100)',
	list: true,
	fields: [contractIdField],
	build(parameters) {
		const contractId = readContractId(parameters);
		const rows = parameters.boolean('returnAll')
			? MAX_ROWS
			: (parameters.integer('limit', 1, Number.MAX_SAFE_INTEGER) ?? 50);
		if (rows > MAX_ROWS)
			throw invalidParameter(
				'limit',
				`must be at most ${MAX_ROWS}: DDCMS returns up to ${MAX_ROWS} payments`,
			);
		return {
			request: {
				method: 'GET',
				path: `contract/${pathSegment(contractId)}/payment`,
				query: { rows: String(rows) },
			},
		};
	},
	output: (body) => recordsOf(body, 'Payments'),
};
