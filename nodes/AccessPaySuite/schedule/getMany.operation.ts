import { asObject, rest, restOperation } from '../../shared/wire/rest';
import { recordsOf } from '../message';

export const getMany = restOperation({
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get the schedules of the client account',
	description:
		'List every payment schedule of every service of your client account, one item per schedule. Needs no input.',
	list: true,
	fields: [],
	build: () => ({ request: rest('GET schedules', {}) }),
	// INFERRED shape {"Services":[{"Name","Schedules":[…]}]}: one item per schedule across services.
	output: (answer) =>
		recordsOf(answer, 'Services').flatMap((service) => recordsOf(asObject(service), 'Schedules')),
});
