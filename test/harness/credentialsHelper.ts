/**
 * Credential resolution as n8n's CredentialsHelper does it, from an in-memory store keyed by
 * credential id: the type's defaults applied on decryption, its `authenticate` applied to every
 * request.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsHelper,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	INodeProperties,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { credentialTypes } from './registry';

/** One stored credential: its type name and its (decrypted) data. */
export interface StoredCredential {
	type: string;
	data: ICredentialDataDecryptedObject;
}

export class CredentialsHelper implements ICredentialsHelper {
	constructor(private readonly store: Record<string, StoredCredential>) {}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate !== 'function')
			throw new Error(`${typeName} has no authenticate function`);
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		// Ids are `<type>#<test>` (see instance.ts); the store holds one credential per type.
		const stored = nodeCredentials.id ? this.store[nodeCredentials.id.split('#')[0]] : undefined;
		if (!stored || stored.type !== type)
			throw new Error(`No credential "${nodeCredentials.id}" of type ${type}`);
		return NodeHelpers.getNodeParameters(
			credentialTypes[type].properties,
			stored.data as never,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type].properties;
	}
}
