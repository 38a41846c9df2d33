import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorObject, toFailureDetails, toNodeError } from './errors';
import type { FailureOrigin } from './errors';
import { invalidParameter } from './failure';
import { DEFAULT_TRANSPORT_OPTIONS, requestProvider } from './http';
import type { TransportOptions } from './http';
import { ItemParameters } from './parameters';
import type { OperationDefinition, ProviderDefinition } from './types';

/**
 * Runs `work` for every item index and returns the results in input order. Items run one after
 * another today; bounded concurrency or a shared rate limit belongs here, not in any operation.
 */
async function forEachItem<T>(
	count: number,
	work: (itemIndex: number) => Promise<T>,
): Promise<T[]> {
	const results: T[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		results.push(await work(itemIndex));
	}
	return results;
}

function readTransportOptions(parameters: ItemParameters): TransportOptions {
	const options = parameters.collection('options');
	return {
		maxRetries: options.integer('maxRetries', 0, 10) ?? DEFAULT_TRANSPORT_OPTIONS.maxRetries,
		timeout: options.integer('timeout', 1, 600000) ?? DEFAULT_TRANSPORT_OPTIONS.timeout,
	};
}

function findOperation<T>(
	provider: ProviderDefinition<T>,
	resource: string,
	operation: string,
): OperationDefinition<T> | undefined {
	return provider.operations.find((op) => op.resource === resource && op.operation === operation);
}

/** Applies n8n's Return All / Limit convention to a list operation's records. */
function limitRecords(records: IDataObject[], parameters: ItemParameters): IDataObject[] {
	if (parameters.boolean('returnAll')) return records;
	const limit = parameters.integer('limit', 1, Number.MAX_SAFE_INTEGER) ?? 50;
	return records.slice(0, limit);
}

/**
 * The one executor behind every node: for each input item it validates the parameters, sends the
 * request (with retries and timeout), maps faults, and emits records or an error item paired to
 * the input. With "On Error" set to continue, an item's failure becomes an item `{ error }` in
 * line (or on the error output); otherwise the node stops with the same message.
 */
export async function executeOperation<T>(
	this: IExecuteFunctions,
	provider: ProviderDefinition<T>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(provider, resource, operationName);
	const origin: FailureOrigin = { provider: provider.name, resource, operation: operationName };

	const perItem = await forEachItem(
		items.length,
		async (itemIndex): Promise<INodeExecutionData[]> => {
			const pairedItem = { item: itemIndex };
			try {
				if (!operation) {
					// n8n offers "Custom API Call" for credentials with an authenticate function.
					throw invalidParameter(
						'operation',
						operationName === '__CUSTOM_API_CALL__'
							? 'is "Custom API Call": use n8n\'s HTTP Request node with this credential for calls this node does not offer'
							: `"${resource}/${operationName}" is not supported`,
					);
				}
				const parameters = ItemParameters.forItem(this, itemIndex);
				const transport = readTransportOptions(parameters);
				const { request, echo = {} } = operation.build(parameters);
				const answer = await requestProvider(this, provider, request, transport, itemIndex);
				const output = operation.output(answer, echo);
				const records = Array.isArray(output) ? output : [output];
				return (operation.list ? limitRecords(records, parameters) : records).map((json) => ({
					json,
					pairedItem,
				}));
			} catch (error) {
				const failure = toFailureDetails(error);
				if (this.continueOnFail()) {
					return [{ json: { error: errorObject(failure, origin) }, pairedItem }];
				}
				throw toNodeError(this.getNode(), failure, origin, itemIndex);
			}
		},
	);
	return [perItem.flat()];
}
