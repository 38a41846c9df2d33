import { asObject } from '../../shared/rest';
import type { RestRequest } from '../../shared/rest';
import type { OperationDefinition } from '../../shared/types';
import { recordsOf } from '../message';

export const getManySchedules: OperationDefinition<RestRequest> = {
	resource: 'schedule',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get the schedules of the client account',
	description: 'List every payment schedule of every service of your client account',
	list: true,
	fields: [],
	build: () => ({ request: { method: 'GET', path: 'schedules' } }),
	// INFERRED shape {"Services":[{"Name","Schedules":[…]}]}: one item per schedule across services.
	output: (body) =>
		recordsOf(body, 'Services').flatMap((service) => recordsOf(asObject(service), 'Schedules')),
};
