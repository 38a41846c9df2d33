import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { debitsuccessEndpoint, withUserElement } from '../../../common/debitsuccess';
import { urlProblem } from '../../../common/url';
import { ItemFailure } from '../../shared/engine/failure';
import { readSoapResponse, soapHttpRequest } from '../soap';

/** A reference no account has: with good credentials the service answers 08 "no record". */
const PROBE_REFERENCE = 'N8N-CRED-TEST';

/**
 * The credential Test. Debitsuccess answers wrong credentials with HTTP 200 and Status Failed
 * (code 02), which a declarative test cannot see, so the answer is read here with the node's own
 * SOAP reader.
 */
export async function testDebitsuccessCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const endpoint = debitsuccessEndpoint(data);
	const refused = urlProblem(endpoint, 'base');
	if (refused) return { status: 'Error', message: `The service URL was refused: ${refused}` };

	const request: IHttpRequestOptions = soapHttpRequest(endpoint, {
		operation: 'GetCustomerAccountByAccountId',
		fields: { AccountReferenceNo: PROBE_REFERENCE },
	});
	// Credential tests are given only the legacy request helper by n8n (ICredentialTestFunctions).
	const { request: legacyRequest } = this.helpers;
	try {
		const response = (await legacyRequest({
			method: 'POST',
			uri: endpoint,
			headers: request.headers,
			body: withUserElement(String(request.body), data),
			// Never follow a redirect: the body holds the password.
			followRedirect: false,
			followAllRedirects: false,
			resolveWithFullResponse: true,
			simple: false,
		})) as { statusCode: number; headers: IDataObject; body: unknown };
		readSoapResponse({
			statusCode: response.statusCode,
			headers: response.headers as Record<string, string>,
			body: typeof response.body === 'string' ? response.body : String(response.body ?? ''),
		});
	} catch (error) {
		if (!(error instanceof ItemFailure)) {
			return {
				status: 'Error',
				message: `Could not reach Debitsuccess: ${(error as Error).message}`,
			};
		}
		const { category, code, message } = error.details;
		if (category === 'authentication') {
			return {
				status: 'Error',
				message: `Debitsuccess rejected the username or password (${code}: ${message})`,
			};
		}
		// Any other business answer (no such account) means the credentials were accepted.
		if (category !== 'not_found' && category !== 'validation') {
			return {
				status: 'Error',
				message: `Debitsuccess answered with an error (${code}: ${message})`,
			};
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
