import type { ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

/**
 * The Test of a webhook secret. Nothing can be asked of the provider (it is the provider that calls
 * n8n), so the Test checks what the provider documents about the secret.
 */
export function testWebhookSecret(
	credential: ICredentialsDecrypted,
	field: string,
	maxLength: number,
): INodeCredentialTestResult {
	const secret = credential.data?.[field];
	if (typeof secret !== 'string' || secret.trim() === '') {
		return { status: 'Error', message: 'Enter the secret the provider will send with every event' };
	}
	if (secret.length > maxLength) {
		return { status: 'Error', message: `The secret may be at most ${maxLength} characters long` };
	}
	return {
		status: 'OK',
		message:
			'The secret is well-formed. The provider checks it when it sends an event; a wrong one gets 401.',
	};
}
