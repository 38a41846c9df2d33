/**
 * Every DDCMS and Magicline operation the nodes offer, run inside the engine against the sandbox, checked against
 * the provider's own API description: each request it sends (with all parameters, and with only the ones the node
 * marks required), and each answer the sandbox gives it.
 *
 * Operations are read from the nodes' `description.properties`, so one added later is run too, and fails until
 * `samples.ts` gives it values.
 */
import { join } from 'node:path';

import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AccessPaySuite } from '../../nodes/AccessPaySuite/AccessPaySuite.node';
import { AccessPaySuiteTrigger } from '../../nodes/AccessPaySuite/AccessPaySuiteTrigger.node';
import { Magicline } from '../../nodes/Magicline/Magicline.node';
import { startWebhookHost } from '../harness/engine';
import { credentialsFor, useSandbox } from '../harness/fixture';
import type { NodeRun } from '../harness/fixture';
import { DEVIATIONS } from './deviations';
import { loadApiDescription } from './openapi';
import type { ApiDescription } from './openapi';
import { startRecorder } from './recorder';
import type { Recorder, RecordedExchange } from './recorder';
import { PREPARE, SAMPLES } from './samples';

const SPECS = join(__dirname, '..', 'fixtures', 'specs');

interface NodeUnderSpec {
	type: string;
	credentialType: string;
	properties: INodeProperties[];
	spec: ApiDescription;
	/** The credential's base URL when the recorder stands in for the sandbox. */
	baseUrl: (root: string) => string;
}

/** A node and the spec of its provider; the sandbox serves the provider under `/<specName>`. */
function nodeUnderSpec(
	node: { type: string; credentialType: string; properties: INodeProperties[] },
	specName: string,
	file: string,
	baseUrlEnd = '',
): NodeUnderSpec {
	return {
		...node,
		spec: loadApiDescription(join(SPECS, file), {
			name: specName,
			pathPrefix: `/${specName}`,
			deviations: DEVIATIONS,
		}),
		baseUrl: (root) => `${root}/${specName}${baseUrlEnd}`,
	};
}

const NODES: NodeUnderSpec[] = [
	nodeUnderSpec(
		{
			type: 'accessPaySuite',
			credentialType: 'accessPaySuiteApi',
			properties: new AccessPaySuite().description.properties,
		},
		'ddcms',
		'ddcms-api-v3.swagger.yaml',
		// as test/harness/fixture.ts gives it
		'/',
	),
	nodeUnderSpec(
		{
			type: 'magicline',
			credentialType: 'magiclineApi',
			properties: new Magicline().description.properties,
		},
		'magicline',
		'magicline-open-api-1.5.0.openapi.json',
	),
];

/**
 * Answers of the current sandbox that the spec does not allow, per node and operation (listed in the report to the
 * lead, who fixes the sandbox). Their response test is `it.failing`: it starts failing, and so asks to be removed
 * from here, once the sandbox answers as the spec says.
 */
const KNOWN_SANDBOX_MISMATCHES: Record<string, Record<string, string>> = {};

// ---- reading the node descriptions --------------------------------------------------------------------------------

function optionValues(property: INodeProperties | undefined): string[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).map((option) =>
		String(option.value),
	);
}

function operationsOf(
	properties: INodeProperties[],
): Array<{ resource: string; operation: string }> {
	const resources = optionValues(properties.find((property) => property.name === 'resource'));
	return resources.flatMap((resource) =>
		properties
			.filter(
				(property) =>
					property.name === 'operation' &&
					(property.displayOptions?.show?.resource ?? []).includes(resource),
			)
			.flatMap((property) => optionValues(property).map((operation) => ({ resource, operation }))),
	);
}

/** n8n's displayOptions, for plain values: every `show` condition holds and no `hide` condition does. */
function isShown(property: INodeProperties, values: IDataObject): boolean {
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	const holds = ([name, allowed]: [string, unknown]) =>
		((allowed as unknown[] | undefined) ?? []).includes(values[name]);
	return Object.entries(show).every(holds) && !Object.entries(hide).some((entry) => holds(entry));
}

/** The parameters shown for these values, with n8n's defaults for the ones not given. */
function shownProperties(properties: INodeProperties[], given: IDataObject): INodeProperties[] {
	let values: IDataObject = { ...given };
	let shown: INodeProperties[] = [];
	// A parameter's default can show another one (returnAll false shows limit): settle in a few rounds.
	for (let round = 0; round < 4; round++) {
		shown = properties.filter((property) => isShown(property, values));
		const defaults = Object.fromEntries(shown.map((property) => [property.name, property.default]));
		values = { ...defaults, ...given };
	}
	return shown;
}

// ---- the runs -----------------------------------------------------------------------------------------------------

const context = useSandbox();
let recorder: Recorder;
beforeAll(async () => {
	recorder = await startRecorder(context.sandbox.url);
});
afterAll(async () => recorder.close());

interface Exchange {
	run: NodeRun;
	/** The sandbox's answers to `run.requests`, in the same order. */
	answers: RecordedExchange[];
}

async function runNode(
	node: NodeUnderSpec,
	key: string,
	parameters: IDataObject,
): Promise<Exchange> {
	PREPARE[node.type]?.[key]?.(context.sandbox);
	const before = recorder.exchanges.length;
	const run = await context.run(
		{
			type: node.type,
			credentialType: node.credentialType,
			parameters,
			onError: 'continueRegularOutput',
		},
		[{}],
		{ [node.credentialType]: { baseUrl: node.baseUrl(recorder.url) } },
	);
	return { run, answers: recorder.exchanges.slice(before) };
}

function requestViolations(node: NodeUnderSpec, run: NodeRun): string[] {
	return run.requests.flatMap((request, index) =>
		node.spec.validateRequest(request).map((violation) => `request ${index + 1}: ${violation}`),
	);
}

function errorMessages(run: NodeRun): string[] {
	return run.items
		.map((item) => item.json.error as IDataObject | undefined)
		.filter((error): error is IDataObject => error !== undefined)
		.map((error) => `${String(error.code)}: ${String(error.message)}`);
}

interface OperationCase {
	node: NodeUnderSpec;
	key: string;
	resource: string;
	operation: string;
}

const cases: OperationCase[] = NODES.flatMap((node) =>
	operationsOf(node.properties).map(({ resource, operation }) => ({
		node,
		key: `${resource}.${operation}`,
		resource,
		operation,
	})),
);

/** The sample's variants as full parameter sets; throws the message that asks for samples when there are none. */
function variantsOf({ node, key, resource, operation }: OperationCase): IDataObject[] {
	const sample = SAMPLES[node.type]?.[key];
	if (!sample)
		throw new Error(
			`${node.type} ${key} has no sample values: add SAMPLES.${node.type}['${key}'] in test/spec/samples.ts`,
		);
	return (Array.isArray(sample) ? sample : [sample]).map((variant) => {
		const parameters = { resource, operation, ...variant };
		const shown = shownProperties(node.properties, parameters);
		// A name the node does not have would be dropped silently and its value never checked against the spec.
		const unknown = Object.entries(variant).flatMap(([name, value]) => {
			const property = shown.find((candidate) => candidate.name === name);
			if (!property) return [name];
			if (property.type !== 'collection') return [];
			const fields = ((property.options ?? []) as INodeProperties[]).map((field) => field.name);
			return Object.keys(value as IDataObject)
				.filter((field) => !fields.includes(field))
				.map((field) => `${name}.${field}`);
		});
		if (unknown.length > 0)
			throw new Error(
				`SAMPLES.${node.type}['${key}'] names ${unknown.join(', ')}, which ${key} does not have (it shows ${shown.map((p) => p.name).join(', ')})`,
			);
		return parameters;
	});
}

/** Resource, operation and the parameters the node marks required, valued from the sample. */
function requiredOnly(node: NodeUnderSpec, full: IDataObject): IDataObject {
	const base: IDataObject = { resource: full.resource, operation: full.operation };
	// Shown for the sample's own choices (Get By, say), so a field that depends on one is judged as shown.
	const required = shownProperties(node.properties, full).filter((property) => property.required);
	// The choices those fields depend on are kept too, or the node would show other fields.
	for (const property of required) {
		for (const name of Object.keys(property.displayOptions?.show ?? {})) {
			if (name !== 'resource' && name !== 'operation' && full[name] !== undefined)
				base[name] = full[name];
		}
	}
	const missing = required.filter((property) => full[property.name] === undefined);
	if (missing.length > 0)
		throw new Error(
			`the sample for ${String(full.resource)}.${String(full.operation)} has no value for required ${missing.map((p) => p.name).join(', ')}`,
		);
	return {
		...base,
		...Object.fromEntries(required.map((property) => [property.name, full[property.name]])),
	};
}

describe.each(cases)('$node.type $key against the provider spec', (operationCase) => {
	const { node, key } = operationCase;
	const mismatch = KNOWN_SANDBOX_MISMATCHES[node.type]?.[key];

	it('sends only requests the spec allows, with every parameter given', async () => {
		for (const parameters of variantsOf(operationCase)) {
			const { run } = await runNode(node, key, parameters);
			expect(run.error).toBeUndefined();
			expect(errorMessages(run)).toEqual([]);
			expect(run.requests.length).toBeGreaterThan(0);
			expect(requestViolations(node, run)).toEqual([]);
		}
	});

	it('sends what the spec requires, or nothing, with only the parameters the node marks required', async () => {
		const runs = new Map<string, IDataObject>();
		for (const full of variantsOf(operationCase)) {
			const parameters = requiredOnly(node, full);
			runs.set(JSON.stringify(parameters), full);
		}
		for (const [text, full] of runs) {
			const parameters = JSON.parse(text) as IDataObject;
			const { run } = await runNode(node, key, parameters);
			expect(run.error).toBeUndefined();
			if (run.requests.length > 0) {
				expect(requestViolations(node, run)).toEqual([]);
				continue;
			}
			// Refused locally: the error must name a parameter the user left out.
			const omitted = Object.keys(full).filter((name) => parameters[name] === undefined);
			const error = run.items[0]?.json.error as IDataObject | undefined;
			expect({
				code: error?.code,
				namesAnOmittedParameter: omitted.some((name) =>
					String(error?.message).includes(`"${name}"`),
				),
			}).toEqual({ code: 'INVALID_PARAMETER', namesAnOmittedParameter: true });
		}
	});

	(mismatch ? it.failing : it)(
		`gets answers from the sandbox that match the spec's response schemas${mismatch ? ` (known sandbox mismatch: ${mismatch})` : ''}`,
		async () => {
			for (const parameters of variantsOf(operationCase)) {
				const { run, answers } = await runNode(node, key, parameters);
				expect(answers.map((answer) => `${answer.method} ${answer.path}`)).toEqual(
					run.requests.map((request) => `${request.method} ${request.path}`),
				);
				expect(answers.length).toBeGreaterThan(0);
				const violations = answers.flatMap((answer, index) =>
					node.spec
						.validateResponse(run.requests[index], answer)
						.map((violation) => `answer ${index + 1}: ${violation}`),
				);
				expect(violations).toEqual([]);
			}
		},
	);
});

describe('accessPaySuiteTrigger webhook registration against the DDCMS spec', () => {
	const ddcms = NODES[0];
	const entities = optionValues(
		new AccessPaySuiteTrigger().description.properties.find((p) => p.name === 'entity'),
	);

	it.each(entities)(
		'registers, finds and removes a callback for %s as the spec allows',
		async (entity) => {
			const credentials = credentialsFor(context.sandbox);
			credentials.accessPaySuiteApi = {
				...credentials.accessPaySuiteApi,
				data: { ...credentials.accessPaySuiteApi.data, baseUrl: ddcms.baseUrl(recorder.url) },
			};
			const before = context.sandbox.requests.length;
			const answeredBefore = recorder.exchanges.length;
			const host = await startWebhookHost(
				{
					type: 'accessPaySuiteTrigger',
					credentialType: 'accessPaySuiteApi',
					parameters: { entity },
				},
				credentials,
			);
			try {
				expect(await host.activate()).toEqual({ existed: false, created: true });
				expect(await host.activate()).toEqual({ existed: true, created: false });
				expect(await host.deactivate()).toBe(true);
			} finally {
				await host.close();
			}
			const requests = context.sandbox.requests.slice(before);
			const answers = recorder.exchanges.slice(answeredBefore);
			expect(requests.map((request) => request.method)).toEqual(['GET', 'POST', 'GET', 'DELETE']);
			expect(
				requests.flatMap((request, index) => [
					...ddcms.spec.validateRequest(request),
					...ddcms.spec.validateResponse(request, answers[index]),
				]),
			).toEqual([]);
		},
	);
});
