import type { ErrorCategory, FailureDetails } from './types';

/** Categories a flow may simply retry later. */
const RETRYABLE_CATEGORIES: ReadonlySet<ErrorCategory> = new Set(['rate_limited', 'unavailable']);

export function isRetryableCategory(category: ErrorCategory): boolean {
	return RETRYABLE_CATEGORIES.has(category);
}

/**
 * One item's failure, already mapped to the public error shape. Thrown inside the executor and
 * turned into an error item or a node error there; it never carries request headers or bodies,
 * so no credential can leak through it.
 */
export class ItemFailure extends Error {
	readonly details: FailureDetails;

	constructor(
		details: Partial<FailureDetails> & Pick<FailureDetails, 'message' | 'category' | 'code'>,
	) {
		super(details.message);
		this.name = 'ItemFailure';
		this.details = {
			description: null,
			httpCode: null,
			fault: null,
			retryable: isRetryableCategory(details.category),
			traceId: null,
			details: null,
			...details,
		};
	}
}

/** A parameter that breaks its rule: nothing is sent for the item. */
export function invalidParameter(parameter: string, rule: string): ItemFailure {
	return new ItemFailure({
		message: `Parameter "${parameter}" ${rule}`,
		category: 'validation',
		code: 'INVALID_PARAMETER',
	});
}

/** Category of an HTTP status for providers that map faults by status alone. */
export function categoryForHttpStatus(status: number): ErrorCategory {
	switch (status) {
		case 400:
		case 422:
			return 'validation';
		case 401:
			return 'authentication';
		case 403:
			return 'forbidden';
		case 404:
			return 'not_found';
		case 409:
			return 'conflict';
		case 429:
			return 'rate_limited';
		case 503:
			return 'unavailable';
		default:
			return status >= 400 && status < 500 ? 'validation' : 'provider_error';
	}
}
