import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { signedWithHeaders, trimTrailingSlashes } from './url';
import type { SignableRequest } from './url';

/** A request signed with the Magicline credential: header `X-API-KEY`. */
export function signMagiclineRequest<T extends SignableRequest>(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: T,
) {
	return signedWithHeaders(
		requestOptions,
		trimTrailingSlashes(String(credentials.baseUrl ?? '')),
		() => ({
			'X-API-KEY': String(credentials.apiKey ?? ''),
		}),
	);
}
