/** What every Magicline route shares: the error format, path ids and JSON bodies. */
import { randomBytes } from 'node:crypto';
import { failWith, jsonResponse, mediaType, type RouteCall } from '../../http';
import { canonicalInteger, jsonIntegerText, parseJsonObject, type JsonObject } from '../../json';
import type { ProviderRequest, ProviderResponse } from '../../types';

const INT64_DIGITS = /^\d{1,19}$/;
const INT64_MAX = 9223372036854775807n;

/** Status → errorCode and the message the published spec gives for it. */
const STATUS_ERRORS: Record<number, [errorCode: string, errorMessage: string]> = {
	400: ['VALIDATION_ERROR', 'Validation of the request failed.'],
	401: ['UNAUTHORIZED', 'Authentication failed. No api-key, wrong api-key or wrong header name.'],
	403: ['FORBIDDEN', 'Authorization failed. The caller has no privilege to the given resource.'],
	404: ['ENTITY_NOT_FOUND', 'Entity does not exist.'],
	405: ['METHOD_NOT_ALLOWED', 'Request method not supported.'],
	409: [
		'CONCURRENT_MODIFICATION',
		'Concurrent modification detected. The entity was modified by another request.',
	],
	415: ['UNSUPPORTED_MEDIA_TYPE', 'Content type not supported. Send application/json.'],
	429: ['TOO_MANY_REQUESTS', 'Access denied - rate limit is exceeded.'],
	500: ['UNEXPECTED_ERROR', 'Unexpected system error.'],
	503: ['SERVICE_UNAVAILABLE', 'Service temporarily unavailable.'],
};

// ---- responses ------------------------------------------------------------------------------------------------

export function magiclineError(
	status: number,
	errorCode: string,
	errorMessage: string,
	reference?: string,
): ProviderResponse {
	// traceId: 16 hex chars, like the Datadog ids Magicline returns.
	return jsonResponse(status, {
		errorMessage,
		errorCode,
		traceId: randomBytes(8).toString('hex'),
		reference,
	});
}

/** The standard error for a status (errorCode and message from {@link STATUS_ERRORS}). */
export function statusError(status: number, reference?: string): ProviderResponse {
	const [errorCode, errorMessage] = STATUS_ERRORS[status] ?? [
		`HTTP_${status}`,
		'Unexpected response.',
	];
	return magiclineError(status, errorCode, errorMessage, reference);
}

export const validationError = (errorMessage: string, reference: string) =>
	magiclineError(400, 'VALIDATION_ERROR', errorMessage, reference);
export const notFound = (what: string) =>
	magiclineError(404, 'ENTITY_NOT_FOUND', `Entity does not exist: ${what}.`);

// ---- request reading ------------------------------------------------------------------------------------------

/** An int64 path parameter as canonical digit text (400 when it is not one, as Spring's binding would). */
export function pathId(call: RouteCall, name: string): string {
	const text = call.params[name];
	const id = INT64_DIGITS.test(text) ? canonicalInteger(text) : undefined;
	if (id === undefined || BigInt(id) > INT64_MAX)
		failWith(validationError(`${name} must be an int64`, name));
	return id;
}

export function jsonBody(request: ProviderRequest): JsonObject {
	if (mediaType(request.headers['content-type']) !== 'application/json') failWith(statusError(415));
	const body = parseJsonObject(request.body);
	if (!body) failWith(validationError('The request body must be a JSON object.', 'body'));
	return body;
}

export function requiredInteger(body: JsonObject, field: string): string {
	const value = jsonIntegerText(body[field]);
	if (value === undefined)
		failWith(validationError(`${field} is required and must be an integer`, field));
	return value;
}

export function requiredString(body: JsonObject, field: string): string {
	const value = body[field];
	if (typeof value !== 'string')
		failWith(validationError(`${field} is required and must be a string`, field));
	return value;
}
