/** The Magicline customer routes over real HTTP. */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../sandbox/server';
import { magicline, send, TODAY, type Reply } from './helpers';
import { json, useSandbox } from './crm.helpers';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const idsOf = (reply: Reply) =>
	[...reply.text.matchAll(/"id":(\d+),"customerNumber"/g)].map((m) => m[1]);

/** The error body without its random traceId (checked for shape separately). */
function errorOf(reply: Reply) {
	const { traceId, ...rest } = json(reply);
	expect(traceId).toMatch(/^[0-9a-f]{16}$/);
	return rest;
}

const NEW_CUSTOMER = {
	firstName: 'Peter',
	lastName: 'Muller',
	dateOfBirth: '1990-08-24',
	email: 'peter@example.com',
	street: 'Raboisen Street',
	city: 'Hamburg',
	zipCode: '20095',
	countryCode: 'DE',
	language: { languageCode: 'de', countryCode: 'DE' },
};

const create = (body: unknown) =>
	magicline(sandbox, 'POST', '/v1/customers/create', JSON.stringify(body));

describe('customer get', () => {
	it('gets a customer by id in the spec’s Customer shape', async () => {
		const reply = await magicline(sandbox, 'GET', '/v1/customers/9001');
		expect(reply.status).toBe(200);
		expect(json(reply)).toEqual({
			id: 9001,
			customerNumber: '1-9001',
			firstName: 'Erika',
			lastName: 'Mustermann',
			dateOfBirth: '1985-04-12',
			email: 'erika@example.com',
			gender: 'FEMALE',
			street: 'Am Bahnhof',
			houseNumber: '89',
			zipCode: '12133',
			city: 'Munich',
			country: 'DE',
			status: 'MEMBER',
			cardNumbers: ['4711'],
			phonePrivateMobile: '+49 15223433333',
			idlePeriods: [],
			bankAccount: {
				accountHolder: 'Erika Mustermann',
				bankName: 'Deutsche Bank',
				bic: 'DEUTDEFFXXX',
				iban: 'DE91 1000 0000 0123 4567 89',
			},
			accessRefusal: false,
			accessRestrictions: [],
			uuid: '7be3932c-825b-4401-abff-000000009001',
			studioId: 1238735970,
			preferredLanguage: { languageCode: 'de', countryCode: 'DE' },
			additionalInformationFieldAssignments: [],
			thirdPartyId: 'CRM-9001',
			accessMediums: [
				{ id: 900101, type: 'CARD_NUMBER', value: '4711' },
				{ id: 900102, type: 'BARCODE', value: 'ML-9001' },
			],
		});
	});

	it('keeps an id above 2^53 exact and writes card numbers in the asked format', async () => {
		const big = await magicline(sandbox, 'GET', '/v1/customers/9007199254740993');
		expect(big.text).toMatch(/^\{"id":9007199254740993,/);
		const hex = json(
			await magicline(sandbox, 'GET', '/v1/customers/9001?cardNumberFormat=HEX_MSB'),
		);
		expect(hex.cardNumbers).toEqual(['1267']);
		const lsb = json(
			await magicline(sandbox, 'GET', '/v1/customers/9001?cardNumberFormat=HEX_LSB'),
		);
		expect(lsb.cardNumbers).toEqual(['6712']);
	});

	it('answers 404 for an unknown customer, 400 for a non-int64 id or an undeclared parameter', async () => {
		const unknown = await magicline(sandbox, 'GET', '/v1/customers/12345');
		expect([unknown.status, errorOf(unknown)]).toEqual([
			404,
			{ errorCode: 'ENTITY_NOT_FOUND', errorMessage: 'Entity does not exist: customer 12345.' },
		]);
		const notAnId = await magicline(sandbox, 'GET', '/v1/customers/abc');
		expect([notAnId.status, json(notAnId).reference]).toEqual([400, 'customerId']);
		const undeclared = await magicline(sandbox, 'GET', '/v1/customers/9001?format=DECIMAL');
		expect([undeclared.status, json(undeclared).reference]).toEqual([400, 'format']);
	});

	it.each([
		['customerNumber', '1-9002', '9002'],
		['cardNumber', '4711', '9001'],
		['barcode', 'ML-9001', '9001'],
		['debtorId', 'D-9001', '9001'],
		['qrCodeUuid', '7be3932c-825b-4401-abff-000000009999', '9999'],
	])('finds a customer by %s', async (name, value, id) => {
		const reply = await magicline(
			sandbox,
			'GET',
			`/v1/customers/by?${new URLSearchParams({ [name]: value })}`,
		);
		expect([reply.status, idsOf(reply)]).toEqual([200, [id]]);
	});

	it('matches a card number given in hex', async () => {
		const reply = await magicline(
			sandbox,
			'GET',
			'/v1/customers/by?cardNumber=1267&cardNumberFormat=HEX_MSB',
		);
		expect(idsOf(reply)).toEqual(['9001']);
	});

	it('wants exactly one identifier on /by and answers 404 when none matches', async () => {
		const none = await magicline(sandbox, 'GET', '/v1/customers/by');
		expect([none.status, json(none).errorCode]).toEqual([400, 'VALIDATION_ERROR']);
		const two = await magicline(sandbox, 'GET', '/v1/customers/by?barcode=ML-9001&debtorId=D-9001');
		expect([two.status, json(two).reference]).toEqual([400, 'barcode']);
		const email = await magicline(sandbox, 'GET', '/v1/customers/by?email=erika%40example.com');
		expect([email.status, json(email).reference]).toEqual([400, 'email']);
		const unknown = await magicline(sandbox, 'GET', '/v1/customers/by?customerNumber=1-0000');
		expect([unknown.status, json(unknown).errorCode]).toEqual([404, 'ENTITY_NOT_FOUND']);
	});
});

describe('customer search', () => {
	const search = (body: unknown, apiKey?: string) =>
		magicline(sandbox, 'POST', '/v1/customers/search', JSON.stringify(body), apiKey);

	it('answers an array; names match from their beginning, email in full, any case', async () => {
		expect(idsOf(await search({ lastName: 'muster' }))).toEqual(['9001', '9999']);
		expect(idsOf(await search({ firstName: 'Eri', lastName: 'Must' }))).toEqual(['9001']);
		expect(idsOf(await search({ lastName: 'ustermann' }))).toEqual([]);
		expect(idsOf(await search({ email: 'EDGAR@example.com' }))).toEqual(['9002']);
		expect(idsOf(await search({ email: 'edgar@' }))).toEqual([]);
		expect(idsOf(await search({ dateOfBirth: '1980-01-01' }))).toEqual(['9999']);
		const reply = await search({ email: 'nobody@example.com' });
		expect([reply.status, reply.text]).toEqual([200, '[]']);
	});

	it('is a read: the read-only key may search', async () => {
		const reply = await search(
			{ lastName: 'Bullock' },
			SANDBOX_CREDENTIALS.magicline.readOnlyApiKey,
		);
		expect([reply.status, idsOf(reply)]).toEqual([200, ['9002']]);
	});

	it('refuses an unknown property, a bad date, no criterion and a non-JSON body', async () => {
		const unknown = await search({ thirdPartyId: 'CRM-9001' });
		expect([unknown.status, json(unknown).reference]).toEqual([400, 'thirdPartyId']);
		const badDate = await search({ dateOfBirth: '12.04.1985' });
		expect([badDate.status, json(badDate).reference]).toEqual([400, 'dateOfBirth']);
		const empty = await search({});
		expect(empty.status).toBe(400);
		const text = await send(`${sandbox.urls.magicline}/v1/customers/search`, {
			method: 'POST',
			headers: { 'X-API-KEY': SANDBOX_CREDENTIALS.magicline.apiKey, 'Content-Type': 'text/plain' },
			body: 'lastName=Bullock',
		});
		expect([text.status, json(text).errorCode]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
	});
});

describe('customer create', () => {
	it('creates a prospect and answers its customerId, readable afterwards', async () => {
		const reply = await create({
			...NEW_CUSTOMER,
			houseNumber: '3-4',
			gender: 'MALE',
			phoneNumberPrivate: '+44123456789',
			phoneNumberMobile: '+44987654321',
			thirdPartyId: 'CRM-77',
		});
		expect([reply.status, reply.text]).toEqual([200, '{"customerId":10001}']);
		const got = json(await magicline(sandbox, 'GET', '/v1/customers/10001'));
		expect(got).toMatchObject({
			id: 10001,
			status: 'PROSPECT',
			firstName: 'Peter',
			country: 'DE',
			houseNumber: '3-4',
			gender: 'MALE',
			phonePrivate: '+44123456789',
			phonePrivateMobile: '+44987654321',
			thirdPartyId: 'CRM-77',
			preferredLanguage: { languageCode: 'de', countryCode: 'DE' },
		});
		expect(sandbox.state.magicline.customers.size).toBe(5);
	});

	it.each([
		['no firstName', { firstName: undefined }, 'firstName'],
		['a blank city', { city: ' ' }, 'city'],
		['no language', { language: undefined }, 'language'],
		['no language code', { language: { countryCode: 'DE' } }, 'language.languageCode'],
		[
			'a language code in upper case',
			{ language: { languageCode: 'DE' } },
			'language.languageCode',
		],
		['a three-letter country', { countryCode: 'DEU' }, 'countryCode'],
		['a date of birth not a date', { dateOfBirth: '24.08.1990' }, 'dateOfBirth'],
		['a date of birth in the future', { dateOfBirth: '2031-01-01' }, 'dateOfBirth'],
		['an email without @', { email: 'peter.example.com' }, 'email'],
		['a gender outside the enum', { gender: 'OTHER' }, 'gender'],
		['the read model’s phone name', { phonePrivate: '+44123' }, 'phonePrivate'],
		['the read model’s country name', { country: 'DE' }, 'country'],
		['a number where text is wanted', { zipCode: 20095 }, 'zipCode'],
	])('answers 400 with reference for %s, creating nothing', async (_, change, reference) => {
		const reply = await create({ ...NEW_CUSTOMER, ...change });
		expect(reply.status).toBe(400);
		expect(errorOf(reply)).toMatchObject({ errorCode: 'VALIDATION_ERROR', reference });
		expect(sandbox.state.magicline.customers.size).toBe(4);
	});

	it('refuses create with the read-only key', async () => {
		const reply = await magicline(
			sandbox,
			'POST',
			'/v1/customers/create',
			JSON.stringify(NEW_CUSTOMER),
			SANDBOX_CREDENTIALS.magicline.readOnlyApiKey,
		);
		expect([reply.status, json(reply).errorCode]).toEqual([403, 'FORBIDDEN']);
	});
});

describe("a customer's contracts", () => {
	it('lists the contracts with their module contracts, ids exact', async () => {
		const reply = await magicline(sandbox, 'GET', '/v1/customers/9001/contracts');
		expect(reply.status).toBe(200);
		const [contract] = json(reply);
		expect(json(reply)).toHaveLength(1);
		expect(contract).toMatchObject({
			id: 5001,
			rateName: 'Premium 12 months',
			contractStatus: 'ACTIVE',
			startDate: '2029-06-29',
			endDate: '2030-06-29',
			cancelled: false,
			price: 39.9,
			priceDetails: { basePrice: { amount: 39.9, currency: 'EUR' } },
			term: { periodValue: 12, periodUnit: 'MONTH' },
		});
		expect(
			contract.moduleContracts.map((m: { rateName: string; cancelled: boolean }) => [
				m.rateName,
				m.cancelled,
			]),
		).toEqual([
			['Sauna', false],
			['Drinks flat rate', true],
			['Towel service', false],
			['Personal training', false],
		]);
		expect(reply.text).toContain('"id":9007199254740993,"rateName":"Personal training"');
	});

	it('filters by status, answers [] for a customer without contracts and 404 for an unknown one', async () => {
		const active = await magicline(sandbox, 'GET', '/v1/customers/9001/contracts?status=ACTIVE');
		expect(json(active).map((c: { id: number }) => c.id)).toEqual([5001]);
		const inactive = await magicline(
			sandbox,
			'GET',
			'/v1/customers/9001/contracts?status=INACTIVE',
		);
		expect(inactive.text).toBe('[]');
		const bad = await magicline(sandbox, 'GET', '/v1/customers/9001/contracts?status=active');
		expect([bad.status, json(bad).reference]).toEqual([400, 'status']);
		const prospect = await magicline(sandbox, 'GET', '/v1/customers/9002/contracts');
		expect([prospect.status, prospect.text]).toEqual([200, '[]']);
		const unknown = await magicline(sandbox, 'GET', '/v1/customers/12345/contracts');
		expect(unknown.status).toBe(404);
	});

	it('shows a module cancelation made through the self-service route', async () => {
		await magicline(
			sandbox,
			'POST',
			'/v1/memberships/5001/self-service/additional-module-contracts/7001/ordinary-cancelation',
			'{"cancelationDate":"2030-02-28","cancelationReasonId":1001}',
		);
		const [contract] = json(await magicline(sandbox, 'GET', '/v1/customers/9001/contracts'));
		expect(contract.moduleContracts[0]).toMatchObject({
			id: 7001,
			cancelled: true,
			cancellationDate: '2030-02-28',
		});
	});
});
