/**
 * Debitsuccess SOAP for the tests: the envelope the node must send (written out here from the
 * provider's WSDL order, not taken from the node), a hand-written answer for the reader, and the
 * two steps most tests start from with their usual parameters.
 */
import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../sandbox/server';
import { nodeStep } from './nodeStep';
import type { OnError } from './workflow';

const ENVELOPE_OPEN =
	'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:deb="Debitsuccess.WebServices.WCF" xmlns:deb1="http://schemas.datacontract.org/2004/07/Debitsuccess.WebServices.Core"><soapenv:Header/><soapenv:Body>';

/** The `<User>` block with the sandbox's demo username and password. */
export const USER = `<deb1:User><deb1:Password>${SANDBOX_CREDENTIALS.debitsuccess.password}</deb1:Password><deb1:Username>${SANDBOX_CREDENTIALS.debitsuccess.username}</deb1:Username></deb1:User>`;

export function envelope(operation: string, members: string): string {
	return `${ENVELOPE_OPEN}<deb:${operation}><deb:request>${members}</deb:request></deb:${operation}></soapenv:Body></soapenv:Envelope>`;
}

/** The request members inside `<deb:request>`. */
export function members(body: string): string {
	return /<deb:request>(.*)<\/deb:request>/.exec(body)?.[1] ?? '';
}

/** A Debitsuccess answer written by hand, with other prefixes, CDATA and entities, for the reader. */
export function answer(
	operation: string,
	status: string,
	notes: Array<[string, string, string]>,
): string {
	const noteXml = notes
		.map(
			([code, note, type]) =>
				`<x:ResponseMessageNote><x:Code>${code}</x:Code><x:Note>${note}</x:Note><x:NoteType>${type}</x:NoteType></x:ResponseMessageNote>`,
		)
		.join('');
	return (
		'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		`<${operation}Response xmlns="Debitsuccess.WebServices.WCF"><${operation}Result xmlns:x="http://schemas.datacontract.org/2004/07/Debitsuccess.WebServices.Core">` +
		`<x:DateCreated>2026-06-15T10:00:00</x:DateCreated><x:Id>11111111-2222-3333-4444-555555555555</x:Id><x:ResponseNotes>${noteXml}</x:ResponseNotes><x:Status>${status}</x:Status>` +
		`</${operation}Result></${operation}Response></soap:Body></soap:Envelope>`
	);
}

/** Cancel an account, with the note "Facility Request" unless given. */
export const cancelAccount = (parameters: IDataObject, onError?: OnError) =>
	nodeStep(
		'debitsuccess',
		'account',
		'cancel',
		{ cancellationNote: 'Facility Request', ...parameters },
		onError,
	);

/** Adjust a suspension end date of account DS1001. */
export const adjustSuspension = (parameters: IDataObject, onError?: OnError) =>
	nodeStep(
		'debitsuccess',
		'suspension',
		'adjustEndDate',
		{ accountReferenceNo: 'DS1001', ...parameters },
		onError,
	);
