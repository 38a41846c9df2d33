import type { ErrorCategory } from '../shared/types';

/**
 * DDCMS faults by HTTP status (the API's ErrorCode, when sent, becomes the error's code).
 * Messages are the seed page's "Meaning" column, used when the answer carries no message.
 */
export const ACCESS_PAYSUITE_FAULTS: Record<number, { category: ErrorCategory; meaning: string }> =
	{
		400: { category: 'validation', meaning: 'Request validation failed' },
		401: { category: 'authentication', meaning: 'The API key was rejected' },
		403: { category: 'protected', meaning: 'Contract is protected and cannot be modified' },
		404: { category: 'not_found', meaning: 'No contract found for the provided ID' },
		429: { category: 'rate_limited', meaning: 'Too many requests' },
		500: { category: 'provider_error', meaning: 'An unexpected error occurred during processing' },
		503: { category: 'unavailable', meaning: 'The service is unavailable' },
	};
