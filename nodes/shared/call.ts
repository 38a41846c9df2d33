import type { IHookFunctions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toFailureDetails } from './errors';
import { DEFAULT_TRANSPORT_OPTIONS, requestProvider } from './http';
import type { ProviderDefinition } from './types';

/**
 * One provider call outside an execution (a dropdown, a webhook registration) through the same
 * transport and fault mapping as the operations, so the editor shows the provider's message (a
 * wrong key, say) instead of an empty list or a silent failure.
 */
export async function callProvider<T>(
	context: ILoadOptionsFunctions | IHookFunctions,
	provider: ProviderDefinition<T>,
	buildRequest: () => T,
): Promise<unknown> {
	try {
		return await requestProvider(context, provider, buildRequest(), DEFAULT_TRANSPORT_OPTIONS);
	} catch (error) {
		const failure = toFailureDetails(error);
		throw new NodeApiError(context.getNode(), { message: failure.message } as JsonObject, {
			message: failure.message,
			description: `[${failure.category}] ${failure.code}`,
			httpCode: failure.httpCode === null ? undefined : String(failure.httpCode),
		});
	}
}
