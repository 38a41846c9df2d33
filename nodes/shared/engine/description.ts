import type { INodeProperties } from 'n8n-workflow';

import type { ResourceDefinition } from './types';

function showFor(resource: string, operation?: string): INodeProperties['displayOptions'] {
	return operation
		? { show: { resource: [resource], operation: [operation] } }
		: { show: { resource: [resource] } };
}

/**
 * A field shown for one operation: its own display conditions are kept and the resource and
 * operation added, as n8n's `updateDisplayOptions` does, so a field can also depend on another.
 */
function forOperation(
	field: INodeProperties,
	resource: string,
	operation: string,
): INodeProperties {
	const own = field.displayOptions ?? {};
	return {
		...field,
		displayOptions: {
			...own,
			show: { ...own.show, resource: [resource], operation: [operation] },
		},
	};
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
			default: 50, // DEFAULT_LIST_LIMIT; n8n's lint wants the literal here
			description: 'Max number of results to return',
			displayOptions: {
				show: { resource: [resource], operation: [operation], returnAll: [false] },
			},
		},
	];
}

/**
 * Settings every action node shares: retries, timeout, and the bulk-run options.
 * `defaultPerMinute` is the provider's documented limit (0 when it documents none).
 */
const MAX_RETRIES_OPTION: INodeProperties = {
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 10 },
	default: 3, // DEFAULT_TRANSPORT_OPTIONS.maxRetries; n8n's lint wants a literal here
	description:
		'How many times to try again when the provider says it is busy (429 or 503). Waits as long as the provider asks, at most 30 seconds each time. A 429 also pauses every other request with this credential for that long. 0 turns this off.',
};

const TIMEOUT_OPTION: INodeProperties = {
	displayName: 'Timeout (Ms)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 30000, // DEFAULT_TRANSPORT_OPTIONS.timeout
	description:
		'How long one request may take, in milliseconds, until the whole answer has arrived. When it runs out the item fails with category "timeout": the action may or may not have happened, so check before running the item again.',
};

/** A collection parameter: empty by default, its entries added one by one in the editor. */
function collection(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** The node's `options` collection holding these options. */
function optionsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Options', 'options', 'Add option', options);
}

/** An operation's optional fields, read as `additionalFields.<name>`. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Additional Fields', 'additionalFields', 'Add Field', options);
}

export function optionsField(defaultPerMinute: number): INodeProperties {
	return optionsCollection([
		{
			displayName: 'Max Requests per Minute',
			name: 'maxRequestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: defaultPerMinute,
			description:
				"The most requests this node starts per minute with this credential, shared with every other node and workflow using the same credential in this n8n. Spreads the requests evenly, so no minute and no second gets more than its share. 0 means no limit. In queue mode every worker keeps its own count, so set this to the provider's limit divided by the number of workers.",
		},
		MAX_RETRIES_OPTION,
		{
			displayName: 'Requests in Parallel',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 32 },
			default: 1,
			description:
				'How many items are sent to the provider at the same time (1 to 32). The output keeps the order of the input whatever the setting. Higher is faster for big runs; stay within what the provider allows.',
		},
		TIMEOUT_OPTION,
	]);
}

/**
 * The options of a trigger that registers its webhook with the provider: retries and timeout of
 * those requests (a trigger sends no items, so it has no bulk options).
 */
export function triggerOptionsField(): INodeProperties {
	return optionsCollection([
		MAX_RETRIES_OPTION,
		{
			...TIMEOUT_OPTION,
			description:
				'How long one request that registers, checks or removes the webhook may take, in milliseconds. When it runs out, activating or deactivating the workflow fails with category "timeout".',
		},
	]);
}

/**
 * The Resource and Operation dropdowns and every operation's fields, built from the resource
 * declarations so a new operation needs no change here.
 */
export function buildOperationProperties(provider: {
	resources: ReadonlyArray<ResourceDefinition<unknown, unknown>>;
	defaultMaxRequestsPerMinute?: number;
}): INodeProperties[] {
	const { resources } = provider;
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
		const firstOperation = resource.operations[0].operation;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: showFor(resource.value),
			options: resource.operations
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
	for (const resource of resources) {
		for (const operation of resource.operations) {
			for (const field of operation.fields) {
				properties.push(forOperation(field, resource.value, operation.operation));
			}
			if (operation.list) properties.push(...listFields(resource.value, operation.operation));
		}
	}
	properties.push(optionsField(provider.defaultMaxRequestsPerMinute ?? 0));
	return properties;
}
