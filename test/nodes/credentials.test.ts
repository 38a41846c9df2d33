import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { testCredential } from '../harness/engine';
import { credentialsFor, useSandbox } from '../harness/fixture';

const context = useSandbox();

const cases: Array<[string, IDataObject, string]> = [
	['accessPaySuiteApi', { apiKey: 'wrong-ddcms-key' }, '/ddcms/api/v3/client/DEMO/schedules'],
	[
		'magiclineApi',
		{ apiKey: 'wrong-magicline-key' },
		'/magicline/v1/memberships/self-service/contract-cancelation-reasons',
	],
	[
		'singulaApi',
		{ apiSecret: 'wrong-singula-secret' },
		'/singula/apis/contracts/v1/customer/00000000-0000-0000-0000-000000000000/contract',
	],
	[
		'debitsuccessApi',
		{ password: 'wrong-debitsuccess-password' },
		'/debitsuccess/DSWebService/DSServices.svc',
	],
];

describe.each(cases)('credential Test of %s', (type, wrong, path) => {
	it('passes with the right secret, asking the provider', async () => {
		const result = await testCredential(type, credentialsFor(context.sandbox)[type].data);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(context.sandbox.requests.map((request) => request.path)).toEqual([path]);
	});

	it('fails with a readable message and no secret with a wrong one', async () => {
		const data = {
			...credentialsFor(context.sandbox)[type].data,
			...wrong,
		} as ICredentialDataDecryptedObject;
		const result = await testCredential(type, data);
		expect(result.status).toBe('Error');
		expect(result.message.length).toBeGreaterThan(10);
		for (const secret of Object.values(wrong)) expect(result.message).not.toContain(secret);
	});

	it('refuses a non-loopback http:// URL without sending anything', async () => {
		const data = {
			...credentialsFor(context.sandbox)[type].data,
			baseUrl: 'http://billing.example.com/api',
		};
		const result = await testCredential(type, data);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/only allowed for localhost/);
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

it('the Debitsuccess test names the rejected credentials', async () => {
	const data = { ...credentialsFor(context.sandbox).debitsuccessApi.data, password: 'nope-nope' };
	const result = await testCredential('debitsuccessApi', data);
	expect(result).toEqual({
		status: 'Error',
		message: 'Debitsuccess rejected the username or password (02: Invalid user credentials)',
	});
});

describe.each([
	['magiclineWebhookApi', 'webhookApiKey'],
	['debitsuccessWebhookApi', 'token'],
])('credential Test of %s (a secret the provider sends to n8n)', (type, field) => {
	it('passes for a well-formed secret and says the provider checks it', async () => {
		const result = await testCredential(type, { [field]: 'a-shared-secret' });
		expect(result.status).toBe('OK');
		expect(result.message).toMatch(/wrong one gets 401/);
	});

	it.each([[''], ['x'.repeat(257)]])('fails for %j', async (secret) => {
		const result = await testCredential(type, { [field]: secret });
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(secret || '\u0000');
	});
});
