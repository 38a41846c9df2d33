import type { FaultTable } from '../shared/engine/faults';

/**
 * Magicline faults by HTTP status (the body's errorCode, when sent, becomes the error's code).
 * Messages are the published spec's response descriptions, used when no errorMessage is sent.
 * A 409 (concurrent modification) is worth retrying, so it is the one retryable conflict.
 */
export const MAGICLINE_FAULTS: FaultTable = {
	'400': { category: 'validation', message: 'Validation of the request failed.' },
	'401': {
		category: 'authentication',
		message: 'Authentication failed. No api-key, wrong api-key or wrong header name.',
	},
	'403': {
		category: 'forbidden',
		message: 'Authorization failed. The caller has no privilege to the given resource.',
	},
	'404': { category: 'not_found', message: 'Entity does not exist.' },
	'409': {
		category: 'conflict',
		message: 'Concurrent modification detected. The entity was modified by another request.',
		retryable: true,
	},
	'429': { category: 'rate_limited', message: 'Access denied - rate limit is exceeded.' },
	'500': { category: 'provider_error', message: 'Unexpected system error.' },
	'503': { category: 'unavailable', message: 'The service is unavailable.' },
};

/** Magicline's documented rate limit (requests per minute), the node's default pace. */
export const MAGICLINE_REQUESTS_PER_MINUTE = 1000;
