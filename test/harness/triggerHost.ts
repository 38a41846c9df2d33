/**
 * What every trigger test shares: one hosted trigger at a time, closed after each test, with the
 * instance's credentials (the sandbox's demo secrets), and a raw POST to its webhook URL. After
 * each test, every answer the webhook gave and every run it started are scanned for the secrets.
 */
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, withOverrides } from './sandboxCredentials';
import type { TestContext } from './fixture';
import { packageNode } from './nodeStep';
import type { NodeTypeName } from './nodeStep';
import { findSecrets, sandboxSecrets, texts } from './secretScan';
import { startWebhookHost } from './webhookHost';
import type { WebhookHost } from './webhookHost';

export type TriggerTypeName = Extract<NodeTypeName, `${string}Trigger`>;

export function useTriggerHost(context: TestContext): {
	/** Hosts the trigger with these parameters, some credential fields replaced if given. */
	start(
		type: TriggerTypeName,
		parameters: IDataObject,
		credentialOverrides?: Record<string, IDataObject>,
	): Promise<WebhookHost>;
} {
	let host: WebhookHost | undefined;
	afterEach(async () => {
		const calls = host?.calls ?? [];
		await host?.close();
		host = undefined;
		const surfaces = {
			'webhook answer': calls.map((call) => call.responseBody),
			'trigger run': calls.flatMap((call) => texts(call.run)),
		};
		expect(findSecrets(surfaces, sandboxSecrets())).toEqual([]);
	});
	return {
		async start(type, parameters, credentialOverrides = {}) {
			const credentials = withOverrides(credentialsFor(context.sandbox), credentialOverrides);
			host = await startWebhookHost(packageNode(type, parameters), credentials);
			return host;
		},
	};
}

/** A POST the way a provider (or an attacker) sends it, answered with status and text. */
export async function post(url: string, headers: Record<string, string>, body: string) {
	const response = await fetch(url, { method: 'POST', headers, body });
	return { status: response.status, text: await response.text() };
}
