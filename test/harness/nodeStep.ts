/**
 * The one builder of a node step for the tests: which node type, which credential type (the
 * provider → credential mapping lives here and nowhere else), which resource and operation.
 */
import type { IDataObject } from 'n8n-workflow';

import type { NodeRef } from './instance';
import type { NodeUnderTest, OnError } from './workflow';

/** Each node type of the package and the credential type it runs with. */
const CREDENTIAL_TYPE = {
	accessPaySuite: 'accessPaySuiteApi',
	magicline: 'magiclineApi',
	singula: 'singulaApi',
	debitsuccess: 'debitsuccessApi',
	accessPaySuiteTrigger: 'accessPaySuiteApi',
	magiclineTrigger: 'magiclineWebhookApi',
	debitsuccessTrigger: 'debitsuccessWebhookApi',
} as const;

export type NodeTypeName = keyof typeof CREDENTIAL_TYPE;
export type Provider = Exclude<NodeTypeName, `${string}Trigger`>;

/** A node of the package with exactly these parameters (a trigger, or a dropdown's context). */
export function packageNode(type: NodeTypeName, parameters: IDataObject = {}): NodeRef {
	return { type, credentialType: CREDENTIAL_TYPE[type], parameters };
}

/** One action node: `resource` and `operation` first, then the operation's parameters. */
export function nodeStep(
	provider: Provider,
	resource: string,
	operation: string,
	parameters: IDataObject = {},
	onError?: OnError,
): NodeUnderTest {
	return { ...packageNode(provider, { resource, operation, ...parameters }), onError };
}
