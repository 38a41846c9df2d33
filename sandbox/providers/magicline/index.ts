/**
 * Magicline Open API (REST, JSON). Ids are int64: path ids and body integers are read as exact digit text and
 * written back verbatim, so a client that rounds 9007199254740993 is caught.
 */
import { secretsEqual, SANDBOX_CREDENTIALS } from '../../credentials';
import { dispatch, type Route } from '../../http';
import type {
	ProviderContext,
	ProviderModule,
	ProviderRequest,
	ProviderResponse,
} from '../../types';
import { CANCELATION_ROUTES } from './cancelations';
import { magiclineError, statusError } from './common';
import { CUSTOMER_ROUTES, READING_POSTS } from './customers';

const ROUTES: Route[] = [...CANCELATION_ROUTES, ...CUSTOMER_ROUTES];

// ---- module ---------------------------------------------------------------------------------------------------

type KeyScope = 'all' | 'readOnly';

function keyScope(request: ProviderRequest): KeyScope | undefined {
	const key = request.headers['x-api-key'];
	const { apiKey, readOnlyApiKey } = SANDBOX_CREDENTIALS.magicline;
	if (secretsEqual(key, apiKey)) return 'all';
	if (secretsEqual(key, readOnlyApiKey)) return 'readOnly';
	return undefined;
}

function handle(request: ProviderRequest, context: ProviderContext): ProviderResponse {
	const scope = keyScope(request);
	if (!scope) return statusError(401);
	// The read-only key lacks every write scope; all Magicline writes are POSTs (some POSTs only read).
	if (
		scope === 'readOnly' &&
		request.method === 'POST' &&
		!READING_POSTS.includes(request.providerPath)
	)
		return statusError(403);
	return dispatch(ROUTES, request.providerPath, request, context, {
		notFound: () =>
			magiclineError(404, 'NOT_FOUND', `No endpoint ${request.method} ${request.providerPath}.`),
		methodNotAllowed: () => statusError(405),
	});
}

export const magicline: ProviderModule = {
	name: 'magicline',
	prefix: '/magicline',
	basePath: '/magicline',
	handle,
	faultResponse: (status) => statusError(status),
};
