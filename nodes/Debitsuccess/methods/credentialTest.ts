import { signDebitsuccessRequest } from '../../../common/debitsuccess';
import { credentialTestFor } from '../../shared/engine/credentialTest';
import { debitsuccessProvider } from '../provider';

/** A reference no account has: with good credentials the service answers 08 "no record". */
const PROBE_REFERENCE = 'N8N-CRED-TEST';

/**
 * The credential Test. Debitsuccess answers wrong credentials with HTTP 200 and Status Failed
 * (code 02), which a declarative test cannot see, so the answer is read with the node's SOAP
 * reader: any business answer (no such account) means the credentials were accepted.
 */
export const testDebitsuccessCredentials = credentialTestFor({
	providerName: 'Debitsuccess',
	secretWords: 'the username or password',
	provider: debitsuccessProvider,
	request: {
		operation: 'GetCustomerAccountByAccountId',
		fields: { AccountReferenceNo: PROBE_REFERENCE },
	},
	sign: signDebitsuccessRequest,
	accepts: (failure) => failure.category === 'not_found' || failure.category === 'validation',
});
