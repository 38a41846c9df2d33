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

/** The most of a provider's text an error carries: enough to read, never a whole page. */
export const MAX_ERROR_TEXT = 2048;

function bounded(text: string): string;
function bounded(text: string | null | undefined): string | null | undefined;
function bounded(text: string | null | undefined) {
	return typeof text === 'string' && text.length > MAX_ERROR_TEXT
		? `${text.slice(0, MAX_ERROR_TEXT)}…`
		: text;
}

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
		const message = bounded(details.message);
		super(message);
		this.name = 'ItemFailure';
		this.details = {
			httpCode: null,
			fault: null,
			retryable: isRetryableCategory(details.category),
			traceId: null,
			details: null,
			...details,
			message,
			description: bounded(details.description) ?? null,
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
