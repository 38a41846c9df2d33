import type { ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toFailureDetails } from './errors';
import { DEFAULT_TRANSPORT_OPTIONS, sendRequest } from './http';
import type { ProviderDefinition } from './types';

/**
 * Sends one request for a dropdown through the same transport and fault mapping as the operations,
 * so a wrong key shows the provider's message in the editor instead of an empty list.
 */
export async function fetchForDropdown<T>(
	context: ILoadOptionsFunctions,
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
		});
	}
}
