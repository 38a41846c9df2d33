import { signAccessPaySuiteRequest } from '../../../common/accessPaySuite';
import { credentialTestFor } from '../../shared/engine/credentialTest';
import { rest } from '../../shared/wire/rest';
import { accessPaySuiteProvider } from '../provider';

/** The credential Test: listing the schedules is the cheapest read; a wrong key answers 401. */
export const accessPaySuiteApiTest = credentialTestFor({
	providerName: 'Access PaySuite DDCMS',
	secretWords: 'the client prefix or API key',
	provider: accessPaySuiteProvider,
	request: rest('GET schedules', {}),
	sign: signAccessPaySuiteRequest,
});
