/** The stored credentials of the test instance: one per credential type, with the sandbox's demo secrets. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { StoredCredential } from './credentialsHelper';

export function credentialsFor(sandbox: Sandbox): Record<string, StoredCredential> {
	return {
		accessPaySuiteApi: {
			type: 'accessPaySuiteApi',
			data: {
				environment: 'custom',
				baseUrl: `${sandbox.urls.accessPaySuite}/`,
				...SANDBOX_CREDENTIALS.accessPaySuite,
			},
		},
		magiclineApi: {
			type: 'magiclineApi',
			data: { baseUrl: sandbox.urls.magicline, apiKey: SANDBOX_CREDENTIALS.magicline.apiKey },
		},
		singulaApi: {
			type: 'singulaApi',
			data: { baseUrl: sandbox.urls.singula, ...SANDBOX_CREDENTIALS.singula },
		},
		debitsuccessApi: {
			type: 'debitsuccessApi',
			data: {
				environment: 'custom',
				baseUrl: sandbox.urls.debitsuccess,
				...SANDBOX_CREDENTIALS.debitsuccess,
			},
		},
		magiclineWebhookApi: {
			type: 'magiclineWebhookApi',
			data: { ...SANDBOX_CREDENTIALS.magiclineWebhook },
		},
		debitsuccessWebhookApi: {
			type: 'debitsuccessWebhookApi',
			data: { ...SANDBOX_CREDENTIALS.debitsuccessWebhook },
		},
	};
}

/** The credentials with some fields of some of them replaced (a wrong key, another base URL). */
export function withOverrides(
	credentials: Record<string, StoredCredential>,
	overrides: Record<string, IDataObject>,
): Record<string, StoredCredential> {
	const result = { ...credentials };
	for (const [type, data] of Object.entries(overrides)) {
		result[type] = {
			type,
			data: { ...credentials[type].data, ...data } as ICredentialDataDecryptedObject,
		};
	}
	return result;
}
