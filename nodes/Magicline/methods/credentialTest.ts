import { signMagiclineRequest } from '../../../common/magicline';
import { credentialTestFor } from '../../shared/engine/credentialTest';
import { rest } from '../../shared/wire/rest';
import { magiclineProvider } from '../provider';

/** The credential Test: the cancellation reasons are a small read every key may do; a wrong key answers 401. */
export const magiclineApiTest = credentialTestFor({
	providerName: 'Magicline',
	secretWords: 'the API key',
	provider: magiclineProvider,
	request: rest('GET v1/memberships/self-service/contract-cancelation-reasons', {}),
	sign: signMagiclineRequest,
});
