import { errorOf, useSandbox } from '../../harness/fixture';
import { onTheWire, singula } from './helpers';

const context = useSandbox();

const ADA = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01';
const ALAN = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f02';
const CUSTOMERS_API = '/singula/apis/customers/v1';

describe('Singula customer: get', () => {
	it('gets a customer by ID from the customers API', async () => {
		const run = await context.run(singula('customer', 'get', { customerId: ADA }));
		expect(onTheWire(run.requests)).toEqual([['GET', `${CUSTOMERS_API}/customer/${ADA}`, '', '']]);
		expect(run.items[0].json).toMatchObject({
			customerId: ADA,
			externalUniqueIdentifier: 100471887,
			lastName: 'Lovelace',
		});
		// Signed like every Singula call, over the path as sent.
		expect(run.requests[0].headers.authorization).toMatch(
			/^hmac singula-sandbox-key:[0-9A-F]{64}$/,
		);
	});

	it.each([
		['email', 'alan@example.com', ALAN],
		['externalUniqueIdentifier', 'crm-alan', ALAN],
		['externalUniqueIdentifier', '100471887', ADA],
	])('finds a customer by %s with a search body of that key only', async (getBy, value, id) => {
		const run = await context.run(singula('customer', 'get', { getBy, value }));
		expect(onTheWire(run.requests)).toEqual([
			['POST', `${CUSTOMERS_API}/customer/search`, '', JSON.stringify({ [getBy]: value })],
		]);
		expect(run.items[0].json).toMatchObject({ customerId: id });
	});

	it('answers 90068 with not_found and its fault name', async () => {
		const run = await context.run(
			singula(
				'customer',
				'get',
				{ getBy: 'externalUniqueIdentifier', value: '666' },
				'continueErrorOutput',
			),
		);
		expect(errorOf(run.errorItems[0])).toMatchObject({
			category: 'not_found',
			code: '90068',
			fault: 'CustomerNotLocated',
			httpCode: 404,
			message: 'Customer cannot be located',
			description: 'CustomerNotLocated: Customer with external ID 666 not located',
			retryable: false,
		});
	});

	it.each([
		['90074', 'Username ada@example.com already exists'],
		['90084', 'External unique identifier 100471887 already exists'],
		['90101', 'Email address ada@example.com already exists'],
	])('reads the customer clash %s as conflict, not retryable', async (errorCode, userMessage) => {
		// No operation here writes customers yet; the clash answers come from the customers API's
		// create, so they are replayed on the look-up.
		context.sandbox.inject({
			provider: 'singula',
			status: 400,
			body: JSON.stringify({
				errorCode: Number(errorCode),
				developerMessage: userMessage,
				userMessage,
			}),
		});
		const run = await context.run(
			singula('customer', 'get', { customerId: ADA }, 'continueRegularOutput'),
		);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'conflict',
			code: errorCode,
			retryable: false,
			message: userMessage,
		});
	});

	it('refuses a customer ID that is not a UUID and an empty value without sending', async () => {
		const run = await context.run(
			singula(
				'customer',
				'get',
				{ getBy: '={{ $json.getBy }}', customerId: '12345', value: '={{ "" }}' },
				'continueRegularOutput',
			),
			[{ getBy: 'customerId' }, { getBy: 'email' }],
		);
		expect(run.requests).toHaveLength(0);
		expect(run.items.map((item) => errorOf(item).message)).toEqual([
			'Parameter "customerId" must be a UUID like 123e4567-e89b-12d3-a456-426614174000',
			'Parameter "value" is required',
		]);
	});
});
