import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { ItemParameters } from './parameters';

/** The categories a flow branches on; fixed by the public contract. */
export type ErrorCategory =
	| 'validation'
	| 'authentication'
	| 'forbidden'
	| 'protected'
	| 'not_found'
	| 'invalid_state'
	| 'conflict'
	| 'payment'
	| 'rate_limited'
	| 'unavailable'
	| 'timeout'
	| 'provider_error';

/** Everything the error item carries, apart from where it happened (provider/resource/operation). */
export interface FailureDetails {
	message: string;
	description: string | null;
	httpCode: number | null;
	code: string;
	fault: string | null;
	category: ErrorCategory;
	retryable: boolean;
	traceId: string | null;
	details: unknown;
}

/** A provider's answer as it came off the wire, before it is read. */
export interface RawResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/**
 * One operation, declared as data: its UI fields, how an item's parameters become a request,
 * and how the provider's answer becomes output records. The shared executor does the rest.
 */
export interface OperationDefinition<TRequest> {
	resource: string;
	operation: string;
	/** Dropdown label, e.g. "Cancel Schedule". */
	name: string;
	/** n8n's action text, e.g. "Cancel a contract schedule". */
	action: string;
	description: string;
	/** Fields shown for this operation; displayOptions are added by the description builder. */
	fields: INodeProperties[];
	/** List operations get returnAll/limit and emit one item per record. */
	list?: boolean;
	/** Validates the item's parameters (throwing names the parameter) and describes the request. */
	build(parameters: ItemParameters): { request: TRequest; echo?: IDataObject };
	/** Turns the provider's parsed answer into one record (actions) or many (lists). */
	output(data: unknown, echo: IDataObject): IDataObject | IDataObject[];
}

export interface ResourceDefinition {
	value: string;
	name: string;
	description?: string;
}

/** What the executor needs to know about a provider: its credential, its wire format and its faults. */
export interface ProviderDefinition<TRequest> {
	/** Name used in error items (`error.provider`). */
	name: string;
	credentialType: string;
	resources: ResourceDefinition[];
	operations: Array<OperationDefinition<TRequest>>;
	/** Builds the HTTP request (without authentication: n8n's credential layer adds it). */
	toHttpRequest(
		request: TRequest,
		credentials: ICredentialDataDecryptedObject,
	): IHttpRequestOptions;
	/** Returns the parsed payload of a successful answer, or throws an ItemFailure for a fault. */
	readResponse(response: RawResponse): unknown;
}

export type LoadOptionsResult = INodePropertyOptions[];
