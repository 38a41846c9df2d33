/** The Singula customers API over real HTTP, signed like the contracts API. */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { SANDBOX_CREDENTIALS, singulaSignature, type Sandbox } from '../../sandbox/server';
import { send, SINGULA_CUSTOMER, TODAY, type Reply } from './helpers';
import { json, useSandbox } from './crm.helpers';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const SECOND_CUSTOMER = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f02';

/** A request to `/apis/customers/v1{path}`, HMAC-signed over the path as sent (HMAC itself is tested in auth). */
function customers(method: string, path: string, body?: string, secret?: string): Promise<Reply> {
	const url = `${sandbox.urls.singula}/apis/customers/v1${path}`;
	const timestamp = String(Math.floor(Date.now() / 1000));
	const { apiKey, apiSecret } = SANDBOX_CREDENTIALS.singula;
	const signature = singulaSignature(secret ?? apiSecret, timestamp, method, new URL(url).pathname);
	return send(url, {
		method,
		headers: {
			Authorization: `hmac ${apiKey}:${signature}`,
			Timestamp: timestamp,
			'Content-Type': 'application/json',
		},
		body,
	});
}

const search = (body: unknown) => customers('POST', '/customer/search', JSON.stringify(body));

const notLocated = (developerMessage: string) => ({
	errorCode: 90068,
	developerMessage: `CustomerNotLocated: ${developerMessage}`,
	userMessage: 'Customer cannot be located',
	moreInfo: 'https://docs.example/errors/90068',
});

describe('customer get', () => {
	it('gets a customer by id, a digits-only external id written as a number', async () => {
		const reply = await customers('GET', `/customer/${SINGULA_CUSTOMER}`);
		expect(reply.status).toBe(200);
		expect(reply.text).toContain('"externalUniqueIdentifier":100471887,');
		expect(json(reply)).toEqual({
			customerId: SINGULA_CUSTOMER,
			externalUniqueIdentifier: 100471887,
			username: 'ada@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			dateOfBirth: '1985-12-10',
			title: '-',
			active: true,
			addresses: [
				{ addressType: 'HOME', countryCode: 'GBR', line1: '1 Sandbox Street', postCode: 'AB1 2CD' },
			],
			customAttributes: [{ name: 'accepted_terms', value: '2029-06-29' }],
			auditInfo: {
				createdByUser: '89d83946-b4b5-4a7b-a92d-7b999c62e8a0',
				creationDate: '2029-06-29T07:19:21+01:00',
				modifiedByUser: '89d83946-b4b5-4a7b-a92d-7b999c62e8a0',
				modifiedDate: '2029-06-29T07:19:21+01:00',
			},
			referAFriend: { active: false, code: 'PIh70mZL' },
		});
	});

	it('answers 90068 for an unknown UUID and a system failure for a malformed one', async () => {
		const unknown = await customers('GET', '/customer/27dc778b-582e-4551-88c6-43806128a1a0');
		expect([unknown.status, json(unknown)]).toEqual([
			404,
			notLocated('Customer 27dc778b-582e-4551-88c6-43806128a1a0 not located'),
		]);
		const malformed = await customers('GET', '/customer/12345');
		expect([malformed.status, json(malformed)]).toEqual([
			500,
			{
				errorCode: 500,
				developerMessage: 'java.lang.IllegalArgumentException: Invalid UUID string: 12345',
				userMessage: 'System Failure - please retry later.',
			},
		]);
	});

	it('checks the HMAC on the customers API too', async () => {
		const reply = await customers('GET', `/customer/${SINGULA_CUSTOMER}`, undefined, 'wrong');
		expect([reply.status, json(reply).errorCode]).toEqual([401, 401]);
	});
});

describe('customer search', () => {
	it.each([
		['email, any case', { email: 'ALAN@example.com' }, SECOND_CUSTOMER],
		['a text external id', { externalUniqueIdentifier: 'crm-alan' }, SECOND_CUSTOMER],
		['a digits external id as text', { externalUniqueIdentifier: '100471887' }, SINGULA_CUSTOMER],
		['a digits external id as a number', { externalUniqueIdentifier: 100471887 }, SINGULA_CUSTOMER],
		['customerId', { customerId: SECOND_CUSTOMER }, SECOND_CUSTOMER],
		[
			'all three keys',
			{
				customerId: SINGULA_CUSTOMER,
				email: 'ada@example.com',
				externalUniqueIdentifier: '100471887',
			},
			SINGULA_CUSTOMER,
		],
	])('finds one customer by %s', async (_, body, customerId) => {
		const reply = await search(body);
		expect(reply.status).toBe(200);
		expect(json(reply)).toMatchObject({ customerId });
	});

	it('answers 90068 worded after the key that missed', async () => {
		const external = await search({ externalUniqueIdentifier: '666' });
		expect([external.status, json(external)]).toEqual([
			404,
			notLocated('Customer with external ID 666 not located'),
		]);
		const email = await search({ email: 'nobody@example.com' });
		expect(json(email).developerMessage).toBe(
			'CustomerNotLocated: Customer with email nobody@example.com not located',
		);
		const mismatch = await search({
			email: 'ada@example.com',
			externalUniqueIdentifier: 'crm-alan',
		});
		expect(json(mismatch).errorCode).toBe(90068);
	});

	it('answers 90001 for an unknown key, no key, an empty value or no body', async () => {
		for (const body of ['{"username":"ada@example.com"}', '{}', '{"email":""}', '']) {
			const reply = await customers('POST', '/customer/search', body);
			expect([body, reply.status, json(reply).errorCode]).toEqual([body, 400, 90001]);
		}
	});
});
