import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_TRANSPORT_OPTIONS, requestProvider } from '../transport/http';
import type { RequestContext, TransportOptions } from '../transport/http';
import { errorObject, toFailureDetails, toNodeError } from './errors';
import type { FailureOrigin } from './errors';
import { invalidParameter } from './failure';
import { ItemParameters } from './parameters';
import type { OperationDefinition, ProviderDefinition } from './types';

// Providers of every wire format go through the same executor.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProvider = ProviderDefinition<any, any>;

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

/** The declaration of `resource`/`operation`, or undefined when the node offers none. */
export function lookupOperation<TRequest, TAnswer>(
	provider: ProviderDefinition<TRequest, TAnswer>,
	resource: string,
	operation: string,
): OperationDefinition<TRequest, TAnswer> | undefined {
	return provider.resources
		.find((candidate) => candidate.value === resource)
		?.operations.find((candidate) => candidate.operation === operation);
}

/**
 * One operation for one set of parameters: validation, every request through the shared
 * transport (retries, timeout, fault reading), then the output records. The executor runs it per
 * item; dropdowns run it for the parameters shown in the editor.
 */
export async function runOperation<TRequest, TAnswer>(
	context: RequestContext,
	provider: ProviderDefinition<TRequest, TAnswer>,
	operation: OperationDefinition<TRequest, TAnswer>,
	parameters: ItemParameters,
	transport: TransportOptions,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const send = async (request: TRequest) =>
		await requestProvider(context, provider, request, transport, itemIndex);
	let output;
	if ('run' in operation) {
		output = await operation.run(parameters, send);
	} else {
		const { request, echo = {} } = operation.build(parameters);
		output = operation.output(await send(request), echo);
	}
	const records = Array.isArray(output) ? output : [output];
	if (!operation.list) return records;
	const limit = parameters.listLimit();
	return limit === undefined ? records : records.slice(0, limit);
}

function missingOperation(resource: string, operation: string) {
	// n8n offers "Custom API Call" for credentials with an authenticate function.
	return invalidParameter(
		'operation',
		operation === '__CUSTOM_API_CALL__'
			? 'is "Custom API Call": use n8n\'s HTTP Request node with this credential for calls this node does not offer'
			: `"${resource}/${operation}" is not supported`,
	);
}

/**
 * The one executor behind every node: for each input item it validates the parameters, sends the
 * request(s) (with retries and timeout), maps faults, and emits records or an error item paired to
 * the input. With "On Error" set to continue, an item's failure becomes an item `{ error }` in
 * line (or on the error output); otherwise the node stops with the same message.
 */
export async function executeOperation(
	this: IExecuteFunctions,
	provider: AnyProvider,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = lookupOperation(provider, resource, operationName);
	const origin: FailureOrigin = { provider: provider.name, resource, operation: operationName };

	const perItem = await forEachItem(
		items.length,
		async (itemIndex): Promise<INodeExecutionData[]> => {
			const pairedItem = { item: itemIndex };
			try {
				if (!operation) throw missingOperation(resource, operationName);
				const parameters = ItemParameters.forItem(this, itemIndex);
				const transport = readTransportOptions(parameters);
				const records = await runOperation(
					this,
					provider,
					operation,
					parameters,
					transport,
					itemIndex,
				);
				return records.map((json) => ({ json, pairedItem }));
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
