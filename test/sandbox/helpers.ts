/** Request helpers for the sandbox's own tests (written from the provider docs, not from the nodes). */
import { createHmac } from 'node:crypto';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../sandbox/server';
import { childElements, parseXml, textContent, type XmlElement } from '../../sandbox/xml';

export const TODAY = '2030-01-15';
export const DDCMS_CONTRACT = (n: number) => `a0000000-0000-4000-8000-00000000000${n}`;
export const SINGULA_CUSTOMER = '5f0c6a1e-3c1b-4e0f-9a57-2b1d4c8e9f01';

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
}

export async function send(url: string, init: RequestInit = {}): Promise<Reply> {
	const response = await fetch(url, init);
	return { status: response.status, headers: response.headers, text: await response.text() };
}

export function ddcms(
	sandbox: Sandbox,
	method: string,
	path: string,
	apiKey: string = SANDBOX_CREDENTIALS.accessPaySuite.apiKey,
): Promise<Reply> {
	return send(`${sandbox.urls.accessPaySuite}/api/v3/client/DEMO/${path}`, {
		method,
		headers: { apiKey },
	});
}

export function magicline(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: string,
	apiKey: string = SANDBOX_CREDENTIALS.magicline.apiKey,
): Promise<Reply> {
	const headers: Record<string, string> = { 'X-API-KEY': apiKey };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	return send(`${sandbox.urls.magicline}${path}`, { method, headers, body });
}

/** Signs as the Singula docs describe: HMAC-SHA256(secret, timestamp + METHOD + path), upper-case hex. */
export function singula(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: string,
	options: { secret?: string; timestamp?: number } = {},
): Promise<Reply> {
	const url = `${sandbox.urls.singula}/apis/contracts/v1/customer/${SINGULA_CUSTOMER}${path}`;
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const signedPath = new URL(url).pathname;
	const secret = options.secret ?? SANDBOX_CREDENTIALS.singula.apiSecret;
	const signature = createHmac('sha256', secret)
		.update(timestamp + method + signedPath)
		.digest('hex')
		.toUpperCase();
	return send(url, {
		method,
		headers: {
			Authorization: `hmac ${SANDBOX_CREDENTIALS.singula.apiKey}:${signature}`,
			Timestamp: timestamp,
			'Content-Type': 'application/json',
		},
		body,
	});
}

export interface SoapOptions {
	/** Elements placed inside <request> after <User>, written with the `core:` prefix. */
	fields?: string;
	username?: string;
	password?: string;
	soapAction?: string;
	contentType?: string;
}

/** A CancelAccount-style envelope as in the vendor example, prefixes chosen freely. */
export function soapRequest(operation: string, options: SoapOptions = {}): string {
	const {
		username = SANDBOX_CREDENTIALS.debitsuccess.username,
		password = SANDBOX_CREDENTIALS.debitsuccess.password,
		fields = '',
	} = options;
	return (
		'<?xml version="1.0" encoding="utf-8"?>' +
		'<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:w="Debitsuccess.WebServices.WCF" ' +
		'xmlns:core="http://schemas.datacontract.org/2004/07/Debitsuccess.WebServices.Core">' +
		`<env:Header/><env:Body><w:${operation}><w:request>` +
		`<core:User><core:Password>${password}</core:Password><core:Username>${username}</core:Username></core:User>` +
		`${fields}</w:request></w:${operation}></env:Body></env:Envelope>`
	);
}

export function debitsuccess(
	sandbox: Sandbox,
	operation: string,
	options: SoapOptions = {},
	body = soapRequest(operation, options),
): Promise<Reply> {
	return send(sandbox.urls.debitsuccess, {
		method: 'POST',
		headers: {
			'Content-Type': options.contentType ?? 'text/xml; charset=utf-8',
			SOAPAction: options.soapAction ?? `"Debitsuccess.WebServices.WCF/IDSServices/${operation}"`,
		},
		body,
	});
}

export interface SoapResult {
	status: string;
	notes: Array<{ code: string; note: string; type: string }>;
	/** The <{Op}Result> element, for operation-specific members. */
	result: XmlElement;
}

/** Reads a Debitsuccess result by local names only (the prefixes differ per operation). */
export function soapResult(xml: string): SoapResult {
	const result = descendants(parseXml(xml)).find((element) => element.localName.endsWith('Result'));
	if (!result) throw new Error(`no Result element in ${xml}`);
	const member = (parent: XmlElement, name: string) =>
		childElements(parent).find((child) => child.localName === name);
	const text = (parent: XmlElement | undefined, name: string) =>
		parent && member(parent, name) ? textContent(member(parent, name)!) : '';
	const notes = childElements(member(result, 'ResponseNotes')!).map((note) => ({
		code: text(note, 'Code'),
		note: text(note, 'Note'),
		type: text(note, 'NoteType'),
	}));
	return { status: text(result, 'Status'), notes, result };
}

export function descendants(element: XmlElement): XmlElement[] {
	return childElements(element).flatMap((child) => [child, ...descendants(child)]);
}
