import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { guardRequest, trimTrailingSlashes } from './url';
import type { SignableRequest } from './url';
import { escapeXml } from './xml';

/** Debitsuccess's published test endpoint; no live URL is public, so live tenants use Custom. */
export const DEBITSUCCESS_TEST_ENDPOINT =
	'https://oc-test.services.debitsuccess.com/DSWebService/DSServices.svc';

export function debitsuccessEndpoint(credentials: ICredentialDataDecryptedObject): string {
	return credentials.environment === 'custom'
		? trimTrailingSlashes(String(credentials.baseUrl ?? ''))
		: DEBITSUCCESS_TEST_ENDPOINT;
}

/** Where the credential layer puts the username and password; the node never sees them. */
export const USER_PLACEHOLDER = '<deb1:User/>';

/** The User element with the credentials, escaped; only the credential layer calls this. */
export function userElement(username: string, password: string): string {
	return `<deb1:User><deb1:Password>${escapeXml(password)}</deb1:Password><deb1:Username>${escapeXml(username)}</deb1:Username></deb1:User>`;
}

/** A SOAP envelope with its User placeholder replaced by the credential's username and password. */
export function withUserElement(
	envelope: string,
	credentials: ICredentialDataDecryptedObject,
): string {
	// A replacer function, so "$&" and the like in a password are not read as patterns.
	return envelope.replace(USER_PLACEHOLDER, () =>
		userElement(String(credentials.username ?? ''), String(credentials.password ?? '')),
	);
}

/** A SOAP request signed with the Debitsuccess credential: the `<User>` block filled in. */
export function signDebitsuccessRequest<T extends SignableRequest & { body?: unknown }>(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: T,
): T & { disableFollowRedirect: true } {
	const body = typeof requestOptions.body === 'string' ? requestOptions.body : '';
	return {
		...guardRequest(requestOptions, debitsuccessEndpoint(credentials)),
		body: withUserElement(body, credentials),
	};
}
