import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

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
 * How many items the read-ahead reads per timer tick: one for every 8 in flight. Measured with
 * `npm run bench`: at 8 in flight one per tick kept a burst of answers from waiting behind the
 * reading; at 32 a tick (1 ms or more) per item could not keep up and the workers read the items
 * themselves.
 */
function readAheadPerTick(concurrency: number): number {
	return Math.ceil(concurrency / 8);
}

/** One item's work, its parameters already read: calling it sends and gives the result. */
type PreparedItem<T> = () => Promise<T>;

/**
 * Runs every item index, at most `concurrency` at a time, and returns the results in input order
 * whatever order they finish in. `prepare` reads an item's parameters (and must not throw); what
 * it returns sends. Once `stopped()` is true no new item starts; items already running finish.
 * Only the results are held, so memory follows the output.
 *
 * While requests are in flight the next items (up to `concurrency` ahead) are prepared, so that
 * each answer is followed at once by the next request. Reading an item's parameters is most of
 * its CPU (n8n's expression engine); done as each answer came in, a burst of answers would each
 * wait for the others' parameter reading before the next request went out. The read-ahead runs
 * in timer ticks, so answers that arrived together first start every request that is ready.
 * A prepared item that never starts (stop, cancel) has sent nothing.
 */
async function forEachItem<T>(
	count: number,
	concurrency: number,
	prepare: (itemIndex: number) => PreparedItem<T>,
	stopped: () => boolean,
): Promise<Array<T | undefined>> {
	const results = new Array<T | undefined>(count);
	const readAhead = new Map<number, PreparedItem<T>>();
	let next = 0;
	let preparedUpTo = 0;
	let readingAhead = false;
	const wanted = () => preparedUpTo < Math.min(count, next + concurrency) && !stopped();
	const perTick = readAheadPerTick(concurrency);
	const prepareAhead = async () => {
		if (readingAhead) return;
		readingAhead = true;
		// A few items per timer tick: answers that arrive meanwhile go out between two readings.
		while (wanted()) {
			await sleep(0);
			for (let read = 0; read < perTick && wanted(); read++) {
				readAhead.set(preparedUpTo, prepare(preparedUpTo));
				preparedUpTo++;
			}
		}
		readingAhead = false;
	};
	const take = (itemIndex: number): PreparedItem<T> => {
		const prepared = readAhead.get(itemIndex);
		if (prepared) {
			readAhead.delete(itemIndex);
			return prepared;
		}
		preparedUpTo = Math.max(preparedUpTo, itemIndex + 1);
		return prepare(itemIndex);
	};
	const worker = async () => {
		while (next < count && !stopped()) {
			const itemIndex = next++;
			const running = take(itemIndex)();
			void prepareAhead();
			results[itemIndex] = await running;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	readAhead.clear();
	return results;
}

/** Whether a parameter value holds an n8n expression anywhere (`=…` text). */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/** The bulk options in a node's `options` collection: how many in flight, and the pace. */
function bulkOptionsOf(options: ItemParameters, provider: AnyProvider) {
	return {
		concurrency: options.integer('concurrency', 1, MAX_CONCURRENCY) ?? 1,
		maxRequestsPerMinute:
			options.integer('maxRequestsPerMinute', 0, Number.MAX_SAFE_INTEGER) ??
			provider.defaultMaxRequestsPerMinute ??
			0,
	};
}

/** The transport options in a node's `options` collection (a bad bulk option fails here too). */
function transportOptionsOf(options: ItemParameters, provider: AnyProvider): TransportOptions {
	return {
		maxRetries: options.integer('maxRetries', 0, 10) ?? DEFAULT_TRANSPORT_OPTIONS.maxRetries,
		timeout: options.integer('timeout', 1, 600000) ?? DEFAULT_TRANSPORT_OPTIONS.timeout,
		maxRequestsPerMinute: bulkOptionsOf(options, provider).maxRequestsPerMinute,
	};
}

/** The transport options of one item (or of a dropdown, from the options shown in the editor). */
export function readTransportOptions(
	parameters: ItemParameters,
	provider: AnyProvider,
): TransportOptions {
	// Read once: with expressions in it, each read evaluates every one of them.
	return transportOptionsOf(parameters.collection('options'), provider);
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

/** Sends one request of an operation through the shared transport. */
type Send<TRequest, TAnswer> = (request: TRequest) => Promise<TAnswer>;

/**
 * One operation for one set of parameters, in two steps: this reads and validates every
 * parameter now (so a bad item is refused before anything is sent); the function it returns
 * sends the request(s) and makes the output records.
 */
export function prepareOperation<TRequest, TAnswer>(
	operation: OperationDefinition<TRequest, TAnswer>,
	parameters: ItemParameters,
): (send: Send<TRequest, TAnswer>) => Promise<IDataObject[]> {
	if ('run' in operation) {
		// A sequence reads its parameters as it goes: each request may depend on the last answer.
		const limit = operation.list ? parameters.listLimit() : undefined;
		return async (send) => records(await operation.run(parameters, send), limit);
	}
	const { request, echo = {} } = operation.build(parameters);
	const limit = operation.list ? parameters.listLimit() : undefined;
	return async (send) => records(operation.output(await send(request), echo), limit);
}

/** The output records of an answer, refused when a 2xx is shaped like an error item. */
function records(output: IDataObject | IDataObject[], limit: number | undefined): IDataObject[] {
	const list = Array.isArray(output) ? output : [output];
	const errorShaped = list.find(looksLikeErrorItem);
	if (errorShaped) throw errorShapedAnswer(errorShaped);
	return limit === undefined ? list : list.slice(0, limit);
}

/**
 * One operation for one set of parameters: validation, every request through the shared
 * transport (retries, timeout, fault reading), then the output records. Dropdowns run it for the
 * parameters shown in the editor; the executor runs its two steps per item.
 */
export async function runOperation<TRequest, TAnswer>(
	context: RequestContext,
	provider: ProviderDefinition<TRequest, TAnswer>,
	operation: OperationDefinition<TRequest, TAnswer>,
	parameters: ItemParameters,
	transport: TransportOptions,
): Promise<IDataObject[]> {
	return await prepareOperation(
		operation,
		parameters,
	)(async (request) => await requestProvider(context, provider, request, transport));
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
		const firstOptions = ItemParameters.forItem(this, 0).collection('options');
		concurrency = bulkOptionsOf(firstOptions, provider).concurrency;
		// Options without an expression are the same for every item: read once, not per item.
		if (!hasExpression(this.getNode().parameters.options)) {
			sameOptions = transportOptionsOf(firstOptions, provider);
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

	const failed = (itemIndex: number, error: unknown): INodeExecutionData[] => {
		if (error instanceof CancelledError) return [];
		const failure = toFailureDetails(error);
		if (continueOnFail) {
			return [{ json: { error: errorObject(failure, origin) }, pairedItem: { item: itemIndex } }];
		}
		// Stop mode: no new item starts; the lowest failed item's error is thrown at the end.
		if (!firstFailure || itemIndex < firstFailure.itemIndex) {
			firstFailure = {
				itemIndex,
				error: toNodeError(this.getNode(), failure, origin, itemIndex),
			};
		}
		return [];
	};
	const prepareItem = (itemIndex: number): PreparedItem<INodeExecutionData[]> => {
		let options: TransportOptions;
		let send: ReturnType<typeof prepareOperation>;
		try {
			if (!operation) throw missingOperation(resource, operationName);
			const parameters = ItemParameters.forItem(this, itemIndex);
			options = sameOptions ?? readTransportOptions(parameters, provider);
			send = prepareOperation(operation, parameters);
		} catch (error) {
			// A bad item fails in its turn, as if read then: the order of failures stays the input's.
			return async () => failed(itemIndex, error);
		}
		return async () => {
			try {
				const transport = { ...options, cancelSignal, credentials: await resolveCredentials() };
				const output = await send(
					async (request) => await requestProvider(this, provider, request, transport, itemIndex),
				);
				const pairedItem = { item: itemIndex };
				return output.map((json) => ({ json, pairedItem }));
			} catch (error) {
				return failed(itemIndex, error);
			}
		};
	};

	const perItem = await forEachItem(
		items.length,
		concurrency,
		prepareItem,
		() => firstFailure !== undefined || cancelSignal?.aborted === true,
	);
	if (firstFailure) throw firstFailure.error;
	// After a cancel the items answered before it are returned (what was done is visible in the
	// execution) and n8n marks the execution cancelled; requests cut off by it give no item.
	return [perItem.flatMap((records) => records ?? [])];
}
