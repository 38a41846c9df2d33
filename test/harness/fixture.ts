/**
 * What every node test shares: one sandbox for the file (reset before each test), credentials
 * pointing at it, a run helper, and the secret scan that every run goes through.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS, startSandbox } from '../../sandbox/server';
import type { RecordedRequest, Sandbox } from '../../sandbox/server';
import { runWorkflow } from './engine';
import type { EngineRun, StoredCredential } from './engine';
import { buildWorkflow, NODE_NAME } from './workflow';
import type { NodeUnderTest, OnError } from './workflow';

/** The sandbox's "today": fixed, so date rules give the same answer every day the tests run. */
export const SANDBOX_TODAY = '2026-06-15';

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
	};
}

/** Every secret a credential holds, plus the HMAC signatures the sandbox saw: none may surface. */
function secretsSeen(sandbox: Sandbox, credentials: Record<string, StoredCredential>): string[] {
	const secrets = new Set<string>([
		SANDBOX_CREDENTIALS.accessPaySuite.apiKey,
		SANDBOX_CREDENTIALS.magicline.apiKey,
		SANDBOX_CREDENTIALS.singula.apiKey,
		SANDBOX_CREDENTIALS.singula.apiSecret,
		SANDBOX_CREDENTIALS.debitsuccess.password,
	]);
	for (const { data } of Object.values(credentials)) {
		for (const key of ['apiKey', 'apiSecret', 'password']) {
			if (typeof data[key] === 'string' && (data[key] as string).length >= 6)
				secrets.add(data[key] as string);
		}
	}
	for (const request of sandbox.requests) {
		const signature = /^hmac [^:]+:(\w+)$/.exec(request.headers.authorization ?? '')?.[1];
		if (signature) secrets.add(signature);
	}
	return [...secrets];
}

/** Fails the test if any secret appears in any node's output or in the workflow's error. */
export function expectNoSecrets(
	run: EngineRun,
	sandbox: Sandbox,
	credentials: Record<string, StoredCredential>,
): void {
	const error = run.error as (Error & IDataObject) | undefined;
	const surfaces = [
		JSON.stringify(run.run.data.resultData.runData),
		error ? JSON.stringify(error) : '',
		error ? `${error.message} ${String(error.description ?? '')} ${error.stack ?? ''}` : '',
		error
			? JSON.stringify(Object.getOwnPropertyNames(error).map((key) => (error as IDataObject)[key]))
			: '',
	].join('\n');
	for (const secret of secretsSeen(sandbox, credentials)) {
		expect(surfaces.includes(secret) ? `secret leaked: ${secret.slice(0, 4)}…` : 'no secret').toBe(
			'no secret',
		);
	}
}

export interface NodeRun extends EngineRun {
	/** Items the node sent to its main output. */
	items: INodeExecutionData[];
	/** Items on its error output ("Continue (using error output)"). */
	errorItems: INodeExecutionData[];
	/** Requests the sandbox received during this run. */
	requests: RecordedRequest[];
}

export interface TestContext {
	sandbox: Sandbox;
	/** Runs the node on the input items inside the engine, checks no secret leaked, returns what came out. */
	run(
		node: Omit<NodeUnderTest, 'onError'> & { onError?: OnError },
		inputItems?: IDataObject[],
		credentialOverrides?: Record<string, IDataObject>,
	): Promise<NodeRun>;
}

/** Starts one sandbox for the test file, resets it before each test, and closes it after. */
export function useSandbox(): TestContext {
	const context = {} as TestContext;
	beforeAll(async () => {
		context.sandbox = await startSandbox({ today: SANDBOX_TODAY });
	});
	beforeEach(() => context.sandbox.reset());
	afterAll(async () => context.sandbox.close());
	context.run = async (node, inputItems = [{}], credentialOverrides = {}) => {
		const credentials = credentialsFor(context.sandbox);
		for (const [type, data] of Object.entries(credentialOverrides)) {
			credentials[type] = {
				type,
				data: { ...credentials[type].data, ...data } as ICredentialDataDecryptedObject,
			};
		}
		const before = context.sandbox.requests.length;
		const run = await runWorkflow(buildWorkflow(node, inputItems), credentials);
		expectNoSecrets(run, context.sandbox, credentials);
		return {
			...run,
			items: run.output(NODE_NAME, 0),
			errorItems: run.output(NODE_NAME, 1),
			requests: context.sandbox.requests.slice(before),
		};
	};
	return context;
}

/** The `error` object of an error item. */
export function errorOf(item: INodeExecutionData | undefined): IDataObject {
	expect(item?.json.error).toBeDefined();
	return item!.json.error as IDataObject;
}
