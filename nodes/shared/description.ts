import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from './types';

function showFor(resource: string, operation?: string): INodeProperties['displayOptions'] {
	return operation
		? { show: { resource: [resource], operation: [operation] } }
		: { show: { resource: [resource] } };
}

function listFields(resource: string, operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(resource, operation),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: {
				show: { resource: [resource], operation: [operation], returnAll: [false] },
			},
		},
	];
}

/** Settings every node shares: automatic retries and the request timeout. */
export const transportOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3, // DEFAULT_TRANSPORT_OPTIONS.maxRetries; n8n's lint wants a literal here
			description:
				'How many times to try again when the provider says it is busy (429 or 503). Waits as long as the provider asks, at most 30 seconds each time. 0 turns this off.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30000, // DEFAULT_TRANSPORT_OPTIONS.timeout
			description:
				'How long to wait for the provider to answer, in milliseconds. When it runs out the item fails with category "timeout": the action may or may not have happened.',
		},
	],
};

/**
 * The Resource and Operation dropdowns and every operation's fields, built from the operation
 * declarations so a new operation needs no change here.
 */
export function buildOperationProperties<T>(
	resources: ResourceDefinition[],
	operations: Array<OperationDefinition<T>>,
): INodeProperties[] {
	const firstResource = resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value, description }) => ({ name, value, description })),
			default: firstResource,
		},
	];
	for (const resource of resources) {
		const own = operations.filter((operation) => operation.resource === resource.value);
		const firstOperation = own[0].operation;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: showFor(resource.value),
			options: own
				.map(({ name, operation, action, description }) => ({
					name,
					value: operation,
					action,
					description,
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: firstOperation,
		});
	}
	for (const operation of operations) {
		for (const field of operation.fields) {
			properties.push({
				...field,
				displayOptions: showFor(operation.resource, operation.operation),
			});
		}
		if (operation.list) properties.push(...listFields(operation.resource, operation.operation));
	}
	properties.push(transportOptionsField);
	return properties;
}
