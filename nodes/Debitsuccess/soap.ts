import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { USER_PLACEHOLDER } from '../../common/debitsuccess';
import { escapeXml } from '../../common/xml';
import { faultFor, HTTP_STATUS_FAULTS } from '../shared/engine/faults';
import { ItemFailure } from '../shared/engine/failure';
import { operationsFor } from '../shared/engine/types';
import type { RawResponse } from '../shared/engine/types';
import { childElement, findElement, parseXml, XmlSyntaxError } from '../shared/wire/xml';
import type { XmlElement } from '../shared/wire/xml';
import { DEBITSUCCESS_FAULTS } from './faults';

const ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const SERVICE_NS = 'Debitsuccess.WebServices.WCF';
const CORE_NS = 'http://schemas.datacontract.org/2004/07/Debitsuccess.WebServices.Core';

/** WCF's default action for the service contract (inferred: not published by the vendor). */
const SOAP_ACTION_PREFIX = 'Debitsuccess.WebServices.WCF/IDSServices/';

/**
 * Element order of each request. WCF's data-contract serializer reads members in order (base class
 * first, then alphabetical) and silently treats an element out of order as null. CancelAccount and
 * AdjustSuspensionEndDate follow the vendor's pages; the order for GetCustomerAccountByAccountId and
 * SuspendAccountForNumberOfPaymentCycles is INFERRED from WCF's default (alphabetical) rule.
 */
const BASE_MEMBERS = [
	'RequestInitiator',
	'User',
	'AccountReferenceNo',
	'ExternalAccountReferenceNo',
];
export const REQUEST_MEMBER_ORDER: Record<string, string[]> = {
	CancelAccount: [...BASE_MEMBERS, 'CancellationNote'],
	AdjustSuspensionEndDate: [...BASE_MEMBERS, 'NewEndDate', 'PayScheduleId'],
	GetCustomerAccountByAccountId: [...BASE_MEMBERS],
	SuspendAccountForNumberOfPaymentCycles: [
		...BASE_MEMBERS,
		'MinimumEffectiveDate',
		'NumberOfPaymentCycles',
		'StopDirectDebits',
		'StopOverdueMail',
		'SuspensionFee',
		'SuspensionFeeFrequency',
	],
};

/** A SOAP call as an operation declares it: the operation and its field values (undefined = left out). */
export interface SoapRequest {
	operation: keyof typeof REQUEST_MEMBER_ORDER;
	fields: Record<string, string | undefined>;
}

/** The SOAP 1.1 envelope with every field in WCF's order and escaped, the User left as a placeholder. */
export function soapEnvelope(request: SoapRequest): string {
	const order = REQUEST_MEMBER_ORDER[request.operation];
	const unknown = Object.keys(request.fields).filter((name) => !order.includes(name));
	if (unknown.length) throw new Error(`No element order is known for ${unknown.join(', ')}`);
	const members = order
		.map((name) => {
			if (name === 'User') return USER_PLACEHOLDER;
			const value = request.fields[name];
			return value === undefined || value === ''
				? ''
				: `<deb1:${name}>${escapeXml(value)}</deb1:${name}>`;
		})
		.join('');
	return (
		`<soapenv:Envelope xmlns:soapenv="${ENVELOPE_NS}" xmlns:deb="${SERVICE_NS}" xmlns:deb1="${CORE_NS}">` +
		`<soapenv:Header/><soapenv:Body><deb:${request.operation}><deb:request>${members}</deb:request>` +
		`</deb:${request.operation}></soapenv:Body></soapenv:Envelope>`
	);
}

export function soapHttpRequest(endpoint: string, request: SoapRequest): IHttpRequestOptions {
	return {
		method: 'POST',
		url: endpoint,
		headers: {
			'Content-Type': 'text/xml; charset=utf-8',
			SOAPAction: `"${SOAP_ACTION_PREFIX}${request.operation}"`,
		},
		body: soapEnvelope(request),
	};
}

/** The category of an HTTP status when the SOAP answer says nothing better. */
function statusCategory(status: number) {
	return faultFor(HTTP_STATUS_FAULTS, undefined, status).category;
}

export interface ResponseNote {
	code: string;
	note: string;
	type: string;
}

/** A Succeed answer: the operation's result element and its notes. */
export interface SoapResult {
	result: XmlElement;
	id: string;
	dateCreated: string;
	notes: ResponseNote[];
}

/** Declares a Debitsuccess operation: a SOAP request, read as a SoapResult. */
export const soapOperation = operationsFor<SoapRequest, SoapResult>();

function readNotes(result: XmlElement): ResponseNote[] {
	return (childElement(result, 'ResponseNotes')?.children ?? []).map((note) => ({
		code: childElement(note, 'Code')?.text ?? '',
		note: childElement(note, 'Note')?.text ?? '',
		type: childElement(note, 'NoteType')?.text ?? '',
	}));
}

function unreadableAnswer(response: RawResponse, reason: string): ItemFailure {
	const category =
		response.statusCode >= 400 ? statusCategory(response.statusCode) : 'provider_error';
	return new ItemFailure({
		message: `Debitsuccess sent an answer that could not be read (${reason})`,
		httpCode: response.statusCode,
		code: String(response.statusCode),
		category,
	});
}

/** Reads a SOAP answer by local element names, whatever the prefixes; throws an ItemFailure for faults. */
export function readSoapResponse(response: RawResponse): SoapResult {
	let envelope: XmlElement;
	try {
		envelope = parseXml(response.body);
	} catch (error) {
		throw unreadableAnswer(response, error instanceof XmlSyntaxError ? error.message : 'not XML');
	}
	const body = childElement(envelope, 'Body');
	const fault = childElement(body, 'Fault');
	if (fault) throw soapFault(response, fault);
	const result = body?.children[0]?.children[0];
	if (!result || !childElement(result, 'Status'))
		throw unreadableAnswer(response, 'no result Status');
	const notes = readNotes(result);
	const status = childElement(result, 'Status')?.text;
	if (status === 'Succeed') {
		return {
			result,
			id: childElement(result, 'Id')?.text ?? '',
			dateCreated: childElement(result, 'DateCreated')?.text ?? '',
			notes,
		};
	}
	if (status === 'Failed') {
		const error = notes.find((note) => note.type === 'Error') ?? notes[0];
		const known = error ? DEBITSUCCESS_FAULTS[error.code] : undefined;
		throw new ItemFailure({
			message: error?.note || known?.message || 'Debitsuccess reported a failure without a note',
			httpCode: response.statusCode,
			code: error?.code || String(response.statusCode),
			category: known?.category ?? 'provider_error',
			details: notes.length > 1 ? (notes as unknown as IDataObject[]) : null,
		});
	}
	throw new ItemFailure({
		message: 'Debitsuccess could not say whether the request succeeded (Status Unknown)',
		httpCode: response.statusCode,
		code: 'UNKNOWN',
		category: 'provider_error',
	});
}

function soapFault(response: RawResponse, fault: XmlElement): ItemFailure {
	const faultCode = findElement(fault, 'faultcode')?.text ?? findElement(fault, 'Value')?.text;
	return new ItemFailure({
		message:
			findElement(fault, 'faultstring')?.text || findElement(fault, 'Text')?.text || 'SOAP Fault',
		description: faultCode ? `SOAP fault code ${faultCode}` : null,
		httpCode: response.statusCode,
		code: String(response.statusCode),
		category:
			response.statusCode === 429 || response.statusCode === 503
				? statusCategory(response.statusCode)
				: 'provider_error',
	});
}
