/**
 * Singula Decisions (REST, JSON, HMAC-signed): the contracts API and the customers API, one HMAC check for both.
 */
import { dispatch, type Route } from '../../http';
import type {
	ProviderContext,
	ProviderModule,
	ProviderRequest,
	ProviderResponse,
} from '../../types';
import { CONTRACT_ROUTES } from './contracts';
import { CUSTOMER_ROUTES } from './customers';
import { authenticationFailed, statusError } from './faults';
import { verifySingulaHmac } from './hmac';

export { singulaSignature, verifySingulaHmac } from './hmac';

const ROUTES: Route[] = [...CONTRACT_ROUTES, ...CUSTOMER_ROUTES];

// ---- module ---------------------------------------------------------------------------------------------------

function handle(request: ProviderRequest, context: ProviderContext): ProviderResponse {
	// The client signs the path it requests, so the /singula prefix is part of what is verified.
	if (!verifySingulaHmac(request.headers, request.method, request.path, context.nowMs))
		return authenticationFailed();
	return dispatch(ROUTES, request.providerPath, request, context, {
		notFound: () => statusError(404),
		methodNotAllowed: () => statusError(405),
	});
}

export const singula: ProviderModule = {
	name: 'singula',
	prefix: '/singula',
	basePath: '/singula',
	handle,
	faultResponse: statusError,
};
