/**
 * Checks recorded HTTP exchanges against a provider's own API description (Swagger 2.0 or OpenAPI 3.x), so a
 * request the provider's spec does not allow fails a test even when our sandbox accepts it.
 *
 * Both spec versions are first read into one model (operations with parameters, body, responses, security), so
 * every rule is written once. JSON Schemas are checked with ajv; a schema inside the document is compiled through
 * a JSON pointer into the whole document, so its `$ref`s resolve as the spec means them.
 */
import { readFileSync } from 'node:fs';

import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

// ---- public types -----------------------------------------------------------------------------------------------

/** What the sandbox records of a request (a subset of its RecordedRequest). */
export interface SpecRequest {
	method: string;
	/** Raw path as received, still percent-encoded, without the query. */
	path: string;
	/** Text after '?', '' when none. */
	rawQuery: string;
	/** Lower-cased header names. */
	headers: Record<string, string>;
	body: string;
}

export interface SpecResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** One parameter of one operation: `path` is the spec's path template, `method` lower-case; '*' = any. */
export interface ParameterRef {
	method: string;
	path: string;
	parameter: string;
}

interface DeviationBase {
	/** Short id, used in messages. */
	id: string;
	/** The `name` the spec was loaded under. */
	spec: string;
	/** What differs between the spec and what the package (or the sandbox) does. */
	what: string;
	/** Why the package does it differently. */
	why: string;
	/** Where that is seen. */
	source: string;
}

/**
 * A place where the package and the provider's spec disagree on purpose. Each kind narrows one rule for the
 * places it names; no kind turns a rule off.
 */
export type Deviation = DeviationBase &
	(
		| {
				/** The spec marks these required; the package may leave them out. */
				kind: 'optional';
				where: ParameterRef[];
		  }
		| {
				/** The spec marks each of `parameters` required; exactly one of them must be sent. */
				kind: 'oneOf';
				method: string;
				path: string;
				parameters: string[];
		  }
		| {
				/** A value with this `format` may also match `alsoAccepts` (everywhere, or only for these parameters). */
				kind: 'format';
				format: string;
				alsoAccepts: RegExp;
				where: 'everywhere' | ParameterRef[];
		  }
		| {
				/** The spec's `pattern` for these parameters is no valid regular expression; `pattern` is used instead. */
				kind: 'pattern';
				pattern: string;
				where: ParameterRef[];
		  }
		| {
				/**
				 * Answers may carry `null` for a property the schema types but does not require (an unset value of a
				 * .NET API); such properties are checked as if absent. A required property that is null still fails.
				 */
				kind: 'nullForOptional';
		  }
		| {
				/**
				 * A property of an answer the spec describes so that the provider's values cannot match (a spec
				 * defect): in response bodies, `property` of the object schema at `schema` (a JSON pointer into the
				 * document, e.g. `/definitions/Contract`) is checked against `reading` instead of the spec's schema,
				 * and with `optional` it may be absent though the schema requires it. Request bodies keep the spec's
				 * schema. Loading fails when the schema has no such property (or `optional` names one not required).
				 */
				kind: 'responseProperty';
				schema: string;
				property: string;
				reading?: Record<string, unknown>;
				optional?: true;
		  }
		| {
				/**
				 * A field of the operation's body (a property or an example key of its schema, compared without regard
				 * to case) may come as a query parameter of the same name instead.
				 */
				kind: 'queryForBody';
				where: Array<{ method: string; path: string }>;
		  }
	);

export interface LoadOptions {
	/** Name used in messages and matched against `Deviation.spec`. */
	name: string;
	/** What comes before the spec's own base path in recorded paths (the sandbox's `/ddcms`, `/magicline`). */
	pathPrefix?: string;
	deviations?: readonly Deviation[];
}

export interface MatchedOperation {
	method: string;
	/** The spec's path template, e.g. `/client/{clientCode}/contract/{contractId}/amount`. */
	path: string;
}

export interface ApiDescription {
	name: string;
	/** The operation a request matches, or the violation that says why none does. */
	match(request: Pick<SpecRequest, 'method' | 'path'>): MatchedOperation | string;
	/** Every way the request breaks the spec; empty when it conforms. */
	validateRequest(request: SpecRequest): string[];
	/** Every way the response to `request` breaks the spec's response description for its status. */
	validateResponse(request: Pick<SpecRequest, 'method' | 'path'>, response: SpecResponse): string[];
}

// ---- the model both spec versions are read into -------------------------------------------------------------------

type Json = Record<string, unknown>;

interface Parameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required: boolean;
	allowEmptyValue: boolean;
	/** An array parameter that may repeat (`?a=1&a=2`): Swagger `collectionFormat: multi`, OpenAPI form + explode. */
	repeats: boolean;
	/** The schema's own keywords (an OpenAPI `$ref` followed), for the type and for deviations. */
	shape: Json;
	/** Where the schema sits in the document (OpenAPI), so its `$ref`s resolve; absent for a Swagger parameter. */
	pointer?: string;
}

/** Media type → JSON pointer of its schema in the document (undefined: no schema). */
type Content = Map<string, string | undefined>;

interface Body {
	required: boolean;
	content: Content;
	/** Field names the body may hold (schema properties and example keys), for `queryForBody`. */
	fields: string[];
}

interface SecurityScheme {
	name: string;
	type: string;
	in?: string;
	/** Header or query parameter name of an apiKey scheme. */
	keyName?: string;
	scheme?: string;
}

interface Operation {
	method: string;
	path: string;
	segments: RegExp[];
	literalSegments: number;
	parameters: Parameter[];
	body?: Body;
	/** Status code, `2XX` or `default` → what the answer holds. */
	responses: Map<string, Content>;
	/** Alternatives; each is a list of schemes that must all be satisfied. Empty: no authentication. */
	security: SecurityScheme[][];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function isAbsoluteHttpUrl(value: string): boolean {
	try {
		return /^https?:$/.test(new URL(value).protocol);
	} catch {
		return false;
	}
}

/**
 * Formats the specs use beyond ajv-formats' own, with the meaning their documents give them. `url` replaces
 * ajv-formats' rule, which refuses loopback and private hosts: DDCMS means any absolute URL to call back.
 */
const EXTRA_FORMATS: Record<string, RegExp | ((value: string) => boolean) | true> = {
	url: isAbsoluteHttpUrl,
	guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
	// DDCMS: "Format: YYYY-MM-DDT00:00:00.000" (its descriptions), with or without an offset.
	datetime: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/,
	decimal: true,
	'ISO 3166-1': /^[A-Z]{2}$/,
	'ISO 639-1': /^[a-z]{2}$/,
	'ISO 4217': /^[A-Z]{3}$/,
};

const INT_RANGES: Record<string, [bigint, bigint]> = {
	int32: [-(2n ** 31n), 2n ** 31n - 1n],
	int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

// ---- loading ------------------------------------------------------------------------------------------------------

export function loadApiDescription(file: string, options: LoadOptions): ApiDescription {
	const text = readFileSync(file, 'utf8');
	const document = (file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as Json;
	return readApiDescription(document, options);
}

/** Builds the validator from a parsed document (the unit tests hand it small made-up specs). */
export function readApiDescription(document: Json, options: LoadOptions): ApiDescription {
	const isSwagger = document.swagger === '2.0';
	if (!isSwagger && !/^3\./.test(String(document.openapi)))
		throw new Error(`${options.name}: neither Swagger 2.0 nor OpenAPI 3`);
	const deviations = (options.deviations ?? []).filter((entry) => entry.spec === options.name);
	const schemas = new SchemaChecker(document, isSwagger, deviations, options.name);
	const operations = isSwagger ? readSwagger(document) : readOpenApi(document);
	const basePath = isSwagger ? String(document.basePath ?? '') : serverPath(document);
	const prefix = `${options.pathPrefix ?? ''}${basePath}`.replace(/\/$/, '');
	const context: RuleContext = { name: options.name, deviations, schemas };

	function match(request: Pick<SpecRequest, 'method' | 'path'>): Matched | string {
		const method = request.method.toLowerCase();
		if (!request.path.startsWith(`${prefix}/`))
			return `${request.method} ${request.path}: path is not under ${prefix}/`;
		const segments = request.path.slice(prefix.length + 1).split('/');
		const onPath = operations.filter(
			(operation) =>
				operation.segments.length === segments.length &&
				operation.segments.every((pattern, index) => pattern.test(segments[index])),
		);
		const candidates = onPath.filter((operation) => operation.method === method);
		if (candidates.length === 0) {
			return onPath.length === 0
				? `${request.method} ${request.path}: no path of the ${options.name} spec matches`
				: `${request.method} ${request.path}: ${onPath[0].path} does not allow ${request.method} (only ${onPath.map((o) => o.method.toUpperCase()).join(', ')})`;
		}
		// OpenAPI: a concrete path wins over a templated one (`/customers/by` over `/customers/{customerId}`).
		const mostLiteral = Math.max(...candidates.map((operation) => operation.literalSegments));
		const best = candidates.filter((operation) => operation.literalSegments === mostLiteral);
		if (best.length > 1)
			return `${request.method} ${request.path}: matches ${best.length} spec paths (${best.map((o) => o.path).join(', ')})`;
		return { operation: best[0], segments };
	}

	return {
		name: options.name,
		match(request) {
			const found = match(request);
			return typeof found === 'string'
				? found
				: { method: found.operation.method, path: found.operation.path };
		},
		validateRequest(request) {
			const found = match(request);
			if (typeof found === 'string') return [found];
			const label = `${found.operation.method.toUpperCase()} ${found.operation.path}`;
			return requestRules
				.flatMap((rule) => rule(found.operation, found.segments, request, context))
				.map((violation) => `${label}: ${violation}`);
		},
		validateResponse(request, response) {
			const found = match(request);
			if (typeof found === 'string') return [found];
			const label = `${found.operation.method.toUpperCase()} ${found.operation.path} → ${response.status}`;
			return checkResponse(found.operation, response, context).map(
				(violation) => `${label}: ${violation}`,
			);
		},
	};
}

interface Matched {
	operation: Operation;
	/** The request path's segments after the prefix, still percent-encoded. */
	segments: string[];
}

function serverPath(document: Json): string {
	const servers = (document.servers as Array<{ url: string }> | undefined) ?? [];
	if (servers.length === 0) return '';
	return new URL(servers[0].url, 'http://server.invalid').pathname.replace(/\/$/, '');
}

/** JSON pointer of a document location, percent-encoded so it can sit in a `$ref` URI. */
function pointer(...tokens: string[]): string {
	return tokens
		.map((token) => `/${encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'))}`)
		.join('');
}

function templateSegments(path: string): { segments: RegExp[]; literalSegments: number } {
	const parts = path.replace(/^\//, '').split('/');
	const segments = parts.map((part) => {
		const source = part
			.split(/(\{[^}]+\})/)
			.map((piece) =>
				/^\{[^}]+\}$/.test(piece) ? '([^/]+)' : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
			)
			.join('');
		return new RegExp(`^${source}$`);
	});
	return { segments, literalSegments: parts.filter((part) => !part.includes('{')).length };
}

interface Located {
	value: Json;
	/** Where `value` sits in the document, as JSON pointer tokens. */
	tokens: string[];
}

/** Follows local `$ref`s (`#/parameters/x`, `#/components/...`) to the object they name, and where it sits. */
function locate(document: Json, value: Json, tokens: string[]): Located {
	let current: Located = { value, tokens };
	for (let depth = 0; typeof current.value.$ref === 'string' && depth < 10; depth++) {
		const ref = current.value.$ref;
		const refTokens = ref
			.replace(/^#\//, '')
			.split('/')
			.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
		const target = refTokens.reduce<Json | undefined>(
			(node, token) => node?.[token] as Json | undefined,
			document,
		);
		if (!target) throw new Error(`unresolvable $ref ${ref}`);
		current = { value: target, tokens: refTokens };
	}
	return current;
}

const resolveLocal = (document: Json, value: Json): Json => locate(document, value, []).value;

function schemeList(document: Json, requirement: unknown, definitions: Json): SecurityScheme[][] {
	const alternatives = (requirement as Array<Record<string, unknown>> | undefined) ?? [];
	return alternatives.map((alternative) =>
		Object.keys(alternative).map((name) => {
			const scheme = resolveLocal(document, definitions[name] as Json);
			if (!scheme) throw new Error(`security scheme ${name} is not defined`);
			return {
				name,
				type: String(scheme.type),
				in: scheme.in as string | undefined,
				keyName: scheme.name as string | undefined,
				scheme: scheme.scheme as string | undefined,
			};
		}),
	);
}

/** Example and property names of a body schema (a Swagger body usually holds only an example). */
function bodyFields(document: Json, schema: Json | undefined): string[] {
	if (!schema) return [];
	const resolved = resolveLocal(document, schema);
	const properties = Object.keys((resolved.properties as Json | undefined) ?? {});
	const example = resolved.example;
	const exampleKeys =
		example && typeof example === 'object' && !Array.isArray(example) ? Object.keys(example) : [];
	return [...properties, ...exampleKeys];
}

function readSwagger(document: Json): Operation[] {
	const paths = (document.paths as Record<string, Json>) ?? {};
	const definitions = (document.securityDefinitions as Json) ?? {};
	const operations: Operation[] = [];
	for (const [path, item] of Object.entries(paths)) {
		for (const method of METHODS.filter((name) => item[name])) {
			const raw = item[method] as Json;
			const all = mergeParameters(document, path, method, item, raw).map(({ value, tokens }) => ({
				parameter: value,
				tokens,
			}));
			const consumes = (raw.consumes ?? document.consumes ?? ['application/json']) as string[];
			const produces = (raw.produces ?? document.produces ?? []) as string[];
			const bodyParameter = all.find(({ parameter }) => parameter.in === 'body');
			const formFields = all.filter(({ parameter }) => parameter.in === 'formData');
			// formData fields (a file upload in DDCMS) form a body whose content type is checked, not its fields.
			const body: Body | undefined = bodyParameter
				? {
						required: bodyParameter.parameter.required === true,
						content: new Map(
							consumes.map((type) => [type, pointer(...bodyParameter.tokens, 'schema')]),
						),
						fields: bodyFields(document, bodyParameter.parameter.schema as Json | undefined),
					}
				: formFields.length > 0
					? {
							required: formFields.some(({ parameter }) => parameter.required === true),
							content: new Map(consumes.map((type) => [type, undefined])),
							fields: formFields.map(({ parameter }) => String(parameter.name)),
						}
					: undefined;
			const responses = new Map<string, Content>();
			for (const [status, entry] of Object.entries((raw.responses as Json) ?? {})) {
				const response = locate(document, entry as Json, [
					'paths',
					path,
					method,
					'responses',
					status,
				]);
				const schemaPointer = response.value.schema
					? pointer(...response.tokens, 'schema')
					: undefined;
				const media = produces.length > 0 ? produces : ['*/*'];
				responses.set(status, new Map(media.map((type) => [type, schemaPointer])));
			}
			operations.push({
				method,
				path,
				...templateSegments(path),
				parameters: all
					.map(({ parameter }) => parameter)
					.filter((parameter) => parameter.in !== 'body' && parameter.in !== 'formData')
					.map((parameter) => ({
						name: String(parameter.name),
						in: parameter.in as Parameter['in'],
						required: parameter.required === true || parameter.in === 'path',
						allowEmptyValue: parameter.allowEmptyValue === true,
						repeats: parameter.collectionFormat === 'multi',
						shape: swaggerParameterSchema(parameter),
					})),
				body,
				responses,
				security: schemeList(document, raw.security ?? document.security, definitions),
			});
		}
	}
	return operations;
}

/** Path-level parameters, overridden by the operation's own of the same name and location. */
function mergeParameters(
	document: Json,
	path: string,
	method: string,
	item: Json,
	raw: Json,
): Located[] {
	const merged = new Map<string, Located>();
	const levels: Array<[unknown, string[]]> = [
		[item.parameters, ['paths', path, 'parameters']],
		[raw.parameters, ['paths', path, method, 'parameters']],
	];
	for (const [list, base] of levels) {
		((list as Json[] | undefined) ?? []).forEach((entry, index) => {
			const located = locate(document, entry, [...base, String(index)]);
			merged.set(`${String(located.value.in)}:${String(located.value.name)}`, located);
		});
	}
	return [...merged.values()];
}

const SWAGGER_SCHEMA_KEYS = [
	'type',
	'format',
	'items',
	'enum',
	'maximum',
	'minimum',
	'exclusiveMaximum',
	'exclusiveMinimum',
	'multipleOf',
	'maxLength',
	'minLength',
	'pattern',
	'maxItems',
	'minItems',
	'uniqueItems',
];

/** A Swagger 2.0 non-body parameter carries its JSON Schema keywords on itself. */
function swaggerParameterSchema(parameter: Json): Json {
	return Object.fromEntries(
		SWAGGER_SCHEMA_KEYS.filter((key) => parameter[key] !== undefined).map((key) => [
			key,
			parameter[key],
		]),
	);
}

/** An OpenAPI `content` map: media type → pointer of its schema. */
function contentOf({ value, tokens }: Located): Content {
	const content = (value.content as Record<string, Json> | undefined) ?? {};
	return new Map(
		Object.entries(content).map(([type, media]) => [
			type,
			media.schema ? pointer(...tokens, 'content', type, 'schema') : undefined,
		]),
	);
}

function readOpenApi(document: Json): Operation[] {
	const paths = (document.paths as Record<string, Json>) ?? {};
	const components = (document.components as Json) ?? {};
	const definitions = (components.securitySchemes as Json) ?? {};
	const operations: Operation[] = [];
	for (const [path, item] of Object.entries(paths)) {
		for (const method of METHODS.filter((name) => item[name])) {
			const raw = item[method] as Json;
			const parameters = mergeParameters(document, path, method, item, raw).map(
				({ value: parameter, tokens }) => {
					if (!parameter.schema)
						throw new Error(
							`${method} ${path}: parameter ${String(parameter.name)} without a schema`,
						);
					const shape = resolveLocal(document, parameter.schema as Json);
					const style = (parameter.style as string | undefined) ?? 'form';
					return {
						name: String(parameter.name),
						in: parameter.in as Parameter['in'],
						required: parameter.required === true || parameter.in === 'path',
						allowEmptyValue: parameter.allowEmptyValue === true,
						repeats:
							parameter.in === 'query' &&
							style === 'form' &&
							parameter.explode !== false &&
							shape.type === 'array',
						shape,
						pointer: pointer(...tokens, 'schema'),
					};
				},
			);
			let body: Body | undefined;
			if (raw.requestBody) {
				const requestBody = locate(document, raw.requestBody as Json, [
					'paths',
					path,
					method,
					'requestBody',
				]);
				const media = Object.values((requestBody.value.content as Record<string, Json>) ?? {});
				body = {
					required: requestBody.value.required === true,
					content: contentOf(requestBody),
					fields: media.flatMap((entry) => bodyFields(document, entry.schema as Json | undefined)),
				};
			}
			const responses = new Map<string, Content>();
			for (const [status, entry] of Object.entries((raw.responses as Json) ?? {})) {
				responses.set(
					status,
					contentOf(locate(document, entry as Json, ['paths', path, method, 'responses', status])),
				);
			}
			operations.push({
				method,
				path,
				...templateSegments(path),
				parameters,
				body,
				responses,
				security: schemeList(document, raw.security ?? document.security, definitions),
			});
		}
	}
	return operations;
}

// ---- schemas ------------------------------------------------------------------------------------------------------

const matches = (where: ParameterRef, operation: Operation, parameter: string) =>
	(where.method === '*' || where.method === operation.method) &&
	(where.path === '*' || where.path === operation.path) &&
	where.parameter === parameter;

/** One ajv instance per document: formats registered once, schemas compiled once and cached. */
class SchemaChecker {
	private readonly ajv: Ajv;
	private readonly id: string;
	private readonly responseId: string;
	private readonly cache = new Map<string, ValidateFunction | string>();

	constructor(
		document: Json,
		isSwagger: boolean,
		private readonly deviations: Deviation[],
		name: string,
	) {
		const options = {
			strict: false,
			allErrors: true,
			multipleOfPrecision: 9,
			logger: false as const,
		};
		this.ajv = isSwagger ? new Ajv(options) : (new Ajv2020(options) as unknown as Ajv);
		addFormats(this.ajv);
		for (const [format, rule] of Object.entries(EXTRA_FORMATS))
			this.ajv.addFormat(format, rule === true ? () => true : rule);
		// A format deviation that applies everywhere widens the format itself.
		for (const entry of deviations) {
			if (entry.kind === 'format' && entry.where === 'everywhere')
				this.addWidenedFormat(entry.format, entry.format, entry.alsoAccepts);
		}
		const unknown = [...collectFormats(document)].filter((format) => !this.ajv.formats[format]);
		if (unknown.length > 0)
			throw new Error(
				`${name}: no rule for format(s) ${unknown.join(', ')}; add one to EXTRA_FORMATS`,
			);
		this.id = `spec:${name}`;
		// The whole document is the schema root: `#/definitions/...` and `#/components/...` resolve inside it.
		this.ajv.addSchema({ ...document, $id: this.id }, this.id, undefined, false);
		// Answers are checked against a copy with the `responseProperty` readings, when there are any.
		const readings = withResponseReadings(document, deviations, name);
		this.responseId = readings ? `${this.id}:responses` : this.id;
		if (readings)
			this.ajv.addSchema({ ...readings, $id: this.responseId }, this.responseId, undefined, false);
	}

	private addWidenedFormat(name: string, original: string, alsoAccepts: RegExp): void {
		const base = this.ajv.formats[original] as
			| RegExp
			| ((value: string) => boolean)
			| { validate: RegExp | ((value: string) => boolean) }
			| undefined;
		const test = (rule: unknown, value: string): boolean =>
			rule instanceof RegExp
				? rule.test(value)
				: typeof rule === 'function'
					? Boolean((rule as (value: string) => boolean)(value))
					: rule && typeof rule === 'object'
						? test((rule as { validate: unknown }).validate, value)
						: false;
		this.ajv.addFormat(name, {
			type: 'string',
			validate: (value: string) => alsoAccepts.test(value) || test(base, value),
		});
	}

	/** Checks a value against the schema at a document pointer, as the spec reads for a request or a response. */
	checkAt(schemaPointer: string, value: unknown, direction: Direction = 'request'): string[] {
		const id = direction === 'response' ? this.responseId : this.id;
		return this.run(`${id}#${schemaPointer}`, () => ({ $ref: `${id}#${schemaPointer}` }), value);
	}

	/**
	 * Checks a parameter value against its schema, after the deviations that name this parameter adjusted it;
	 * an invalid spec pattern is itself a violation unless a deviation replaces it.
	 */
	checkParameter(operation: Operation, parameter: Parameter, value: unknown): string[] {
		const violations: string[] = [];
		const key = `${operation.method} ${operation.path} ${parameter.in}:${parameter.name}`;
		const named = this.deviations.filter(
			(entry) =>
				(entry.kind === 'pattern' || (entry.kind === 'format' && entry.where !== 'everywhere')) &&
				(entry.where as ParameterRef[]).some((w) => matches(w, operation, parameter.name)),
		);
		if (parameter.pointer && named.length === 0) return this.checkAt(parameter.pointer, value);
		const schema: Json = { ...parameter.shape };
		for (const entry of named) {
			if (entry.kind === 'pattern') schema.pattern = entry.pattern;
			if (entry.kind === 'format' && schema.format === entry.format) {
				const widened = `${entry.format}|${entry.id}`;
				if (!this.ajv.formats[widened])
					this.addWidenedFormat(widened, entry.format, entry.alsoAccepts);
				schema.format = widened;
			}
		}
		if (typeof schema.pattern === 'string') {
			try {
				new RegExp(schema.pattern, 'u');
			} catch (error) {
				violations.push(
					`the spec's pattern ${JSON.stringify(schema.pattern)} for ${parameter.name} is not a valid regular expression (${(error as Error).message}); add a 'pattern' deviation saying how to read it`,
				);
				delete schema.pattern;
			}
		}
		return [...violations, ...this.run(`${key} ${JSON.stringify(schema)}`, () => schema, value)];
	}

	private run(cacheKey: string, schema: () => Json, value: unknown): string[] {
		let validate = this.cache.get(cacheKey);
		if (validate === undefined) {
			try {
				validate = this.ajv.compile(schema());
			} catch (error) {
				validate = `schema cannot be compiled: ${(error as Error).message}`;
			}
			this.cache.set(cacheKey, validate);
		}
		if (typeof validate === 'string') return [validate];
		return validate(value) ? [] : (validate.errors ?? []).map(describeError);
	}
}

type Direction = 'request' | 'response';

/**
 * A copy of the document with the `responseProperty` deviations applied, or undefined when there are none. A
 * deviation that names no property of its schema is an error, so a stale entry cannot pass unnoticed.
 */
function withResponseReadings(
	document: Json,
	deviations: Deviation[],
	name: string,
): Json | undefined {
	const entries = deviations.filter(
		(entry): entry is Extract<Deviation, { kind: 'responseProperty' }> =>
			entry.kind === 'responseProperty',
	);
	if (entries.length === 0) return undefined;
	const copy = structuredClone(document);
	for (const entry of entries) {
		const target = entry.schema
			.replace(/^\//, '')
			.split('/')
			.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
			.reduce<Json | undefined>((node, token) => node?.[token] as Json | undefined, copy);
		const properties = target?.properties as Json | undefined;
		if (!target || !properties?.[entry.property])
			throw new Error(
				`${name}: deviation ${entry.id} names property ${entry.property} of ${entry.schema}, which the spec does not have`,
			);
		if (entry.reading) properties[entry.property] = entry.reading;
		if (entry.optional) {
			const required = (target.required as string[] | undefined) ?? [];
			if (!required.includes(entry.property))
				throw new Error(
					`${name}: deviation ${entry.id} makes ${entry.property} of ${entry.schema} optional, but the spec does not require it`,
				);
			target.required = required.filter((property) => property !== entry.property);
		}
	}
	return copy;
}

function describeError(error: ErrorObject): string {
	const where = error.instancePath === '' ? 'value' : error.instancePath;
	const detail =
		error.keyword === 'enum'
			? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
			: error.keyword === 'additionalProperties'
				? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})`
				: '';
	return `${where} ${error.message ?? error.keyword}${detail}`;
}

function collectFormats(node: unknown, found = new Set<string>()): Set<string> {
	if (Array.isArray(node)) node.forEach((child) => collectFormats(child, found));
	else if (node && typeof node === 'object') {
		const object = node as Json;
		if (typeof object.format === 'string' && object.type !== undefined) found.add(object.format);
		Object.values(object).forEach((child) => collectFormats(child, found));
	}
	return found;
}

// ---- request rules ------------------------------------------------------------------------------------------------

interface RuleContext {
	name: string;
	deviations: Deviation[];
	schemas: SchemaChecker;
}

type RequestRule = (
	operation: Operation,
	segments: string[],
	request: SpecRequest,
	context: RuleContext,
) => string[];

/**
 * A parameter's text as the typed value its schema describes. Integers keep their exact digits for the
 * int32/int64 range check (`9007199254740993` is a valid int64 even though a JS number cannot hold it).
 */
function typedValue(text: string, schema: Json): { value?: unknown; violation?: string } {
	const type = schema.type;
	if (type === 'integer') {
		if (!/^-?\d+$/.test(text)) return { violation: `${JSON.stringify(text)} is not an integer` };
		const range = INT_RANGES[String(schema.format)];
		if (range && (BigInt(text) < range[0] || BigInt(text) > range[1]))
			return { violation: `${text} is outside ${String(schema.format)}` };
		return { value: Number(text) };
	}
	if (type === 'number') {
		if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
			return { violation: `${JSON.stringify(text)} is not a number` };
		return { value: Number(text) };
	}
	if (type === 'boolean') {
		if (text !== 'true' && text !== 'false')
			return { violation: `${JSON.stringify(text)} is not true or false` };
		return { value: text === 'true' };
	}
	return { value: text };
}

function checkValue(
	operation: Operation,
	parameter: Parameter,
	texts: string[],
	context: RuleContext,
	location: 'query' | 'path' | 'header',
): string[] {
	const label = `${location} parameter ${parameter.name}`;
	if (texts.some((text) => text === '') && !parameter.allowEmptyValue)
		return [`${label} is sent empty`];
	const schema = parameter.shape;
	let value: unknown;
	if (schema.type === 'array') {
		const items = (schema.items as Json | undefined) ?? {};
		const parts = parameter.repeats ? texts : texts[0].split(',');
		const typed = parts.map((part) => typedValue(part, items));
		const bad = typed.find((entry) => entry.violation);
		if (bad) return [`${label}: ${bad.violation!}`];
		value = typed.map((entry) => entry.value);
	} else {
		const typed = typedValue(texts[0], schema);
		if (typed.violation) return [`${label}: ${typed.violation}`];
		value = typed.value;
	}
	return context.schemas
		.checkParameter(operation, parameter, value)
		.map(
			(violation) =>
				`${label} ${JSON.stringify(texts.join(','))}: ${violation.replace(/^value /, '')}`,
		);
}

const checkPathParameters: RequestRule = (operation, segments, _request, context) => {
	const violations: string[] = [];
	const names = operation.path
		.replace(/^\//, '')
		.split('/')
		.flatMap((part, index) =>
			[...part.matchAll(/\{([^}]+)\}/g)].map((found) => ({ name: found[1], index })),
		);
	for (const { name, index } of names) {
		const parameter = operation.parameters.find(
			(candidate) => candidate.in === 'path' && candidate.name === name,
		);
		if (!parameter) {
			violations.push(`path parameter ${name} is not declared`);
			continue;
		}
		const raw = operation.segments[index].exec(segments[index])?.[1] ?? '';
		let text: string;
		try {
			text = decodeURIComponent(raw);
		} catch {
			violations.push(
				`path parameter ${name}: ${JSON.stringify(raw)} is not valid percent-encoding`,
			);
			continue;
		}
		if (/^\{.*\}$/.test(text) || text === 'undefined' || text === 'null')
			violations.push(`path parameter ${name} is not filled in (${JSON.stringify(text)})`);
		else violations.push(...checkValue(operation, parameter, [text], context, 'path'));
	}
	return violations;
};

function parseQuery(rawQuery: string): Map<string, string[]> {
	const values = new Map<string, string[]>();
	for (const [name, value] of new URLSearchParams(rawQuery)) {
		values.set(name, [...(values.get(name) ?? []), value]);
	}
	return values;
}

function apiKeyQueryNames(operation: Operation): Set<string> {
	return new Set(
		operation.security
			.flat()
			.flatMap((scheme) =>
				scheme.type === 'apiKey' && scheme.in === 'query' && scheme.keyName ? [scheme.keyName] : [],
			),
	);
}

const checkQuery: RequestRule = (operation, _segments, request, context) => {
	const violations: string[] = [];
	const sent = parseQuery(request.rawQuery);
	const declared = operation.parameters.filter((parameter) => parameter.in === 'query');
	const keyNames = apiKeyQueryNames(operation);
	for (const [name, texts] of sent) {
		const parameter = declared.find((candidate) => candidate.name === name);
		if (!parameter) {
			if (keyNames.has(name)) continue;
			const bodyField = context.deviations.find(
				(entry) =>
					entry.kind === 'queryForBody' &&
					entry.where.some((w) => w.method === operation.method && w.path === operation.path) &&
					operation.body?.fields.some((field) => field.toLowerCase() === name.toLowerCase()),
			);
			if (!bodyField) violations.push(`query parameter ${name} is not declared for this operation`);
			continue;
		}
		if (texts.length > 1 && !parameter.repeats)
			violations.push(`query parameter ${name} is sent ${texts.length} times`);
		violations.push(...checkValue(operation, parameter, texts, context, 'query'));
	}
	violations.push(...missingRequired(operation, declared, (name) => sent.has(name), context));
	return violations;
};

/** Required parameters not sent, after `optional` and `oneOf` deviations. */
function missingRequired(
	operation: Operation,
	declared: Parameter[],
	isSent: (name: string) => boolean,
	context: RuleContext,
): string[] {
	const violations: string[] = [];
	const relaxed = new Set<string>();
	for (const entry of context.deviations) {
		if (entry.kind === 'optional')
			for (const parameter of declared)
				if (entry.where.some((w) => matches(w, operation, parameter.name)))
					relaxed.add(parameter.name);
		if (
			entry.kind === 'oneOf' &&
			entry.method === operation.method &&
			entry.path === operation.path &&
			declared.some((parameter) => entry.parameters.includes(parameter.name))
		) {
			entry.parameters.forEach((name) => relaxed.add(name));
			const given = entry.parameters.filter(isSent);
			if (given.length !== 1)
				violations.push(
					`exactly one of ${entry.parameters.join(', ')} must be sent (${entry.id}); ${given.length === 0 ? 'none was' : `${given.join(' and ')} were`}`,
				);
		}
	}
	for (const parameter of declared) {
		if (parameter.required && !relaxed.has(parameter.name) && !isSent(parameter.name))
			violations.push(`required ${parameter.in} parameter ${parameter.name} is missing`);
	}
	return violations;
}

const checkHeaders: RequestRule = (operation, _segments, request, context) => {
	const declared = operation.parameters.filter((parameter) => parameter.in === 'header');
	const violations = missingRequired(
		operation,
		declared,
		(name) => request.headers[name.toLowerCase()] !== undefined,
		context,
	);
	for (const parameter of declared) {
		const text = request.headers[parameter.name.toLowerCase()];
		if (text !== undefined)
			violations.push(...checkValue(operation, parameter, [text], context, 'header'));
	}
	return violations;
};

function satisfies(scheme: SecurityScheme, request: SpecRequest): boolean {
	if (scheme.type === 'apiKey') {
		if (scheme.in === 'header') return Boolean(request.headers[scheme.keyName!.toLowerCase()]);
		if (scheme.in === 'query')
			return Boolean(parseQuery(request.rawQuery).get(scheme.keyName!)?.[0]);
		if (scheme.in === 'cookie')
			return new RegExp(`(^|;\\s*)${scheme.keyName}=`).test(request.headers.cookie ?? '');
	}
	const authorization = request.headers.authorization ?? '';
	if (
		scheme.type === 'basic' ||
		(scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic')
	)
		return /^basic \S+/i.test(authorization);
	return /^bearer \S+/i.test(authorization) || (scheme.type === 'http' && authorization !== '');
}

const checkSecurity: RequestRule = (operation, _segments, request) => {
	if (operation.security.length === 0) return [];
	if (operation.security.some((all) => all.every((scheme) => satisfies(scheme, request))))
		return [];
	const described = operation.security.map((all) =>
		all
			.map((scheme) =>
				scheme.type === 'apiKey' ? `${scheme.in} ${scheme.keyName} (${scheme.name})` : scheme.name,
			)
			.join(' + '),
	);
	return [`authentication missing: the spec asks for ${described.join(' or ')}`];
};

function mediaType(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The declared media type a content type falls under (`application/*`, `*\/*` included). */
function declaredMedia(content: Content, type: string): string | undefined {
	const [major] = type.split('/');
	return [...content.keys()].find((candidate) => {
		const declared = candidate.toLowerCase();
		return declared === type || declared === `${major}/*` || declared === '*/*';
	});
}

const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

/** Parses a JSON body and checks it against the schema declared for its media type. */
function checkJsonBody(
	content: Content,
	type: string,
	text: string,
	direction: Direction,
	context: RuleContext,
): string[] {
	const what = `${direction} body`;
	const declared = declaredMedia(content, type);
	if (declared === undefined)
		return [
			`${what} has content type ${JSON.stringify(type || '(none)')}, the spec declares ${[...content.keys()].join(', ') || 'none'}`,
		];
	const schemaPointer = content.get(declared);
	if (!isJson(type) || schemaPointer === undefined) return [];
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return [`${what} is not valid JSON`];
	}
	return context.schemas
		.checkAt(schemaPointer, value, direction)
		.map((violation) => `${what} ${violation.replace(/^value /, '')}`);
}

const checkBody: RequestRule = (operation, _segments, request, context) => {
	const hasBody = request.body.length > 0;
	if (!operation.body) return hasBody ? ['sends a body, the operation declares none'] : [];
	if (!hasBody) return operation.body.required ? ['sends no body, the operation requires one'] : [];
	return checkJsonBody(
		operation.body.content,
		mediaType(request.headers['content-type']),
		request.body,
		'request',
		context,
	);
};

const requestRules: RequestRule[] = [
	checkPathParameters,
	checkQuery,
	checkHeaders,
	checkBody,
	checkSecurity,
];

// ---- responses ----------------------------------------------------------------------------------------------------

function checkResponse(
	operation: Operation,
	response: SpecResponse,
	context: RuleContext,
): string[] {
	const status = String(response.status);
	const declared =
		operation.responses.get(status) ??
		operation.responses.get(`${status[0]}XX`) ??
		operation.responses.get('default');
	if (!declared)
		return [
			`status ${status} is not among the documented responses (${[...operation.responses.keys()].join(', ')})`,
		];
	const type = mediaType(response.headers['content-type']);
	if (response.body.length === 0) {
		const withSchema = [...declared.entries()].filter(([, schema]) => schema !== undefined);
		return withSchema.length > 0
			? [
					`empty body, the spec declares ${withSchema.map(([media]) => media).join(', ')} with a schema`,
				]
			: [];
	}
	if (declared.size === 0) return [];
	const nullsAsAbsent = context.deviations.some((entry) => entry.kind === 'nullForOptional');
	return checkJsonBody(
		declared,
		type,
		nullsAsAbsent ? withoutNullMembers(response.body) : response.body,
		'response',
		context,
	);
}

/** A JSON text with every object member whose value is null left out (see the `nullForOptional` deviation). */
function withoutNullMembers(body: string): string {
	try {
		return JSON.stringify(
			JSON.parse(body, (_key, value: unknown) => (value === null ? undefined : value)),
		);
	} catch {
		return body;
	}
}
