import type { IDataObject, IHookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { requestProvider } from '../transport/http';
import { toFailureDetails, toNodeError } from './errors';
import { lookupOperation, readTransportOptions, runOperation } from './executor';
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
		// Dropdown calls take part in the credential's pace, as the node's options set it.
		const transport = readTransportOptions(parameters, provider);
		return await runOperation(context, provider, declaration, parameters, transport);
	} catch (error) {
		throw toNodeError(context.getNode(), toFailureDetails(error), origin);
	}
}

/**
 * One provider request outside an execution (a webhook registration) through the same transport,
 * fault reading and node error as the operations, with the node's retries and timeout options.
 */
export async function callProvider<TRequest, TAnswer>(
	context: IHookFunctions,
	provider: ProviderDefinition<TRequest, TAnswer>,
	origin: { resource: string; operation: string },
	buildRequest: () => TRequest,
): Promise<TAnswer> {
	try {
		const parameters = new ItemParameters((name) => context.getNodeParameter(name, ''));
		const transport = readTransportOptions(parameters, provider);
		return await requestProvider(context, provider, buildRequest(), transport);
	} catch (error) {
		throw toNodeError(context.getNode(), toFailureDetails(error), {
			provider: provider.name,
			...origin,
		});
	}
}
