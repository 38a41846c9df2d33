/**
 * The credential "Test" button, done the way n8n's credentials tester does it: a node's
 * `credentialTest` method (testedBy) runs in n8n-core's CredentialTestContext; otherwise the
 * credential's declarative `test.request` has its `$credentials` expressions resolved and is sent
 * through n8n's credential-aware request helper, any HTTP error failing the test.
 */
import { CredentialTestContext, LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { buildAdditionalData, buildWorkflowData } from './instance';
import { credentialTypes, nodeClasses } from './registry';

export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const credentials = { [type]: { type, data } };
	const users = Object.entries(nodeClasses)
		.flatMap(([typeName, nodeType]) =>
			(nodeType.description.credentials ?? []).map((credential) => ({
				typeName,
				nodeType,
				credential,
			})),
		)
		.filter(({ credential }) => credential.name === type);
	// As n8n does: the node that declares a test for the credential (a trigger may share it).
	const user = users.find(({ credential }) => credential.testedBy) ?? users[0];
	if (!user) throw new Error(`no node uses ${type}`);
	const tester = user.credential.testedBy ? user : undefined;
	const { workflowData, workflow } = buildWorkflowData({ nodes: [], connections: {} });
	const additionalData = buildAdditionalData(credentials, workflowData);
	const decrypted = await additionalData.credentialsHelper.getDecrypted(
		additionalData,
		{ id: type, name: type },
		type,
		'internal',
	);
	if (tester) {
		const method = tester.nodeType.methods?.credentialTest?.[tester.credential.testedBy as string];
		if (!method) throw new Error(`missing credentialTest ${String(tester.credential.testedBy)}`);
		return await method.call(new CredentialTestContext(additionalData), {
			id: type,
			name: type,
			type,
			data: decrypted,
		});
	}
	const request = credentialTypes[type].test?.request;
	if (!request) throw new Error(`${type} has no test`);
	const nodeJson: INode = {
		id: 'credential-test',
		name: 'Credential test',
		type: user.typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: type, name: type } },
	};
	const resolve = (value: string | undefined) =>
		value === undefined
			? undefined
			: String(
					workflow.expression.getSimpleParameterValue(nodeJson, value, 'internal', {
						$credentials: decrypted,
					} as never),
				);
	const context = new LoadOptionsContext(workflow, nodeJson, additionalData, 'credentials');
	try {
		await context.helpers.httpRequestWithAuthentication.call(context, type, {
			method: request.method ?? 'GET',
			baseURL: resolve(request.baseURL),
			url: resolve(request.url) ?? '',
		});
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
