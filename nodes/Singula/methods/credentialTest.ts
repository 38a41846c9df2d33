import { signSingulaRequest } from '../../../common/singula';
import { credentialTestFor } from '../../shared/engine/credentialTest';
import { rest } from '../../shared/wire/rest';
import { singulaProvider } from '../provider';

/**
 * The credential Test: a signed read of a customer that does not exist. A wrong key or secret
 * answers 401; with good credentials the answer is an empty list or "not found" (INFERRED: the
 * gateway's answer for an unknown customer is not documented).
 */
export const singulaApiTest = credentialTestFor({
	providerName: 'Singula',
	secretWords: 'the API key or secret',
	provider: singulaProvider,
	request: rest(
		'GET customer/{customerId}/contract',
		{ customerId: '00000000-0000-0000-0000-000000000000' },
		{ query: { activeOnly: 'true' } },
	),
	sign: signSingulaRequest,
	accepts: (failure) => failure.category === 'not_found',
});
