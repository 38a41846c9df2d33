import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../shared/engine/parameters';
import type { Route, RouteParameters } from '../shared/transport/route';
import { rest, restOperation } from '../shared/wire/rest';
import { accessPaySuiteMessage } from './message';

interface MessageActionSpec<TOperation extends string, R extends Route> {
	operation: TOperation;
	name: string;
	action: string;
	description: string;
	route: R;
	fields: INodeProperties[];
	/** The validated IDs the route names; they are echoed in the output item. */
	ids: (parameters: ItemParameters) => Readonly<Record<RouteParameters<R>, string>>;
	/** Query parameters (DDCMS takes them on POST, PATCH and DELETE too, with no body). */
	query?: (parameters: ItemParameters) => Record<string, string | undefined>;
}

/**
 * A DDCMS action answered with a text: no body, an optional query, and the output
 * `{ success: true, <the IDs>, message }`.
 */
export function messageAction<const TOperation extends string, const R extends Route>(
	spec: MessageActionSpec<TOperation, R>,
) {
	const { route, ids, query, ...labels } = spec;
	return restOperation({
		...labels,
		build(parameters) {
			const given = ids(parameters);
			return {
				request: rest(route, given, { query: query?.(parameters) }),
				echo: { ...given },
			};
		},
		output: (answer, echo) => ({ success: true, ...echo, message: accessPaySuiteMessage(answer) }),
	});
}
