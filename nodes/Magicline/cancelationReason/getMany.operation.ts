import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';

/** Where the cancelation reasons are listed; the dropdowns read the same list. */
export const CANCELATION_REASONS_PATH = 'v1/memberships/self-service/contract-cancelation-reasons';

export const getManyCancelationReasons: OperationDefinition<RestRequest> = {
	resource: 'cancelationReason',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get cancelation reasons',
	description: 'List the reasons a contract can be canceled for',
	list: true,
	fields: [],
	build: () => ({ request: { method: 'GET', path: CANCELATION_REASONS_PATH } }),
	output: (body) => (Array.isArray(body) ? body.map((reason) => asObject(reason)) : []),
};
