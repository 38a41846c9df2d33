import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { signedWithHeaders, trimTrailingSlashes } from './url';
import type { SignableRequest } from './url';

/** DDCMS hosts (seen in the vendor's documentation). */
export const ACCESS_PAYSUITE_ENVIRONMENTS = {
	live: 'https://ddcms.accesspaysuite.com',
	sandbox: 'https://playpen.accesspaysuite.com',
} as const;

/** The host a credential points at, without a trailing slash. */
export function accessPaySuiteBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = credentials.environment as
		| keyof typeof ACCESS_PAYSUITE_ENVIRONMENTS
		| 'custom';
	if (environment === 'custom') return trimTrailingSlashes(String(credentials.baseUrl ?? ''));
	return ACCESS_PAYSUITE_ENVIRONMENTS[environment] ?? ACCESS_PAYSUITE_ENVIRONMENTS.live;
}

/** A request signed with the DDCMS credential: header `apiKey`. */
export function signAccessPaySuiteRequest<T extends SignableRequest>(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: T,
) {
	return signedWithHeaders(requestOptions, accessPaySuiteBaseUrl(credentials), () => ({
		apiKey: String(credentials.apiKey ?? ''),
	}));
}
