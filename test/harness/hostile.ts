/**
 * What the adversarial tests (test/nodes/hostile/) share: one ordinary write per provider to aim
 * hostile answers at, the dropdowns, a loopback "elsewhere" server that records anything a
 * followed redirect would bring it, and the secret scan for texts a run does not cover (dropdown
 * and credential-test errors, a webhook registration's error).
 */
import { createServer } from 'node:http';
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { AccessPaySuite } from '../../nodes/AccessPaySuite/AccessPaySuite.node';
import { Debitsuccess } from '../../nodes/Debitsuccess/Debitsuccess.node';
import { Magicline } from '../../nodes/Magicline/Magicline.node';
import { Singula } from '../../nodes/Singula/Singula.node';

import type { Sandbox } from '../../sandbox/server';
import { credentialsFor } from './fixture';
import type { TestContext } from './fixture';
import { loadOptions } from './loadOptions';
import { nodeStep, packageNode } from './nodeStep';
import type { Provider } from './nodeStep';
import { errorTexts, findSecrets, secretsSeen } from './secretScan';
import type { NodeUnderTest, OnError } from './workflow';

export const DDCMS_ACTIVE = 'a0000000-0000-4000-8000-000000000001';
export const SINGULA_CUSTOMER = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01';
export const PROVIDERS: Provider[] = ['accessPaySuite', 'magicline', 'singula', 'debitsuccess'];

/** The fields of a local validation failure: the item was refused before anything was sent. */
export const REFUSED = { category: 'validation', code: 'INVALID_PARAMETER', httpCode: null };

/** One ordinary write per provider that succeeds against the fresh sandbox. */
export function writeStep(
	provider: Provider,
	onError: OnError = 'continueRegularOutput',
	options: IDataObject = {},
): NodeUnderTest {
	switch (provider) {
		case 'accessPaySuite':
			return nodeStep(
				provider,
				'contract',
				'cancelSchedule',
				{ contractId: DDCMS_ACTIVE, options },
				onError,
			);
		case 'magicline':
			return nodeStep(
				provider,
				'additionalModuleContract',
				'cancel',
				{
					contractId: '5001',
					additionalModuleContractId: '7001',
					cancelationDate: '2026-07-31',
					cancelationReasonId: '1001',
					options,
				},
				onError,
			);
		case 'singula':
			return nodeStep(
				provider,
				'contract',
				'change',
				{ customerId: SINGULA_CUSTOMER, contractId: '80001', itemCode: 'PREMIUM', options },
				onError,
			);
		case 'debitsuccess':
			return nodeStep(
				provider,
				'account',
				'cancel',
				{ accountReferenceNo: 'DS1001', cancellationNote: 'Facility Request', options },
				onError,
			);
	}
}

/** The four action nodes' descriptions, for the tests that enumerate operations and fields. */
export const ACTION_NODES: Array<{ provider: Provider; properties: INodeProperties[] }> = [
	{ provider: 'accessPaySuite', properties: new AccessPaySuite().description.properties },
	{ provider: 'magicline', properties: new Magicline().description.properties },
	{ provider: 'singula', properties: new Singula().description.properties },
	{ provider: 'debitsuccess', properties: new Debitsuccess().description.properties },
];

/** The credential type of each action node. */
export const CREDENTIAL_OF: Record<Provider, string> = {
	accessPaySuite: 'accessPaySuiteApi',
	magicline: 'magiclineApi',
	singula: 'singulaApi',
	debitsuccess: 'debitsuccessApi',
};

/** Every dropdown of the action nodes, with the parameters the editor would show for it. */
export const DROPDOWNS: Array<{ provider: Provider; method: string; parameters: IDataObject }> = [
	{
		provider: 'accessPaySuite',
		method: 'getScheduleNames',
		parameters: { resource: 'contract', operation: 'create' },
	},
	{
		provider: 'magicline',
		method: 'getCancelationReasons',
		parameters: { resource: 'additionalModuleContract', operation: 'cancel' },
	},
	{
		provider: 'magicline',
		method: 'getAvailableCancelationDates',
		parameters: { resource: 'membership', operation: 'cancel', customerId: '9001' },
	},
	{
		provider: 'singula',
		method: 'getChangePaths',
		parameters: {
			resource: 'contract',
			operation: 'change',
			customerId: SINGULA_CUSTOMER,
			contractId: '80001',
		},
	},
];

/** Runs a dropdown against the sandbox; resolves with its options or the error it threw. */
export async function runDropdown(
	sandbox: Sandbox,
	dropdown: (typeof DROPDOWNS)[number],
	credentialOverrides: IDataObject = {},
): Promise<{ options?: Array<{ value: unknown }>; error?: Error }> {
	const credentials = credentialsFor(sandbox);
	const type = CREDENTIAL_OF[dropdown.provider];
	credentials[type] = {
		type,
		data: { ...credentials[type].data, ...credentialOverrides } as never,
	};
	try {
		return {
			options: await loadOptions(
				packageNode(dropdown.provider, dropdown.parameters),
				dropdown.method,
				credentials,
			),
		};
	} catch (error) {
		return { error: error as Error };
	}
}

/** Secrets of the sandbox (and the HMAC signatures it received) found in an error, none expected. */
export function leaksInError(sandbox: Sandbox, error: unknown, extraSecrets: string[] = []) {
	return findSecrets({ error: errorTexts(error) }, [...secretsSeen(sandbox), ...extraSecrets]);
}

/** The error object of every output item (main and error output), in order. */
export function errorsOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json.error as IDataObject).filter(Boolean);
}

export interface Elsewhere {
	/** `http://127.0.0.1:<port>`: another origin than the sandbox's. */
	url: string;
	/** Every request that reached it: method, path with query, headers, body. */
	requests: Array<{ method: string; url: string; headers: IDataObject; body: string }>;
	close(): Promise<void>;
}

/** A loopback server standing in for another host; a request reaching it means credentials left. */
export async function startElsewhere(): Promise<Elsewhere> {
	const requests: Elsewhere['requests'] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			requests.push({
				method: request.method ?? '',
				url: request.url ?? '',
				headers: request.headers as IDataObject,
				body: Buffer.concat(chunks).toString('utf8'),
			});
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"Message":"ok","status":"ok"}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Runs one write of the provider in a Continue mode and returns its single error object. */
export async function failedWrite(
	context: TestContext,
	provider: Provider,
	options: IDataObject = {},
	credentialOverrides: Record<string, IDataObject> = {},
) {
	const run = await context.run(
		writeStep(provider, 'continueRegularOutput', options),
		[{}],
		credentialOverrides,
	);
	expect(run.items).toHaveLength(1);
	return { run, error: (run.items[0].json.error ?? {}) as IDataObject };
}
