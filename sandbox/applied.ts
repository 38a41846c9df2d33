/** Which answered requests count as an applied action (`sandbox.applied`). */
import type { AppliedAction, ProviderName, ProviderResponse, RecordedRequest } from './types';

/** The only Debitsuccess operation that changes nothing. */
const DEBITSUCCESS_READS = new Set(['GetCustomerAccountByAccountId']);
const REST_READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The result's own Status member; the notes inside it have Code/Note/NoteType only. */
const SOAP_SUCCEED = /<(?:[\w.-]+:)?Status>Succeed<\/(?:[\w.-]+:)?Status>/;

/** The operation a SOAPAction names: `"Debitsuccess.WebServices.WCF/IDSServices/CancelAccount"` → `CancelAccount`. */
export function soapOperation(soapAction: string | undefined): string | undefined {
	const operation = soapAction?.replace(/^"|"$/g, '').split('/').pop();
	return operation || undefined;
}

/**
 * The applied action for a handled request, or undefined when it changed nothing: REST writes (not GET/HEAD/OPTIONS)
 * answered 2xx; Debitsuccess operations other than reads whose result Status is Succeed (a Failed or Unknown result
 * is also HTTP 200, but the sandbox changes nothing then).
 */
export function appliedAction(
	provider: ProviderName,
	request: RecordedRequest,
	answer: ProviderResponse,
	at: number,
): AppliedAction | undefined {
	if (answer.status < 200 || answer.status > 299) return undefined;
	const { method, path, rawQuery, body } = request;
	const action: AppliedAction = {
		provider,
		method,
		path,
		rawQuery,
		body,
		status: answer.status,
		at,
	};
	if (provider !== 'debitsuccess') return REST_READS.has(method) ? undefined : action;
	const operation = soapOperation(request.headers.soapaction);
	if (!operation || DEBITSUCCESS_READS.has(operation) || !SOAP_SUCCEED.test(answer.body))
		return undefined;
	return { ...action, soapAction: operation };
}
