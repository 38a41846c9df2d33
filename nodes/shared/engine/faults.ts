import type { ErrorCategory } from './failure';

/** One row of a provider's fault table: what a code means for a flow. */
export interface FaultEntry {
	category: ErrorCategory;
	/** Used as the error message when the provider's answer carries none. */
	message: string;
	/** The provider's own fault name (Singula), else absent. */
	fault?: string;
	/** Only where the contract says so; otherwise the category decides. */
	retryable?: boolean;
}

/** A provider's faults by code (a fault code, or an HTTP status as text). */
export type FaultTable = Readonly<Record<string, FaultEntry>>;

/**
 * What an HTTP status means when a provider sends no code of its own (or one its table does not
 * know). No conflict is retryable here: only Magicline's table marks its 409 so.
 */
export const HTTP_STATUS_FAULTS: FaultTable = {
	'400': { category: 'validation', message: 'The provider refused the request as invalid' },
	'401': { category: 'authentication', message: 'The credentials were rejected' },
	'403': { category: 'forbidden', message: 'The credentials lack the permission for this' },
	'404': { category: 'not_found', message: 'The record does not exist' },
	'409': { category: 'conflict', message: 'The record was changed by another request' },
	'422': { category: 'validation', message: 'The provider refused the request as invalid' },
	'429': { category: 'rate_limited', message: 'Too many requests' },
	'500': { category: 'provider_error', message: 'The provider had an unexpected error' },
	'503': { category: 'unavailable', message: 'The provider is unavailable' },
};

/** The table entry for a code, then for the HTTP status, then a generic entry by status class. */
export function faultFor(
	table: FaultTable,
	code: string | undefined,
	status: number,
	fallback: FaultTable = HTTP_STATUS_FAULTS,
): FaultEntry {
	return (
		(code !== undefined ? table[code] : undefined) ??
		table[String(status)] ??
		fallback[String(status)] ?? {
			category: status >= 400 && status < 500 ? 'validation' : 'provider_error',
			message: `HTTP ${status}`,
		}
	);
}

/** `retryable` of an entry: the contract's exceptions, else what the category says. */
export function entryRetryable(entry: FaultEntry): { retryable?: boolean } {
	return entry.retryable === undefined ? {} : { retryable: entry.retryable };
}
