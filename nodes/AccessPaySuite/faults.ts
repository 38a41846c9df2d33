import type { FaultTable } from '../shared/engine/faults';

/**
 * DDCMS faults by HTTP status (the API's ErrorCode, when sent, becomes the error's code).
 * Messages are the seed page's "Meaning" column, used when the answer carries no message.
 */
export const ACCESS_PAYSUITE_FAULTS: FaultTable = {
	'400': { category: 'validation', message: 'Request validation failed' },
	'401': { category: 'authentication', message: 'The API key was rejected' },
	'403': { category: 'protected', message: 'Contract is protected and cannot be modified' },
	'404': { category: 'not_found', message: 'No contract found for the provided ID' },
	'429': { category: 'rate_limited', message: 'Too many requests' },
	'500': { category: 'provider_error', message: 'An unexpected error occurred during processing' },
	'503': { category: 'unavailable', message: 'The service is unavailable' },
};

/**
 * DDCMS's answer to a customer reference already in use (400, ErrorCode 3, this text in `Detail`).
 * It is a clash with another record, not bad input: category `conflict`, so a flow can re-run the
 * row (Create or Update then finds the customer). Every other ErrorCode 3 stays `validation`.
 */
export const DUPLICATE_CUSTOMER_REF_FAULT = {
	errorCode: '3',
	detail: /There is an existing Customer with the same Client and Customer ref/i,
	entry: {
		category: 'conflict',
		message: 'A customer with this customer reference already exists',
		retryable: false,
	},
} as const;
