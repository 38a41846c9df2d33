import type { IDataObject, IHookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { DEFAULT_TRANSPORT_OPTIONS, requestProvider } from '../transport/http';
import { toFailureDetails, toNodeError } from './errors';
import { lookupOperation, runOperation } from './executor';
import { ItemParameters } from './parameters';
import type {
	OperationValue,
	ProviderDefinition,
	ResourceDefinition,
	ResourceValue,
} from './types';

type Provider<TRequest, TAnswer> = ProviderDefinition<
	TRequest,
	TAnswer,
	ReadonlyArray<ResourceDefinition<TRequest, TAnswer>>
>;

/**
 * The records of an operation for a dropdown, run with the parameters currently shown in the
 * editor through the same path as an execution (validation, transport, fault reading). A failure
 * becomes the same node error an execution stops with, so the editor shows the provider's
 * message (a wrong key, say) instead of an empty list. Lists give all their records.
 */
export async function loadOperationRecords<
	TRequest,
	TAnswer,
	P extends Provider<TRequest, TAnswer>,
	R extends ResourceValue<P>,
>(
	context: ILoadOptionsFunctions,
	provider: P & Provider<TRequest, TAnswer>,
	resource: R,
	operation: OperationValue<P, R>,
): Promise<IDataObject[]> {
	const origin = { provider: provider.name, resource, operation };
	try {
		const declaration = lookupOperation(provider, resource, operation);
		if (!declaration) throw new Error(`No operation ${resource}/${operation}`);
		const parameters = new ItemParameters((name) =>
			name === 'returnAll' ? true : context.getCurrentNodeParameter(name),
		);
		return await runOperation(
			context,
			provider,
			declaration,
			parameters,
			DEFAULT_TRANSPORT_OPTIONS,
		);
	} catch (error) {
		throw toNodeError(context.getNode(), toFailureDetails(error), origin);
	}
}

/**
 * One provider request outside an execution (a webhook registration) through the same transport,
 * fault reading and node error as the operations.
 */
export async function callProvider<TRequest, TAnswer>(
	context: IHookFunctions,
	provider: ProviderDefinition<TRequest, TAnswer>,
	origin: { resource: string; operation: string },
	buildRequest: () => TRequest,
): Promise<TAnswer> {
	try {
		return await requestProvider(context, provider, buildRequest(), DEFAULT_TRANSPORT_OPTIONS);
	} catch (error) {
		throw toNodeError(context.getNode(), toFailureDetails(error), {
			provider: provider.name,
			...origin,
		});
	}
}
