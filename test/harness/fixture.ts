/**
 * What every node test shares: one sandbox for the file (reset before each test), credentials
 * pointing at it, a run helper, and the secret scan that every run, and every engine log line of
 * the test, goes through.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startSandbox } from '../../sandbox/server';
import type { RecordedRequest, Sandbox } from '../../sandbox/server';
import { isolateCredentials } from './instance';
import { installLogRecorder, takeLogLines } from './logs';
import { runWorkflow } from './runner';
import type { EngineRun } from './runner';
import { credentialsFor, withOverrides } from './sandboxCredentials';
import { expectNoSecrets, findSecrets, secretsSeen } from './secretScan';
import { buildWorkflow, NODE_NAME } from './workflow';
import type { NodeUnderTest, OnError } from './workflow';

export { credentialsFor } from './sandboxCredentials';
export { expectNoSecrets } from './secretScan';

/** The sandbox's "today": fixed, so date rules give the same answer every day the tests run. */
export const SANDBOX_TODAY = '2026-06-15';

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

/**
 * Starts one sandbox for the test file, resets it before each test, and closes it after. After
 * each test, the engine's log lines not yet scanned by a run (dropdowns, credential tests,
 * webhooks) are scanned for the sandbox's secrets.
 */
export function useSandbox(): TestContext {
	const context = {} as TestContext;
	beforeAll(async () => {
		context.sandbox = await startSandbox({ today: SANDBOX_TODAY });
	});
	beforeEach(() => {
		isolateCredentials();
		context.sandbox.reset();
		installLogRecorder();
		takeLogLines();
	});
	afterEach(() => {
		const leaks = findSecrets({ 'engine log': takeLogLines() }, secretsSeen(context.sandbox));
		expect(leaks).toEqual([]);
	});
	afterAll(async () => context.sandbox.close());
	context.run = async (node, inputItems = [{}], credentialOverrides = {}) => {
		const credentials = withOverrides(credentialsFor(context.sandbox), credentialOverrides);
		const before = context.sandbox.requests.length;
		const run = await runWorkflow(buildWorkflow(node, inputItems), credentials);
		expectNoSecrets(run, context.sandbox, credentials, takeLogLines());
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
