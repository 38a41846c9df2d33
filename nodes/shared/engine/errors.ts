import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ItemFailure } from './failure';
import type { FailureDetails } from './failure';

export interface FailureOrigin {
	provider: string;
	resource: string;
	operation: string;
}

/** Any error thrown while handling an item, as the contract's failure details. */
export function toFailureDetails(error: unknown): FailureDetails {
	if (error instanceof ItemFailure) return error.details;
	// A bug or an unforeseen answer: report it without its internals (they may hold request data).
	const message = error instanceof Error && error.message ? error.message : 'Unexpected error';
	return new ItemFailure({ message, category: 'provider_error', code: 'UNKNOWN' }).details;
}

/** The `error` object of an error item: the one shape every provider shares. */
export function errorObject(failure: FailureDetails, origin: FailureOrigin): IDataObject {
	return {
		message: failure.message,
		description: failure.description,
		provider: origin.provider,
		resource: origin.resource,
		operation: origin.operation,
		httpCode: failure.httpCode,
		code: failure.code,
		fault: failure.fault,
		category: failure.category,
		retryable: failure.retryable,
		traceId: failure.traceId,
		details: failure.details as IDataObject | null,
	};
}

/**
 * The error thrown when the node stops the workflow, or when a dropdown or a webhook registration
 * fails: its description starts with `[category] code`, so the editor shows the provider's message.
 */
export function toNodeError(
	node: INode,
	failure: FailureDetails,
	origin: FailureOrigin,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	const description = `[${failure.category}] ${failure.code}${failure.description ? ` — ${failure.description}` : ''}`;
	if (failure.code === 'INVALID_PARAMETER') {
		return new NodeOperationError(node, failure.message, { description, itemIndex });
	}
	return new NodeApiError(node, errorObject(failure, origin) as JsonObject, {
		message: failure.message,
		description,
		httpCode: failure.httpCode === null ? undefined : String(failure.httpCode),
		itemIndex,
	});
}
