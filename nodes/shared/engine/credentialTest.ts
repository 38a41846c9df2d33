import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { effectiveUrl } from '../../../common/url';
import { DEFAULT_TRANSPORT_OPTIONS, readBody, readProviderAnswer } from '../transport/http';
import { deadlineSignal, whenFired } from '../transport/sleep';
import { toFailureDetails } from './errors';
import type { FailureDetails } from './failure';
import { ItemFailure } from './failure';
import type { ProviderDefinition } from './types';

/** How a provider's credential Test asks and judges. */
export interface CredentialTestSpec<TRequest, TAnswer> {
	provider: ProviderDefinition<TRequest, TAnswer>;
	/** How the messages name the provider and what the credential holds, e.g. 'Magicline', 'the API key'. */
	providerName: string;
	secretWords: string;
	/** A cheap read every valid credential may do. */
	request: TRequest;
	/** The credential's own signing (from common/), the same function its `authenticate` uses. */
	sign(
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): IHttpRequestOptions;
	/**
	 * A provider's fault that still proves the credentials were accepted (Debitsuccess: "no such
	 * account"). Never consulted for a local refusal (a refused base URL, say): nothing was asked.
	 */
	accepts?(failure: FailureDetails): boolean;
}

type LegacyResponse = { statusCode: number; headers: IDataObject; body: unknown };

/**
 * The credential Test of a node (`testedBy`): the probe request through the same checks as the
 * node's own requests — the URL rules, no redirects, one deadline, the answer redacted and read by
 * the provider's reader (an HTML page with status 200 is no success). n8n gives credential tests
 * only its legacy request helper, so that is what sends it.
 */
export function credentialTestFor<TRequest, TAnswer>(spec: CredentialTestSpec<TRequest, TAnswer>) {
	return async function (
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const credentials = credential.data ?? {};
		const timeout = DEFAULT_TRANSPORT_OPTIONS.timeout;
		try {
			const signed = spec.sign(credentials, spec.provider.toHttpRequest(spec.request, credentials));
			const { request: legacyRequest } = this.helpers;
			const startedAt = Date.now();
			const sent = legacyRequest({
				method: signed.method ?? 'GET',
				uri: effectiveUrl(signed),
				headers: signed.headers,
				body: signed.body,
				followRedirect: false,
				followAllRedirects: false,
				resolveWithFullResponse: true,
				simple: false,
				timeout,
			}) as Promise<LegacyResponse>;
			const deadline = whenFired(deadlineSignal(timeout));
			const answer = await Promise.race([sent, deadline.fired.then(() => undefined)]).finally(() =>
				deadline.dispose(),
			);
			if (!answer) {
				return { status: 'Error', message: `The provider did not answer within ${timeout} ms` };
			}
			readProviderAnswer(
				spec.provider,
				credentials,
				signed,
				{
					method: signed.method ?? 'GET',
					statusCode: answer.statusCode,
					headers: answer.headers as Record<string, string>,
					body: await readBody(answer.body, answer.statusCode),
				},
				startedAt,
			);
		} catch (error) {
			const failure = toFailureDetails(
				error instanceof ItemFailure || !(error instanceof Error)
					? error
					: new ItemFailure({ message: error.message, category: 'unavailable', code: 'NETWORK' }),
			);
			const answered = failure.httpCode !== null;
			if (answered && spec.accepts?.(failure)) {
				return { status: 'OK', message: 'Connection successful!' };
			}
			const detail = `(${failure.code}: ${failure.message})`;
			if (failure.category === 'authentication') {
				return {
					status: 'Error',
					message: `${spec.providerName} rejected ${spec.secretWords} ${detail}`,
				};
			}
			return {
				status: 'Error',
				message: answered
					? `${spec.providerName} answered with an error ${detail}`
					: `Could not test the credentials: ${failure.message}`,
			};
		}
		return { status: 'OK', message: 'Connection successful!' };
	};
}
