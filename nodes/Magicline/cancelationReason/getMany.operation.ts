import { asObject, rest, restOperation } from '../../shared/wire/rest';

export const getMany = restOperation({
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get cancelation reasons',
	description:
		'List the reasons a contract can be cancelled for in this studio, one item per reason with its ID and name. Needs no input.',
	list: true,
	fields: [],
	build: () => ({
		request: rest('GET v1/memberships/self-service/contract-cancelation-reasons', {}),
	}),
	output: (answer) => (Array.isArray(answer) ? answer.map((reason) => asObject(reason)) : []),
});
