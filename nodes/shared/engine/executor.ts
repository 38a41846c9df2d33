import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_TRANSPORT_OPTIONS, requestProvider } from '../transport/http';
import { CancelledError } from '../transport/sleep';
import type { RequestContext, TransportOptions } from '../transport/http';
import { errorObject, toFailureDetails, toNodeError } from './errors';
import type { FailureOrigin } from './errors';
import { invalidParameter, ItemFailure } from './failure';
import { ItemParameters } from './parameters';
import type { OperationDefinition, ProviderDefinition } from './types';

// Providers of every wire format go through the same executor.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProvider = ProviderDefinition<any, any>;

/** The most requests one node may hold in flight (`options.concurrency`). */
export const MAX_CONCURRENCY = 32;

/**
 * Runs `work` for every item index, at most `concurrency` at a time, and returns the results in
 * input order whatever order they finish in. Once `stopped()` is true no new item starts; items
 * already running finish. Only the results are held, so memory follows the output.
 */
async function forEachItem<T>(
	count: number,
	concurrency: number,
	work: (itemIndex: number) => Promise<T>,
	stopped: () => boolean,
): Promise<Array<T | undefined>> {
	const results = new Array<T | undefined>(count);
	let next = 0;
	const worker = async () => {
		while (next < count && !stopped()) {
			const itemIndex = next++;
			results[itemIndex] = await work(itemIndex);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return results;
}

/** Whether a parameter value holds an n8n expression anywhere (`=…` text). */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/** The options every item shares: how many in flight, and the pace. Read from the first item. */
function readBulkOptions(parameters: ItemParameters, provider: AnyProvider) {
	const options = parameters.collection('options');
	return {
		concurrency: options.integer('concurrency', 1, MAX_CONCURRENCY) ?? 1,
		maxRequestsPerMinute:
			options.integer('maxRequestsPerMinute', 0, Number.MAX_SAFE_INTEGER) ??
			provider.defaultMaxRequestsPerMinute ??
			0,
	};
}

/** The transport options of one item (or of a dropdown, from the options shown in the editor). */
export function readTransportOptions(
	parameters: ItemParameters,
	provider: AnyProvider,
): TransportOptions {
	const options = parameters.collection('options');
	return {
		maxRetries: options.integer('maxRetries', 0, 10) ?? DEFAULT_TRANSPORT_OPTIONS.maxRetries,
		timeout: options.integer('timeout', 1, 600000) ?? DEFAULT_TRANSPORT_OPTIONS.timeout,
		maxRequestsPerMinute: readBulkOptions(parameters, provider).maxRequestsPerMinute,
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
	const errorShaped = records.find(looksLikeErrorItem);
	if (errorShaped) throw errorShapedAnswer(errorShaped);
	if (!operation.list) return records;
	const limit = parameters.listLimit();
	return limit === undefined ? records : records.slice(0, limit);
}

/**
 * A record n8n would take for an error item and send down the error output (its keys are only
 * error, message and details). A 2xx that looks like that is not the provider's success.
 */
function looksLikeErrorItem(record: IDataObject): boolean {
	return (
		Boolean(record.error) &&
		Object.keys(record).every((key) => ['error', 'message', 'details'].includes(key))
	);
}

function errorShapedAnswer(record: IDataObject): ItemFailure {
	const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
	return new ItemFailure({
		message: `The provider answered with success but sent an error: ${text(record.message ?? record.error)}`,
		description: record.message === undefined ? null : text(record.error),
		code: 'UNKNOWN',
		category: 'provider_error',
	});
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
	const continueOnFail = this.continueOnFail();
	const cancelSignal = this.getExecutionCancelSignal?.();
	let concurrency = 1;
	let sameOptions: TransportOptions | undefined;
	try {
		const firstItem = ItemParameters.forItem(this, 0);
		concurrency = readBulkOptions(firstItem, provider).concurrency;
		// Options without an expression are the same for every item: read once, not per item.
		if (!hasExpression(this.getNode().parameters.options)) {
			sameOptions = readTransportOptions(firstItem, provider);
		}
	} catch {
		// A bad option is reported by each item, one at a time, like any bad parameter.
	}
	// Resolved once, as n8n's request helper does, not once per item.
	let credentials: Promise<ICredentialDataDecryptedObject> | undefined;
	const resolveCredentials = async () =>
		await (credentials ??= this.getCredentials<ICredentialDataDecryptedObject>(
			provider.credentialType,
		));
	let firstFailure: { itemIndex: number; error: Error } | undefined;

	const perItem = await forEachItem(
		items.length,
		concurrency,
		async (itemIndex): Promise<INodeExecutionData[]> => {
			const pairedItem = { item: itemIndex };
			try {
				if (!operation) throw missingOperation(resource, operationName);
				const parameters = ItemParameters.forItem(this, itemIndex);
				const transport = {
					...(sameOptions ?? readTransportOptions(parameters, provider)),
					cancelSignal,
					credentials: await resolveCredentials(),
				};
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
				if (error instanceof CancelledError) return [];
				const failure = toFailureDetails(error);
				if (continueOnFail) {
					return [{ json: { error: errorObject(failure, origin) }, pairedItem }];
				}
				// Stop mode: no new item starts; the lowest failed item's error is thrown at the end.
				if (!firstFailure || itemIndex < firstFailure.itemIndex) {
					firstFailure = {
						itemIndex,
						error: toNodeError(this.getNode(), failure, origin, itemIndex),
					};
				}
				return [];
			}
		},
		() => firstFailure !== undefined || cancelSignal?.aborted === true,
	);
	if (firstFailure) throw firstFailure.error;
	if (cancelSignal?.aborted) {
		throw new NodeOperationError(this.getNode(), 'The execution was cancelled', {
			description: 'Requests already sent finished; no further request was started.',
		});
	}
	return [perItem.flatMap((records) => records ?? [])];
}
