import type { IHookFunctions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toFailureDetails } from './errors';
import { DEFAULT_TRANSPORT_OPTIONS, sendRequest } from './http';
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
		const request = buildRequest();
		const credentials = await context.getCredentials(provider.credentialType);
		const response = await sendRequest(
			context,
			provider.credentialType,
			provider.toHttpRequest(request, credentials),
			DEFAULT_TRANSPORT_OPTIONS,
		);
		return provider.readResponse(response);
	} catch (error) {
		const failure = toFailureDetails(error);
		throw new NodeApiError(context.getNode(), { message: failure.message } as JsonObject, {
			message: failure.message,
			description: `[${failure.category}] ${failure.code}`,
			httpCode: failure.httpCode === null ? undefined : String(failure.httpCode),
		});
	}
}
