import type { ErrorCategory } from '../shared/types';

/**
 * Magicline faults by HTTP status (the body's errorCode, when sent, becomes the error's code).
 * Messages are the published spec's response descriptions, used when no errorMessage is sent.
 * A 409 (concurrent modification) is worth retrying, so it is the one retryable conflict.
 */
export const MAGICLINE_STATUS_FAULTS: Record<
	number,
	{ category: ErrorCategory; meaning: string; retryable?: boolean }
> = {
	400: { category: 'validation', meaning: 'Validation of the request failed.' },
	401: {
		category: 'authentication',
		meaning: 'Authentication failed. No api-key, wrong api-key or wrong header name.',
	},
	403: {
		category: 'forbidden',
		meaning: 'Authorization failed. The caller has no privilege to the given resource.',
	},
	404: { category: 'not_found', meaning: 'Entity does not exist.' },
	409: {
		category: 'conflict',
		meaning: 'Concurrent modification detected. The entity was modified by another request.',
		retryable: true,
	},
	429: { category: 'rate_limited', meaning: 'Access denied - rate limit is exceeded.' },
	500: { category: 'provider_error', meaning: 'Unexpected system error.' },
	503: { category: 'unavailable', meaning: 'The service is unavailable.' },
};
