import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemParameters } from './parameters';

/** A provider's answer as it came off the wire, before it is read. */
export interface RawResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** What an operation produces: one record (actions) or many (lists). */
export type OperationOutput = IDataObject | IDataObject[];

/** Sends one request of the operation's provider through the shared transport and reads the answer. */
export type SendRequest<TRequest, TAnswer> = (request: TRequest) => Promise<TAnswer>;

interface OperationLabels<TOperation extends string> {
	/** The operation's value in workflow JSON; fixed by the public contract. */
	operation: TOperation;
	/** Dropdown label, e.g. "Cancel Schedule". */
	name: string;
	/** n8n's action text, e.g. "Cancel a contract schedule". */
	action: string;
	/** What it does and which IDs it needs: shown in the editor and read by AI agents using the tool. */
	description: string;
	/** Fields shown for this operation; the description builder adds resource/operation to their displayOptions. */
	fields: INodeProperties[];
	/** List operations get Return All/Limit and emit one item per record. */
	list?: boolean;
}

/** The usual operation: one request, built from the item's parameters, and its answer read. */
export interface RequestOperation<TRequest, TAnswer, TOperation extends string = string>
	extends OperationLabels<TOperation> {
	/** Validates the item's parameters (throwing names the parameter) and describes the request. */
	build(parameters: ItemParameters): { request: TRequest; echo?: IDataObject };
	/** Turns the provider's answer into the output record(s); `echo` is what `build` returned. */
	output(answer: TAnswer, echo: IDataObject): OperationOutput;
}

/**
 * An operation that needs several requests (a look-up, then a create or an update). It validates
 * everything before its first `send`, and every request goes through the same transport.
 */
export interface SequenceOperation<TRequest, TAnswer, TOperation extends string = string>
	extends OperationLabels<TOperation> {
	run(parameters: ItemParameters, send: SendRequest<TRequest, TAnswer>): Promise<OperationOutput>;
}

export type OperationDefinition<TRequest, TAnswer, TOperation extends string = string> =
	| RequestOperation<TRequest, TAnswer, TOperation>
	| SequenceOperation<TRequest, TAnswer, TOperation>;

/** A resource, declared once in its folder's index.ts: its dropdown entry and its operations. */
export interface ResourceDefinition<
	TRequest,
	TAnswer,
	TValue extends string = string,
	TOperation extends string = string,
> {
	value: TValue;
	name: string;
	description: string;
	operations: ReadonlyArray<OperationDefinition<TRequest, TAnswer, TOperation>>;
}

/** What the executor needs to know about a provider: its credential, its wire format and its faults. */
export interface ProviderDefinition<
	TRequest,
	TAnswer,
	TResources extends ReadonlyArray<ResourceDefinition<TRequest, TAnswer>> = ReadonlyArray<
		ResourceDefinition<TRequest, TAnswer>
	>,
> {
	/** Name used in error items (`error.provider`). */
	name: string;
	credentialType: string;
	resources: TResources;
	/** Builds the HTTP request (without authentication: n8n's credential layer adds it). */
	toHttpRequest(
		request: TRequest,
		credentials: ICredentialDataDecryptedObject,
	): IHttpRequestOptions;
	/** Returns the answer of a successful response, or throws an ItemFailure for a fault. */
	readResponse(response: RawResponse): TAnswer;
}

/** The resource values of a provider, as a union type. */
export type ResourceValue<P extends { resources: ReadonlyArray<{ value: string }> }> =
	P['resources'][number]['value'];

/** The operation values of one resource of a provider, as a union type. */
export type OperationValue<
	P extends {
		resources: ReadonlyArray<{ value: string; operations: ReadonlyArray<{ operation: string }> }>;
	},
	R extends ResourceValue<P>,
> = Extract<P['resources'][number], { value: R }>['operations'][number]['operation'];

/**
 * Declares operations for one wire format, keeping the operation value as a literal type so
 * resource and provider unions are exact.
 */
export function operationsFor<TRequest, TAnswer>() {
	return <const TOperation extends string>(
		definition: OperationDefinition<TRequest, TAnswer, TOperation>,
	): OperationDefinition<TRequest, TAnswer, TOperation> => definition;
}

/** Declares a resource, keeping its value and its operations' values as literal types. */
export function defineResource<
	TRequest,
	TAnswer,
	const TValue extends string,
	const TOperation extends string,
>(
	resource: ResourceDefinition<TRequest, TAnswer, TValue, TOperation>,
): ResourceDefinition<TRequest, TAnswer, TValue, TOperation> {
	return resource;
}
