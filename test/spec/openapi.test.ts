/**
 * The spec validator itself, on small hand-made specs: a conforming request passes, and every rule has a request
 * that breaks it, so the conformance test cannot pass by checking nothing. The last part runs the real DDCMS spec
 * and shows that each allow-list entry is needed: without it, a request the package sends would fail.
 */
import { join } from 'node:path';

import { DEVIATIONS } from './deviations';
import { loadApiDescription, readApiDescription } from './openapi';
import type { Deviation, SpecRequest, SpecResponse } from './openapi';

const CONTRACT = 'a0000000-0000-4000-8000-000000000001';
const CLIENT_CODE = {
	in: 'path',
	name: 'clientCode',
	required: true,
	type: 'string',
	maxLength: 6,
};

const SWAGGER = {
	swagger: '2.0',
	basePath: '/api/v3',
	securityDefinitions: { ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'apiKey' } },
	security: [{ ApiKeyAuth: [] }],
	paths: {
		'/client/{clientCode}/contract/{contractId}/amount': {
			patch: {
				produces: ['application/json'],
				parameters: [
					CLIENT_CODE,
					{ in: 'path', name: 'contractId', required: true, type: 'string', format: 'guid' },
					{ in: 'query', name: 'amount', required: true, type: 'number', multipleOf: 0.01 },
					{ in: 'query', name: 'comment', required: true, type: 'string', maxLength: 10 },
					{ in: 'query', name: 'rows', type: 'integer', format: 'int32', minimum: 1, maximum: 100 },
					{ in: 'query', name: 'status', type: 'string', enum: ['Active', 'Cancelled'] },
					{ in: 'query', name: 'ref', type: 'string', pattern: '^[A-Z]{3}$' },
					{ in: 'query', name: 'credit', type: 'boolean' },
					{ in: 'query', name: 'from', type: 'string', format: 'date-time' },
					{
						in: 'query',
						name: 'tag',
						type: 'array',
						items: { type: 'string' },
						collectionFormat: 'multi',
					},
				],
				responses: {
					'200': { description: 'OK', schema: { $ref: '#/definitions/Ack' } },
					'404': { description: 'Not found' },
				},
			},
		},
		// The body and the answer through `$ref`s, so their schemas must be found where the refs point.
		'/client/{clientCode}/payments': {
			post: {
				consumes: ['application/json'],
				parameters: [CLIENT_CODE, { $ref: '#/parameters/PaymentsBody' }],
				responses: { default: { $ref: '#/responses/Any' } },
			},
		},
		'/client/{clientCode}/customer/by': { get: { parameters: [CLIENT_CODE], responses: {} } },
		'/client/{clientCode}/customer/{customerId}': {
			get: {
				parameters: [
					CLIENT_CODE,
					{ in: 'path', name: 'customerId', required: true, type: 'string' },
				],
				responses: {},
			},
		},
		'/client/{clientCode}/x/{a}/b': {
			get: {
				parameters: [CLIENT_CODE, { in: 'path', name: 'a', required: true, type: 'string' }],
				responses: {},
			},
		},
		'/client/{clientCode}/x/b/{c}': {
			get: {
				parameters: [CLIENT_CODE, { in: 'path', name: 'c', required: true, type: 'string' }],
				responses: {},
			},
		},
		'/client/{clientCode}/customer': {
			post: {
				consumes: ['application/json'],
				parameters: [
					CLIENT_CODE,
					{ in: 'query', name: 'holder', required: true, type: 'string', pattern: '[a-z]{0, 3}' },
					{ in: 'query', name: 'line2', required: true, type: 'string' },
					{ in: 'query', name: 'scheduleName', required: true, type: 'string' },
					{ in: 'query', name: 'scheduleId', required: true, type: 'string', format: 'guid' },
					{ in: 'query', name: 'start', type: 'string', format: 'date-time' },
					{ in: 'body', name: 'body', schema: { type: 'object', example: { Title: 'Mr' } } },
				],
				responses: {},
			},
		},
	},
	parameters: {
		PaymentsBody: {
			in: 'body',
			name: 'body',
			required: true,
			schema: { $ref: '#/definitions/Payments' },
		},
	},
	responses: { Any: { description: 'Any', schema: { $ref: '#/definitions/Ack' } } },
	definitions: {
		Ack: {
			type: 'object',
			// Day: the DDCMS defect in small, an enum of numbers under `type: string`.
			properties: { Message: { type: 'string' }, Day: { type: 'string', enum: [1, 2, 'Last'] } },
			required: ['Message'],
		},
		Payments: {
			type: 'object',
			properties: { Payments: { type: 'array', items: { $ref: '#/definitions/Payment' } } },
			required: ['Payments'],
		},
		Payment: {
			type: 'object',
			properties: { amount: { type: 'number' }, contract: { type: 'string', format: 'guid' } },
			required: ['amount', 'contract'],
		},
	},
};

const OPENAPI = {
	openapi: '3.1.0',
	servers: [{ url: 'https://example.invalid/api' }],
	security: [{ ApiKeyAuth: [] }],
	components: {
		securitySchemes: { ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-KEY' } },
		parameters: {
			ContractId: {
				name: 'contractId',
				in: 'path',
				required: true,
				schema: { type: 'integer', format: 'int64' },
			},
		},
		schemas: {
			Cancelation: {
				type: 'object',
				properties: {
					cancelationDate: { type: 'string', format: 'date' },
					cancelationReasonId: { type: 'integer', format: 'int64' },
				},
				required: ['cancelationDate', 'cancelationReasonId'],
			},
			Status: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] },
			Contract: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
			VoidResult: { type: 'object', properties: { success: { type: 'string' } } },
		},
	},
	paths: {
		'/v1/memberships/{contractId}/cancel': {
			post: {
				parameters: [{ $ref: '#/components/parameters/ContractId' }],
				requestBody: {
					required: true,
					content: { 'application/json': { schema: { $ref: '#/components/schemas/Cancelation' } } },
				},
				responses: {
					'200': {
						content: {
							'application/json': { schema: { $ref: '#/components/schemas/VoidResult' } },
						},
					},
					'4XX': {
						content: {
							'application/json': { schema: { type: 'object', required: ['errorMessage'] } },
						},
					},
				},
			},
		},
		'/v1/customers/{customerId}/contracts': {
			get: {
				parameters: [
					{
						name: 'customerId',
						in: 'path',
						required: true,
						schema: { type: 'integer', format: 'int64' },
					},
					{ name: 'status', in: 'query', schema: { $ref: '#/components/schemas/Status' } },
				],
				responses: {
					'200': {
						content: {
							'application/json': {
								schema: { type: 'array', items: { $ref: '#/components/schemas/Contract' } },
							},
						},
					},
				},
			},
		},
	},
};

const swagger = (deviations: Deviation[] = []) =>
	readApiDescription(SWAGGER, { name: 'mini', pathPrefix: '/ddcms', deviations });
const openApi = readApiDescription(OPENAPI, { name: 'mini3', pathPrefix: '/ml' });

const AMOUNT_PATH = `/ddcms/api/v3/client/DEMO/contract/${CONTRACT}/amount`;
const AMOUNT = 'PATCH /client/{clientCode}/contract/{contractId}/amount';

function request(overrides: Partial<SpecRequest>): SpecRequest {
	return {
		method: 'PATCH',
		path: AMOUNT_PATH,
		rawQuery: 'amount=49.99&comment=Price%20up',
		headers: { apikey: 'key', 'x-api-key': 'key' },
		body: '',
		...overrides,
	};
}

const json = (body: unknown, status = 200): SpecResponse => ({
	status,
	headers: { 'content-type': 'application/json; charset=utf-8' },
	body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('spec validator: a conforming request passes', () => {
	it.each([
		[
			'Swagger 2.0, query parameters of every type',
			swagger(),
			request({
				rawQuery:
					'amount=49.99&comment=Price&rows=10&status=Active&ref=ABC&credit=true&from=2026-01-01T00:00:00Z&tag=a&tag=b',
			}),
		],
		[
			'Swagger 2.0, a JSON body with nested $refs',
			swagger(),
			request({
				method: 'POST',
				path: '/ddcms/api/v3/client/DEMO/payments',
				rawQuery: '',
				headers: { apikey: 'key', 'content-type': 'application/json' },
				body: JSON.stringify({ Payments: [{ amount: 10, contract: CONTRACT }] }),
			}),
		],
		[
			'OpenAPI 3.1, an int64 above 2^53 and a body',
			openApi,
			request({
				method: 'POST',
				path: '/ml/api/v1/memberships/9007199254740993/cancel',
				rawQuery: '',
				headers: { 'x-api-key': 'key', 'content-type': 'application/json' },
				body: '{"cancelationDate":"2026-07-31","cancelationReasonId":1001}',
			}),
		],
		[
			'OpenAPI 3.1, a query enum through $ref',
			openApi,
			request({
				method: 'GET',
				path: '/ml/api/v1/customers/9001/contracts',
				rawQuery: 'status=ACTIVE',
			}),
		],
	])('%s', (_name, spec, sent) => {
		expect(spec.validateRequest(sent)).toEqual([]);
	});

	it('prefers a concrete path over a templated one, as OpenAPI says', () => {
		expect(
			swagger().match({ method: 'GET', path: '/ddcms/api/v3/client/DEMO/customer/by' }),
		).toEqual({
			method: 'get',
			path: '/client/{clientCode}/customer/by',
		});
	});
});

describe('spec validator: each rule has a request that breaks it', () => {
	const mini = swagger();
	it.each<[string, Partial<SpecRequest>, string[]]>([
		[
			'path outside the base path',
			{ path: '/ddcms/api/v2/client/DEMO/x' },
			['PATCH /ddcms/api/v2/client/DEMO/x: path is not under /ddcms/api/v3/'],
		],
		[
			'no spec path',
			{ path: '/ddcms/api/v3/client/DEMO/contract/x/amountz' },
			['PATCH /ddcms/api/v3/client/DEMO/contract/x/amountz: no path of the mini spec matches'],
		],
		[
			'method the path does not allow',
			{ method: 'POST' },
			[
				`POST ${AMOUNT_PATH}: /client/{clientCode}/contract/{contractId}/amount does not allow POST (only PATCH)`,
			],
		],
		[
			'two paths equally specific',
			{ method: 'GET', path: '/ddcms/api/v3/client/DEMO/x/b/b' },
			[
				'GET /ddcms/api/v3/client/DEMO/x/b/b: matches 2 spec paths (/client/{clientCode}/x/{a}/b, /client/{clientCode}/x/b/{c})',
			],
		],
		[
			'path parameter left as its template',
			{ path: '/ddcms/api/v3/client/DEMO/contract/%7BcontractId%7D/amount' },
			[`${AMOUNT}: path parameter contractId is not filled in ("{contractId}")`],
		],
		[
			'path parameter "undefined"',
			{ path: '/ddcms/api/v3/client/DEMO/contract/undefined/amount' },
			[`${AMOUNT}: path parameter contractId is not filled in ("undefined")`],
		],
		[
			'path parameter of the wrong format',
			{ path: '/ddcms/api/v3/client/DEMO/contract/12345/amount' },
			[`${AMOUNT}: path parameter contractId "12345": must match format "guid"`],
		],
		[
			'path parameter too long',
			{ path: `/ddcms/api/v3/client/DEMOCLIENT/contract/${CONTRACT}/amount` },
			[`${AMOUNT}: path parameter clientCode "DEMOCLIENT": must NOT have more than 6 characters`],
		],
		[
			'query parameter not declared',
			{ rawQuery: 'amount=1&comment=a&note=x' },
			[`${AMOUNT}: query parameter note is not declared for this operation`],
		],
		[
			'query parameter sent twice',
			{ rawQuery: 'amount=1&comment=a&comment=b' },
			[`${AMOUNT}: query parameter comment is sent 2 times`],
		],
		[
			'required query parameter missing',
			{ rawQuery: 'amount=49.99' },
			[`${AMOUNT}: required query parameter comment is missing`],
		],
		[
			'query parameter sent empty',
			{ rawQuery: 'amount=49.99&comment=' },
			[`${AMOUNT}: query parameter comment is sent empty`],
		],
		[
			'number that is no number',
			{ rawQuery: 'amount=4,99&comment=a' },
			[`${AMOUNT}: query parameter amount: "4,99" is not a number`],
		],
		[
			'number off its multipleOf',
			{ rawQuery: 'amount=49.999&comment=a' },
			[`${AMOUNT}: query parameter amount "49.999": must be multiple of 0.01`],
		],
		[
			'integer that is no integer',
			{ rawQuery: 'amount=1&comment=a&rows=1.5' },
			[`${AMOUNT}: query parameter rows: "1.5" is not an integer`],
		],
		[
			'integer outside int32',
			{ rawQuery: 'amount=1&comment=a&rows=2147483648' },
			[`${AMOUNT}: query parameter rows: 2147483648 is outside int32`],
		],
		[
			'integer above its maximum',
			{ rawQuery: 'amount=1&comment=a&rows=101' },
			[`${AMOUNT}: query parameter rows "101": must be <= 100`],
		],
		[
			'boolean that is no boolean',
			{ rawQuery: 'amount=1&comment=a&credit=yes' },
			[`${AMOUNT}: query parameter credit: "yes" is not true or false`],
		],
		[
			'value outside its enum',
			{ rawQuery: 'amount=1&comment=a&status=Paused' },
			[
				`${AMOUNT}: query parameter status "Paused": must be equal to one of the allowed values ("Active", "Cancelled")`,
			],
		],
		[
			'string over its maxLength',
			{ rawQuery: 'amount=1&comment=far%20too%20long' },
			[`${AMOUNT}: query parameter comment "far too long": must NOT have more than 10 characters`],
		],
		[
			'string off its pattern',
			{ rawQuery: 'amount=1&comment=a&ref=abc' },
			[`${AMOUNT}: query parameter ref "abc": must match pattern "^[A-Z]{3}$"`],
		],
		[
			'date-time without an offset',
			{ rawQuery: 'amount=1&comment=a&from=2026-01-01T00:00:00' },
			[`${AMOUNT}: query parameter from "2026-01-01T00:00:00": must match format "date-time"`],
		],
		[
			'a body where none is declared',
			{ headers: { apikey: 'k', 'content-type': 'application/json' }, body: '{}' },
			[`${AMOUNT}: sends a body, the operation declares none`],
		],
		[
			'no auth header',
			{ headers: {} },
			[`${AMOUNT}: authentication missing: the spec asks for header apiKey (ApiKeyAuth)`],
		],
	])('%s', (_name, overrides, expected) => {
		expect(mini.validateRequest(request(overrides))).toEqual(expected);
	});

	const PAYMENTS = 'POST /client/{clientCode}/payments';
	const payments = (headers: Record<string, string>, body: string) =>
		mini.validateRequest(
			request({
				method: 'POST',
				path: '/ddcms/api/v3/client/DEMO/payments',
				rawQuery: '',
				headers: { apikey: 'k', ...headers },
				body,
			}),
		);
	it('a required body missing', () => {
		expect(payments({}, '')).toEqual([`${PAYMENTS}: sends no body, the operation requires one`]);
	});
	it('a body of a content type the operation does not consume', () => {
		expect(payments({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1')).toEqual([
			`${PAYMENTS}: request body has content type "application/x-www-form-urlencoded", the spec declares application/json`,
		]);
	});
	it('a JSON body that is not JSON', () => {
		expect(payments({ 'content-type': 'application/json' }, '{"Payments":')).toEqual([
			`${PAYMENTS}: request body is not valid JSON`,
		]);
	});
	it('a JSON body that breaks a schema reached through $refs', () => {
		expect(
			payments(
				{ 'content-type': 'application/json' },
				JSON.stringify({ Payments: [{ amount: '10', contract: 'x' }] }),
			),
		).toEqual([
			`${PAYMENTS}: request body /Payments/0/amount must be number`,
			`${PAYMENTS}: request body /Payments/0/contract must match format "guid"`,
		]);
	});

	const CANCEL = 'POST /v1/memberships/{contractId}/cancel';
	const cancel = (path: string, body: string) =>
		openApi.validateRequest(
			request({
				method: 'POST',
				path,
				rawQuery: '',
				headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
				body,
			}),
		);
	it('OpenAPI: an int64 path parameter beyond int64, and a body integer sent as text', () => {
		expect(
			cancel(
				'/ml/api/v1/memberships/9223372036854775808/cancel',
				'{"cancelationDate":"2026-07-31","cancelationReasonId":"1001"}',
			),
		).toEqual([
			`${CANCEL}: path parameter contractId: 9223372036854775808 is outside int64`,
			`${CANCEL}: request body /cancelationReasonId must be integer`,
		]);
	});
	it('OpenAPI: a date that is no date, and a missing required body field', () => {
		expect(
			cancel('/ml/api/v1/memberships/5001/cancel', '{"cancelationDate":"2026-02-30"}'),
		).toEqual([
			`${CANCEL}: request body must have required property 'cancelationReasonId'`,
			`${CANCEL}: request body /cancelationDate must match format "date"`,
		]);
	});
	it('OpenAPI: a query enum through $ref, and the X-API-KEY header missing', () => {
		expect(
			openApi.validateRequest(
				request({
					method: 'GET',
					path: '/ml/api/v1/customers/9001/contracts',
					rawQuery: 'status=active',
					headers: {},
				}),
			),
		).toEqual([
			'GET /v1/customers/{customerId}/contracts: query parameter status "active": must be equal to one of the allowed values ("ACTIVE", "INACTIVE")',
			'GET /v1/customers/{customerId}/contracts: authentication missing: the spec asks for header X-API-KEY (ApiKeyAuth)',
		]);
	});

	it('a format the checker has no rule for stops the load', () => {
		const unknownFormat = {
			...OPENAPI,
			components: { ...OPENAPI.components, schemas: { X: { type: 'string', format: 'iban' } } },
		};
		expect(() => readApiDescription(unknownFormat, { name: 'x' })).toThrow(
			'x: no rule for format(s) iban; add one to EXTRA_FORMATS',
		);
	});
});

describe('spec validator: responses', () => {
	const mini = swagger();
	const amount = { method: 'PATCH', path: AMOUNT_PATH };
	const contracts = { method: 'GET', path: '/ml/api/v1/customers/9001/contracts' };
	const cancel = { method: 'POST', path: '/ml/api/v1/memberships/5001/cancel' };
	it.each<[string, ReturnType<typeof swagger>, typeof amount, SpecResponse, string[]]>([
		['a conforming answer', mini, amount, json({ Message: 'Contract updated' }), []],
		['a declared status without a schema takes any body', mini, amount, json('<html/>', 404), []],
		[
			'"default" covers other statuses',
			mini,
			{ method: 'POST', path: '/ddcms/api/v3/client/DEMO/payments' },
			json({ Message: 'x' }, 500),
			[],
		],
		[
			'"default" through a $ref still checks its schema',
			mini,
			{ method: 'POST', path: '/ddcms/api/v3/client/DEMO/payments' },
			json({}, 500),
			[
				"POST /client/{clientCode}/payments → 500: response body must have required property 'Message'",
			],
		],
		['"4XX" covers a 409', openApi, cancel, json({ errorMessage: 'Locked' }, 409), []],
		['an array of $ref items', openApi, contracts, json([{ id: 1 }]), []],
		[
			'a status the spec does not list',
			mini,
			amount,
			json({ Message: 'x' }, 401),
			[`${AMOUNT} → 401: status 401 is not among the documented responses (200, 404)`],
		],
		[
			'a body breaking the schema',
			mini,
			amount,
			json('"Contract updated"'),
			[`${AMOUNT} → 200: response body must be object`],
		],
		[
			'a required property missing',
			mini,
			amount,
			json({ message: 'x' }),
			[`${AMOUNT} → 200: response body must have required property 'Message'`],
		],
		[
			'another content type',
			mini,
			amount,
			{ status: 200, headers: { 'content-type': 'text/html' }, body: '<p/>' },
			[
				`${AMOUNT} → 200: response body has content type "text/html", the spec declares application/json`,
			],
		],
		[
			'an empty body where a schema is declared',
			openApi,
			cancel,
			{ status: 200, headers: {}, body: '' },
			[
				'POST /v1/memberships/{contractId}/cancel → 200: empty body, the spec declares application/json with a schema',
			],
		],
		[
			'an object where an array is declared',
			openApi,
			contracts,
			json({ id: 1 }),
			['GET /v1/customers/{customerId}/contracts → 200: response body must be array'],
		],
	])('%s', (_name, spec, sent, response, expected) => {
		expect(spec.validateResponse(sent, response)).toEqual(expected);
	});
});

describe('spec validator: deviations narrow one rule each', () => {
	const CUSTOMER = 'POST /client/{clientCode}/customer';
	const where = (parameter: string) => [
		{ method: 'post', path: '/client/{clientCode}/customer', parameter },
	];
	const base = { id: 'test', spec: 'mini', what: '', why: '', source: '' };
	const customer = (rawQuery: string, deviations: Deviation[]) =>
		swagger(deviations).validateRequest(
			request({ method: 'POST', path: '/ddcms/api/v3/client/DEMO/customer', rawQuery }),
		);
	const optionalLine2: Deviation = {
		...base,
		id: 'line2',
		kind: 'optional',
		where: where('line2'),
	};
	const oneSchedule: Deviation = {
		...base,
		id: 'schedule',
		kind: 'oneOf',
		method: 'post',
		path: '/client/{clientCode}/customer',
		parameters: ['scheduleName', 'scheduleId'],
	};
	const holderPattern: Deviation = {
		...base,
		id: 'holder',
		kind: 'pattern',
		pattern: '^[a-z]{0,3}$',
		where: where('holder'),
	};
	const all = [optionalLine2, oneSchedule, holderPattern];

	it('without deviations: the invalid pattern, line2 and both schedule parameters are violations', () => {
		expect(customer('holder=abc&scheduleName=Monthly', [])).toEqual([
			`${CUSTOMER}: query parameter holder "abc": the spec's pattern "[a-z]{0, 3}" for holder is not a valid regular expression (Invalid regular expression: /[a-z]{0, 3}/u: Incomplete quantifier); add a 'pattern' deviation saying how to read it`,
			`${CUSTOMER}: required query parameter line2 is missing`,
			`${CUSTOMER}: required query parameter scheduleId is missing`,
		]);
	});
	it('with them: the request passes', () => {
		expect(customer('holder=abc&scheduleName=Monthly', all)).toEqual([]);
	});
	it('the replaced pattern still rejects what it does not allow', () => {
		expect(customer('holder=abcd&scheduleName=Monthly', all)).toEqual([
			`${CUSTOMER}: query parameter holder "abcd": must match pattern "^[a-z]{0,3}$"`,
		]);
	});
	it('oneOf asks for exactly one: neither, or both, is a violation', () => {
		expect(customer('holder=a', all)).toEqual([
			`${CUSTOMER}: exactly one of scheduleName, scheduleId must be sent (schedule); none was`,
		]);
		expect(customer(`holder=a&scheduleName=M&scheduleId=${CONTRACT}`, all)).toEqual([
			`${CUSTOMER}: exactly one of scheduleName, scheduleId must be sent (schedule); scheduleName and scheduleId were`,
		]);
	});
	it('optional still checks the value when it is sent', () => {
		expect(customer('holder=a&scheduleName=M&line2=', all)).toEqual([
			`${CUSTOMER}: query parameter line2 is sent empty`,
		]);
	});
	it('a format deviation for a parameter widens that parameter only', () => {
		const dates: Deviation = {
			...base,
			kind: 'format',
			format: 'date-time',
			alsoAccepts: /^\d{4}-\d\d-\d\d$/,
			where: where('start'),
		};
		expect(customer('holder=a&scheduleName=M&start=2026-07-01', [...all, dates])).toEqual([]);
		expect(customer('holder=a&scheduleName=M&start=01/07/2026', [...all, dates])).toEqual([
			`${CUSTOMER}: query parameter start "01/07/2026": must match format "date-time|test"`,
		]);
		expect(
			swagger([dates]).validateRequest(request({ rawQuery: 'amount=1&comment=a&from=2026-07-01' })),
		).toEqual([`${AMOUNT}: query parameter from "2026-07-01": must match format "date-time"`]);
	});
	it('a format deviation "everywhere" widens the format in the whole spec', () => {
		const local: Deviation = {
			...base,
			kind: 'format',
			format: 'date-time',
			alsoAccepts: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/,
			where: 'everywhere',
		};
		expect(
			swagger([local]).validateRequest(
				request({ rawQuery: 'amount=1&comment=a&from=2026-01-01T00:00:00' }),
			),
		).toEqual([]);
	});
	it('queryForBody accepts a body field in the query, and only a body field', () => {
		const queryForBody: Deviation = {
			...base,
			kind: 'queryForBody',
			where: [{ method: 'post', path: '/client/{clientCode}/customer' }],
		};
		expect(customer('holder=a&scheduleName=M&title=Mr', all)).toEqual([
			`${CUSTOMER}: query parameter title is not declared for this operation`,
		]);
		expect(customer('holder=a&scheduleName=M&title=Mr', [...all, queryForBody])).toEqual([]);
		expect(customer('holder=a&scheduleName=M&colour=red', [...all, queryForBody])).toEqual([
			`${CUSTOMER}: query parameter colour is not declared for this operation`,
		]);
	});
});

describe('spec validator: responseProperty reads one property of the answers', () => {
	const base = { id: 'day', spec: 'mini', what: '', why: '', source: '' };
	const dayAsText: Deviation = {
		...base,
		kind: 'responseProperty',
		schema: '/definitions/Ack',
		property: 'Day',
		reading: { type: 'string', enum: ['1', '2', 'Last'] },
	};
	const messageOptional: Deviation = {
		...base,
		id: 'message',
		kind: 'responseProperty',
		schema: '/definitions/Ack',
		property: 'Message',
		optional: true,
	};
	const amount = { method: 'PATCH', path: AMOUNT_PATH };
	const answer = (deviations: Deviation[], body: unknown) =>
		swagger(deviations).validateResponse(amount, json(body));

	it('without it, a day as text breaks the enum; with it, the text passes and other text still fails', () => {
		expect(answer([], { Message: 'x', Day: '1' })).toEqual([
			`${AMOUNT} → 200: response body /Day must be equal to one of the allowed values (1, 2, "Last")`,
		]);
		expect(answer([dayAsText], { Message: 'x', Day: '1' })).toEqual([]);
		expect(answer([dayAsText], { Message: 'x', Day: '3' })).toEqual([
			`${AMOUNT} → 200: response body /Day must be equal to one of the allowed values ("1", "2", "Last")`,
		]);
	});
	it('optional lets the property be absent, and still checks it when present', () => {
		expect(answer([], { Day: 'Last' })).toEqual([
			`${AMOUNT} → 200: response body must have required property 'Message'`,
		]);
		expect(answer([messageOptional], { Day: 'Last' })).toEqual([]);
		expect(answer([messageOptional], { Message: 1 })).toEqual([
			`${AMOUNT} → 200: response body /Message must be string`,
		]);
	});
	it('leaves request bodies to the spec', () => {
		const paymentOptional: Deviation = {
			...messageOptional,
			schema: '/definitions/Payment',
			property: 'contract',
		};
		expect(
			swagger([paymentOptional]).validateRequest(
				request({
					method: 'POST',
					path: '/ddcms/api/v3/client/DEMO/payments',
					rawQuery: '',
					headers: { apikey: 'k', 'content-type': 'application/json' },
					body: JSON.stringify({ Payments: [{ amount: 10 }] }),
				}),
			),
		).toEqual([
			"POST /client/{clientCode}/payments: request body /Payments/0 must have required property 'contract'",
		]);
	});
	it('stops the load when it names a property the schema lacks, or makes optional one not required', () => {
		expect(() => swagger([{ ...dayAsText, property: 'Month' }])).toThrow(
			'mini: deviation day names property Month of /definitions/Ack, which the spec does not have',
		);
		expect(() => swagger([{ ...messageOptional, property: 'Day' }])).toThrow(
			'mini: deviation message makes Day of /definitions/Ack optional, but the spec does not require it',
		);
	});
});

describe('DEVIATIONS: every entry is needed by a request the package sends, or an answer it reads', () => {
	const SPEC_FILES: Record<string, string> = {
		ddcms: 'ddcms-api-v3.swagger.yaml',
		magicline: 'magicline-open-api-1.5.0.openapi.json',
	};
	const load = (spec: string, deviations: readonly Deviation[]) =>
		loadApiDescription(join(__dirname, '..', 'fixtures', 'specs', SPEC_FILES[spec]), {
			name: spec,
			pathPrefix: `/${spec}`,
			deviations,
		});
	const client = '/ddcms/api/v3/client/DEMO';
	const newCustomer =
		'customerRef=CUST-100&email=grace%40example.com&title=Ms&firstName=Grace&surname=Hopper&line1=1%20Navy%20Way' +
		'&postCode=AB1%202CD&accountNumber=00123456&bankSortCode=123456&accountHolderName=G%20HOPPER&dateOfBirth=1986-12-09';
	const needs: Record<string, { sent: Partial<SpecRequest>; response?: SpecResponse }> = {
		'ddcms-query-string': {
			sent: {
				method: 'POST',
				path: `${client}/contract/${CONTRACT}/payment`,
				rawQuery: 'Amount=10.00&Comment=Fee',
			},
		},
		'ddcms-date-time-offset': {
			sent: { method: 'GET', path: `${client}/contract/${CONTRACT}/payment`, rawQuery: 'rows=1' },
			response: json({
				Payments: [{ Id: CONTRACT, Date: '2026-06-10T00:00:00.000', Amount: 25.0, Status: 'Paid' }],
			}),
		},
		'ddcms-dates': {
			sent: {
				method: 'POST',
				path: `${client}/contract/${CONTRACT}/payment`,
				rawQuery: 'amount=10.00&date=2026-07-01&comment=Fee',
			},
		},
		'ddcms-line2-optional': {
			sent: { method: 'POST', path: `${client}/customer`, rawQuery: newCustomer },
		},
		'ddcms-schedule-name-or-id': {
			sent: {
				method: 'POST',
				path: `${client}/customer/${CONTRACT}/contract`,
				rawQuery:
					'scheduleName=Monthly&start=2026-07-01&isGiftAid=false&terminationType=Until%20further%20notice&atTheEnd=Switch%20to%20Further%20Notice',
			},
		},
		'ddcms-account-holder-pattern': {
			sent: { method: 'POST', path: `${client}/customer`, rawQuery: newCustomer },
		},
		'ddcms-null-for-unset': {
			sent: { method: 'GET', path: `${client}/customer`, rawQuery: 'customerRef=CUST-001' },
			response: json({ Customers: [{ CustomerRef: 'CUST-001', CompanyName: null }] }),
		},
		'ddcms-payment-day-in-month': {
			sent: { method: 'GET', path: `${client}/customer/${CONTRACT}/contract` },
			response: json({
				CustomerId: CONTRACT,
				Contracts: [{ Id: CONTRACT, PaymentDayInMonth: '15' }],
			}),
		},
		'magicline-cancelation-status-absent': {
			sent: { method: 'GET', path: '/magicline/v1/memberships/9001/self-service/contract-data' },
			response: json([
				{
					id: 5001,
					startDate: '2029-06-29',
					endDate: '2030-06-29',
					rateName: 'Premium 12 months',
					contractStatus: 'ACTIVE',
					price: 39.9,
					priceDetails: {
						basePrice: { amount: 39.9, currency: 'EUR' },
						currentPrice: { amount: 39.9, currency: 'EUR' },
						paymentFrequency: { type: 'RECURRING' },
					},
					availableCancelationDates: ['2030-02-28'],
				},
			]),
		},
	};

	it('lists an example for every entry', () => {
		expect(Object.keys(needs).sort()).toEqual(DEVIATIONS.map((entry) => entry.id).sort());
	});

	it.each(DEVIATIONS.map((entry) => [entry.id, entry.spec]))('%s', (id, spec) => {
		const { sent, response } = needs[id];
		const check = (description: ReturnType<typeof load>) =>
			response
				? description.validateResponse(request(sent), response)
				: description.validateRequest(request(sent));
		expect(check(load(spec, DEVIATIONS))).toEqual([]);
		const without = check(
			load(
				spec,
				DEVIATIONS.filter((entry) => entry.id !== id),
			),
		);
		expect(without.length).toBeGreaterThan(0);
	});
});
