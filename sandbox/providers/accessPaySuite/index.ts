/**
 * Access PaySuite DDCMS API v3 (REST). Parameters come in the query string even on POST/PATCH; responses are JSON
 * in PascalCase, errors `{"ErrorCode","Detail","Message"}` or `{"Message"}` (ASP.NET Web API behind IIS).
 */
import { secretsEqual, SANDBOX_CREDENTIALS } from '../../credentials';
import { decodeSegment, dispatch, jsonResponse, reasonPhrase, type Route } from '../../http';
import type {
	ProviderContext,
	ProviderModule,
	ProviderRequest,
	ProviderResponse,
} from '../../types';
import { CONTRACT_ROUTES } from './contracts';
import { CUSTOMER_ROUTES } from './customers';
import { LIFECYCLE_ROUTES } from './lifecycle';
import { PAYMENT_ROUTES } from './payments';
import { noResourcePage, unauthorised, unexpectedError } from './responses';

const CLIENT_PATH = /^\/api\/v3\/client\/([^/]*)(\/.*)$/;

/** Paths below `/api/v3/client/{clientPrefix}`; one list, so a path known under another method answers 405. */
const ROUTES: Route[] = [
	...LIFECYCLE_ROUTES,
	...CUSTOMER_ROUTES,
	...CONTRACT_ROUTES,
	...PAYMENT_ROUTES,
];

/** Both the key and the client prefix must be right; either wrong gives the same 401 (no hint which). */
function isAuthorised(request: ProviderRequest, encodedClientPrefix: string): boolean {
	const expected = SANDBOX_CREDENTIALS.accessPaySuite;
	return (
		secretsEqual(request.headers.apikey, expected.apiKey) &&
		decodeSegment(encodedClientPrefix) === expected.clientPrefix
	);
}

function handle(request: ProviderRequest, context: ProviderContext): ProviderResponse {
	const clientPath = CLIENT_PATH.exec(request.providerPath);
	if (!clientPath) return noResourcePage(request);
	if (!isAuthorised(request, clientPath[1])) return unauthorised();
	return dispatch(ROUTES, clientPath[2], request, context, {
		notFound: () => noResourcePage(request),
		methodNotAllowed: () =>
			jsonResponse(405, {
				Message: `The requested resource does not support http method '${request.method}'.`,
			}),
	});
}

function faultResponse(status: number): ProviderResponse {
	if (status === 401) return unauthorised();
	if (status === 500) return unexpectedError();
	return jsonResponse(status, { Message: reasonPhrase(status) });
}

export const accessPaySuite: ProviderModule = {
	name: 'accessPaySuite',
	prefix: '/ddcms',
	basePath: '/ddcms',
	handle,
	faultResponse,
};
