/** DDCMS answers: JSON in PascalCase, errors `{"ErrorCode","Detail","Message"}` or just `{"Message"}`. */
import { failWith, jsonResponse, textResponse } from '../../http';
import type { ProviderRequest, ProviderResponse } from '../../types';

export function ddcmsError(
	status: number,
	errorCode: number,
	detail: string | null,
	message: string,
): ProviderResponse {
	return jsonResponse(status, { ErrorCode: errorCode, Detail: detail, Message: message });
}

export const validationError = (detail: string) => ddcmsError(400, 3, detail, 'Validation error');
/** ErrorCode 2 is the spec's code for a missing or malformed argument ("Parameter arguments incorrect"). */
export const argumentError = (detail: string) =>
	ddcmsError(400, 2, detail, 'Parameter arguments incorrect');
export const unauthorised = () =>
	jsonResponse(401, { Message: 'Authorization has been denied for this request.' });
export const unexpectedError = () => jsonResponse(500, { Message: 'An error has occurred.' });
export const message = (text: string | null) => jsonResponse(200, { Message: text });
/** The spec's bodies for most faults of the CRM routes: a bare `{"Message"}`. */
export const messageError = (status: number, text: string) =>
	jsonResponse(status, { Message: text });

/** Answers the current request with a validation error (ErrorCode 3). */
export function invalid(detail: string): never {
	failWith(validationError(detail));
}

/** IIS answers unknown paths with an HTML page, not JSON: clients must cope with a non-JSON 404. */
export function noResourcePage(request: ProviderRequest): ProviderResponse {
	const html = `<!DOCTYPE html>
<html><head><title>404 - Not Found</title></head>
<body><h1>Server Error in '/' Application.</h1>
<h2>No HTTP resource was found that matches the request URI '${escapeHtml(request.path)}'.</h2>
<p>HTTP Error 404.0 - Not Found</p></body></html>`;
	return textResponse(404, html, 'text/html; charset=utf-8');
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/'/g, '&#39;');
}

/** Dates go out as the spec writes them, `YYYY-MM-DDT00:00:00.000`. */
export const dateTime = (isoDate: string) => `${isoDate}T00:00:00.000`;
