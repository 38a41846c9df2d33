import { invalidParameter } from '../../shared/engine/failure';
import { rest, restOperation } from '../../shared/wire/rest';
import { contractIdField, readContractId } from '../contract/fields';
import { recordsOf } from '../message';

/** DDCMS returns at most this many payments per request (`rows`). */
const MAX_ROWS = 100;

export const getMany = restOperation({
	operation: 'getMany',
	name: 'Get Many',
	action: "Get a contract's payments",
	description:
		"List a contract's most recent payments (up to 100), one item per payment. Needs the contract ID.",
	list: true,
	fields: [contractIdField],
	build(parameters) {
		const contractId = readContractId(parameters);
		// DDCMS limits the list itself: ask for as many rows as the node will return.
		const rows = parameters.listLimit() ?? MAX_ROWS;
		if (rows > MAX_ROWS) {
			throw invalidParameter(
				'limit',
				`must be at most ${MAX_ROWS}: DDCMS returns up to ${MAX_ROWS} payments`,
			);
		}
		return {
			request: rest(
				'GET contract/{contractId}/payment',
				{ contractId },
				{ query: { rows: String(rows) } },
			),
		};
	},
	output: (answer) => recordsOf(answer, 'Payments'),
});
