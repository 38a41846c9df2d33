import { SANDBOX_CREDENTIALS } from '../../../sandbox/server';
import { errorOf, useSandbox } from '../../harness/fixture';
import { expectRefusedLocally, magicline, onTheWire } from './helpers';

const context = useSandbox();

const PETER = {
	firstName: 'Peter',
	lastName: 'Muller',
	dateOfBirth: '1990-08-24',
	email: 'peter@example.com',
	street: 'Raboisen Street',
	zipCode: '20095',
	city: 'Hamburg',
	countryCode: 'DE',
	languageCode: 'de',
};

describe('Magicline customer: get', () => {
	it('gets a customer by ID, keeping an ID above 2^53 exact', async () => {
		const run = await context.run(magicline('customer', 'get', { customerId: '={{ $json.id }}' }), [
			{ id: '9001' },
			{ id: '9007199254740993' },
		]);
		expect(onTheWire(run.requests)).toEqual([
			['GET', '/magicline/v1/customers/9001', '', ''],
			['GET', '/magicline/v1/customers/9007199254740993', '', ''],
		]);
		expect(run.items[0].json).toMatchObject({ id: 9001, thirdPartyId: 'CRM-9001' });
		expect(run.items[1].json).toMatchObject({ id: '9007199254740993', firstName: 'Ida' });
	});

	it.each([
		['customerNumber', '1-9001', 'customerNumber=1-9001'],
		['cardNumber', '4711', 'cardNumber=4711'],
		['barcode', 'ML-9001', 'barcode=ML-9001'],
		['debtorId', 'D-9001', 'debtorId=D-9001'],
	])('gets a customer by %s', async (getBy, value, rawQuery) => {
		const run = await context.run(magicline('customer', 'get', { getBy, value }));
		expect(onTheWire(run.requests)).toEqual([['GET', '/magicline/v1/customers/by', rawQuery, '']]);
		expect(run.items[0].json).toMatchObject({ id: 9001, lastName: 'Mustermann' });
	});

	it('answers an unknown customer with not_found and refuses an ID that is not digits', async () => {
		const run = await context.run(
			magicline('customer', 'get', { customerId: '={{ $json.id }}' }, 'continueRegularOutput'),
			[{ id: '123' }, { id: '12a' }],
		);
		expect(run.requests).toHaveLength(1);
		expect(errorOf(run.items[0])).toMatchObject({
			category: 'not_found',
			httpCode: 404,
			code: 'ENTITY_NOT_FOUND',
		});
		expect(errorOf(run.items[1])).toMatchObject({
			code: 'INVALID_PARAMETER',
			message: 'Parameter "customerId" must contain only digits (1 to 19 of them)',
		});
	});
});

describe('Magicline customer: search', () => {
	it('sends only the filters given as a JSON body, one item per customer', async () => {
		const run = await context.run(
			magicline('customer', 'search', {
				lastName: 'muster',
				dateOfBirth: '1985-04-12T10:00:00.000+02:00',
				returnAll: true,
			}),
		);
		expect(onTheWire(run.requests)).toEqual([
			[
				'POST',
				'/magicline/v1/customers/search',
				'',
				'{"lastName":"muster","dateOfBirth":"1985-04-12"}',
			],
		]);
		expect(run.items.map((item) => item.json.id)).toEqual([9001]);
	});

	it('applies the limit, and refuses a search without any filter', async () => {
		const limited = await context.run(magicline('customer', 'search', { lastName: 'M', limit: 1 }));
		expect(limited.items).toHaveLength(1);

		const none = await context.run(magicline('customer', 'search', {}, 'continueRegularOutput'));
		expectRefusedLocally(
			none,
			'Parameter "firstName" or "lastName", "email" or "dateOfBirth" is required: give at least one of them',
		);
	});
});

describe('Magicline customer: create', () => {
	it('creates a prospect from the fields, the language as an object, and gives its ID', async () => {
		const run = await context.run(
			magicline('customer', 'create', {
				...PETER,
				additionalFields: { houseNumber: '12a', gender: 'MALE', thirdPartyId: 'CRM-77' },
			}),
		);
		expect(onTheWire(run.requests)).toEqual([
			[
				'POST',
				'/magicline/v1/customers/create',
				'',
				'{"firstName":"Peter","lastName":"Muller","dateOfBirth":"1990-08-24","email":"peter@example.com",' +
					'"street":"Raboisen Street","zipCode":"20095","city":"Hamburg","countryCode":"DE",' +
					'"language":{"languageCode":"de"},"houseNumber":"12a","gender":"MALE","thirdPartyId":"CRM-77"}',
			],
		]);
		expect(run.items[0].json).toEqual({ success: true, customerId: '10001' });
		expect(context.sandbox.state.magicline.customers.get('10001')).toMatchObject({
			status: 'PROSPECT',
			houseNumber: '12a',
			thirdPartyId: 'CRM-77',
		});
	});

	it("passes Magicline's validation answer on with its reference in error.details", async () => {
		const run = await context.run(
			magicline('customer', 'create', { ...PETER, email: 'not-an-email' }, 'continueErrorOutput'),
		);
		expect(errorOf(run.errorItems[0])).toMatchObject({
			category: 'validation',
			httpCode: 400,
			code: 'VALIDATION_ERROR',
			details: 'email',
			retryable: false,
		});
		expect(context.sandbox.state.magicline.customers.has('10001')).toBe(false);
	});

	it('answers a key without write scope with forbidden', async () => {
		const run = await context.run(
			magicline('customer', 'create', PETER, 'continueRegularOutput'),
			[{}],
			{ magiclineApi: { apiKey: SANDBOX_CREDENTIALS.magicline.readOnlyApiKey } },
		);
		expect(errorOf(run.items[0])).toMatchObject({ category: 'forbidden', httpCode: 403 });
	});

	it.each([
		[
			{ countryCode: 'de' },
			'Parameter "countryCode" must be a two-letter ISO 3166-1 country code in capitals, like DE',
		],
		[
			{ languageCode: 'deu' },
			'Parameter "languageCode" must be a two-letter ISO 639-1 language code in small letters, like de',
		],
		[
			{ dateOfBirth: '24.08.1990' },
			'Parameter "dateOfBirth" must be a date in the form YYYY-MM-DD',
		],
		[{ city: '={{ "" }}' }, 'Parameter "city" is required'],
		[
			{ additionalFields: { gender: 'OTHER' } },
			'Parameter "additionalFields.gender" must be one of: MALE, FEMALE, UNISEX',
		],
	])('refuses %j without sending anything', async (change, message) => {
		const run = await context.run(
			magicline('customer', 'create', { ...PETER, ...change }, 'continueRegularOutput'),
		);
		expectRefusedLocally(run, message);
	});
});
