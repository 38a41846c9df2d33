import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { guardRequest, trimTrailingSlashes } from './url';
import type { SignableRequest } from './url';

/** A request signed with the Magicline credential: header `X-API-KEY`. */
export function signMagiclineRequest<T extends SignableRequest>(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: T,
): T & { disableFollowRedirect: true } {
	const guarded = guardRequest(
		requestOptions,
		trimTrailingSlashes(String(credentials.baseUrl ?? '')),
	);
	return {
		...guarded,
		headers: { ...guarded.headers, 'X-API-KEY': String(credentials.apiKey ?? '') },
	};
}
