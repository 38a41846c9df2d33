/**
 * Debitsuccess web service (SOAP 1.1 on WCF). Business errors are HTTP 200 with Status Failed and Error notes;
 * SOAP Faults (HTTP 500) only for messages WCF cannot dispatch or deserialise.
 *
 * The request reader is as strict as WCF's data-contract serializer: elements are matched by namespace URI and
 * local name (never by prefix) and must come in data-contract member order; one out of order is read as null.
 */
import { randomUUID } from 'node:crypto';
import { secretsEqual, SANDBOX_CREDENTIALS } from '../credentials';
import { addDays, parseXsDateTime, toXsDateTime, type XsDateTime } from '../dates';
import { failWith, mediaType, reasonPhrase, textResponse, withHeaders } from '../http';
import type { DebitsuccessAccount, DebitsuccessState } from '../state';
import type { ProviderContext, ProviderModule, ProviderRequest, ProviderResponse } from '../types';
import {
	attributeValue,
	childElements,
	findChild,
	parseXml,
	textContent,
	writeXml,
	XmlCData,
	xmlElement,
	XmlParseError,
	type XmlElement,
	type XmlOut,
	type XmlOutElement,
} from '../xml';

const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const WCF_NS = 'Debitsuccess.WebServices.WCF';
const CORE_NS = 'http://schemas.datacontract.org/2004/07/Debitsuccess.WebServices.Core';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const ADDRESSING_NONE_NS = 'http://schemas.microsoft.com/ws/2005/05/addressing/none';
const DISPATCHER_NS =
	'http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher';
const SERVICE_PATH = '/DSWebService/DSServices.svc';
const SOAP_ACTION = /^"Debitsuccess\.WebServices\.WCF\/IDSServices\/([A-Za-z]+)"$/;
const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';
const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/**
 * Data-contract member order (inferred from WCF's default: base-class members first, then alphabetical).
 * `request` lists the members every request shares; each operation's own members follow them.
 */
const MEMBER_ORDER = {
	request: ['RequestInitiator', 'User', 'AccountReferenceNo', 'ExternalAccountReferenceNo'],
	User: ['Password', 'Username'],
	CancelAccount: ['CancellationNote'],
	AdjustSuspensionEndDate: ['NewEndDate', 'PayScheduleId'],
	GetCustomerAccountByAccountId: [],
	SuspendAccountForNumberOfPaymentCycles: [
		'MinimumEffectiveDate',
		'NumberOfPaymentCycles',
		'StopDirectDebits',
		'StopOverdueMail',
		'SuspensionFee',
		'SuspensionFeeFrequency',
	],
} as const;

type OperationName =
	| 'CancelAccount'
	| 'AdjustSuspensionEndDate'
	| 'GetCustomerAccountByAccountId'
	| 'SuspendAccountForNumberOfPaymentCycles';

/** Each operation's result uses its own prefix for the Core namespace, so clients must match by local name. */
const RESULT_PREFIX: Record<OperationName, string> = {
	CancelAccount: 'a',
	AdjustSuspensionEndDate: 'b',
	GetCustomerAccountByAccountId: 'c',
	SuspendAccountForNumberOfPaymentCycles: 'd',
};

const ERROR_MESSAGES = {
	'02': 'Invalid user credentials',
	'07': 'Multiple accounts found with this criteria',
	'08': 'There is no record found with this criteria',
	'09': 'Failed to complete the process',
	'10': 'Account is not active',
	'12016':
		'Missing required reference number. Must provide either ExternalAccountReferenceNo or AccountReferenceNo or both.',
	'13141': 'Suspension for given PayScheduleId not found',
	'13142': 'Suspension already finished',
	'13143': 'Adjusted suspension is overlapping with existing one',
	'13144': 'New suspension end date must not be before suspension start date',
	'13145': 'New suspension end date must not be in the past',
	// 1315x: sandbox codes for SuspendAccountForNumberOfPaymentCycles (the public docs list none).
	'13150': 'MinimumEffectiveDate is required',
	'13151': 'NumberOfPaymentCycles must be a whole number of at least 1',
	'13152': 'SuspensionFeeFrequency is required when a suspension fee is charged',
	'13153':
		'SuspensionFeeFrequency must be one of OneOff, Weekly, Fortnightly, FourWeekly, Monthly, BiMonthly, Quarterly',
	'13154': 'SuspensionFee must not be negative',
} as const;

type ErrorCode = keyof typeof ERROR_MESSAGES;

const FEE_FREQUENCIES = [
	'OneOff',
	'Weekly',
	'Fortnightly',
	'FourWeekly',
	'Monthly',
	'BiMonthly',
	'Quarterly',
];
/** Inferred: a payment cycle is one week, to give cycle-based suspensions an end date. */
const PAYMENT_CYCLE_DAYS = 7;
const INT32_MAX = 2_147_483_647;

// ---- SOAP responses -------------------------------------------------------------------------------------------

function soapEnvelope(body: XmlOut): string {
	return writeXml(
		xmlElement('s:Envelope', { 'xmlns:s': SOAP_ENVELOPE_NS }, xmlElement('s:Body', {}, body)),
	);
}

interface FaultOptions {
	faultstring: string;
	/** A QName; default `s:Client`. */
	faultcode?: string;
	/** Namespace declaration the faultcode's prefix needs, unless it is `s:`. */
	faultcodeNamespace?: { prefix: string; uri: string };
	status?: number;
}

/** A SOAP 1.1 Fault (HTTP 500 unless told otherwise). */
function soapFault({
	faultstring,
	faultcode = 's:Client',
	faultcodeNamespace,
	status = 500,
}: FaultOptions): ProviderResponse {
	const codeAttributes: Record<string, string> = faultcodeNamespace
		? { [`xmlns:${faultcodeNamespace.prefix}`]: faultcodeNamespace.uri }
		: {};
	const fault = xmlElement(
		's:Fault',
		{},
		xmlElement('faultcode', codeAttributes, faultcode),
		xmlElement('faultstring', { 'xml:lang': 'en-US' }, faultstring),
	);
	return textResponse(status, soapEnvelope(fault), XML_CONTENT_TYPE);
}

function actionNotSupported(action: string): ProviderResponse {
	return soapFault({
		faultstring:
			`The message with Action '${action}' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher. ` +
			'This may be because of either a contract mismatch (mismatched Actions between sender and receiver) or a binding/security mismatch between the sender and the receiver.',
		faultcode: 'a:ActionNotSupported',
		faultcodeNamespace: { prefix: 'a', uri: ADDRESSING_NONE_NS },
	});
}

function deserializationFailed(detail: string): never {
	failWith(
		soapFault({
			faultstring: `The formatter threw an exception while trying to deserialize the message: ${detail}`,
			faultcode: 'a:DeserializationFailed',
			faultcodeNamespace: { prefix: 'a', uri: DISPATCHER_NS },
		}),
	);
}

interface ResponseNote {
	code: string;
	note: string | XmlCData;
	type: 'Error' | 'Warning' | 'Info';
}

type OperationStatus = 'Failed' | 'Succeed' | 'Unknown';

interface OperationOutcome {
	status: OperationStatus;
	notes: ResponseNote[];
	/** Result members after Status (local names; the writer adds the prefix). */
	extraMembers: ResultMember[];
}

/** A result member to write: text, nil, or nested members. */
interface ResultMember {
	name: string;
	value: string | null | ResultMember[];
}

function resultResponse(operation: OperationName, outcome: OperationOutcome): ProviderResponse {
	const prefix = RESULT_PREFIX[operation];
	const member = (name: string, ...children: XmlOut[]): XmlOutElement =>
		xmlElement(`${prefix}:${name}`, {}, ...children);
	const writeMember = ({ name, value }: ResultMember): XmlOutElement =>
		value === null
			? xmlElement(`${prefix}:${name}`, { 'i:nil': 'true' })
			: typeof value === 'string'
				? member(name, value)
				: member(name, ...value.map(writeMember));
	const notes = outcome.notes.map((note) =>
		member(
			'ResponseMessageNote',
			member('Code', note.code),
			member('Note', note.note),
			member('NoteType', note.type),
		),
	);
	const result = xmlElement(
		`${operation}Result`,
		{ [`xmlns:${prefix}`]: CORE_NS, 'xmlns:i': XSI_NS },
		member('DateCreated', new Date().toISOString()),
		member('Id', randomUUID()),
		member('ResponseNotes', ...notes),
		member('Status', outcome.status),
		...outcome.extraMembers.map(writeMember),
	);
	return textResponse(
		200,
		soapEnvelope(xmlElement(`${operation}Response`, { xmlns: WCF_NS }, result)),
		XML_CONTENT_TYPE,
	);
}

// ---- reading the request --------------------------------------------------------------------------------------

/**
 * Walks `parent`'s children as WCF does: each Core-namespace element is matched to the first member at or after
 * the current position; an element whose member was already passed (out of order) or that is unknown is skipped.
 */
function readMembers(parent: XmlElement, order: readonly string[]): Map<string, XmlElement> {
	const members = new Map<string, XmlElement>();
	let position = 0;
	for (const child of childElements(parent)) {
		if (child.namespace !== CORE_NS) continue;
		const index = order.indexOf(child.localName, position);
		if (index < 0) continue;
		members.set(child.localName, child);
		position = index + 1;
	}
	return members;
}

/** Typed access to the members of the request, failing like WCF's deserializer on malformed typed values. */
class MemberReader {
	constructor(
		private readonly members: Map<string, XmlElement>,
		private readonly warnings: ResponseNote[],
	) {}

	element(name: string): XmlElement | undefined {
		return this.members.get(name);
	}

	/** Missing, empty and xsi:nil elements all read as null. */
	text(name: string): string | null {
		const element = this.members.get(name);
		if (!element || attributeValue(element, XSI_NS, 'nil') === 'true') return null;
		const text = textContent(element);
		return text === '' ? null : text;
	}

	requiredInt(name: string): number {
		const text = this.text(name);
		if (text === null)
			deserializationFailed(`'${name}' is required but was not found (or was out of order).`);
		const value = /^\s*-?\d{1,10}\s*$/.test(text) ? Number(text) : NaN;
		if (!(Math.abs(value) <= INT32_MAX))
			deserializationFailed(`The value '${text}' cannot be parsed as the type 'Int32'.`);
		return value;
	}

	/** A DateTime; a time of day other than midnight adds warning 14020 (the service only uses the date). */
	dateTime(name: string): XsDateTime | null {
		const text = this.text(name);
		if (text === null) return null;
		const value = parseXsDateTime(text);
		if (!value)
			deserializationFailed(`The value '${text}' cannot be parsed as the type 'DateTime'.`);
		if (value.hasTimeOfDay) {
			this.warnings.push({
				code: '14020',
				note: new XmlCData(
					`DateTime field '${name}' contains time part, but the time is ignored by message.`,
				),
				type: 'Warning',
			});
		}
		return value;
	}

	decimal(name: string): string | null {
		const text = this.text(name)?.trim() ?? null;
		if (text !== null && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text))
			deserializationFailed(`The value '${text}' cannot be parsed as the type 'Decimal'.`);
		return text;
	}

	boolean(name: string): boolean | null {
		const text = this.text(name)?.trim() ?? null;
		if (text === null) return null;
		if (!['true', 'false', '1', '0'].includes(text))
			deserializationFailed(`The value '${text}' cannot be parsed as the type 'Boolean'.`);
		return text === 'true' || text === '1';
	}
}

interface ParsedRequest {
	username: string | null;
	password: string | null;
	accountReferenceNo: string | null;
	externalAccountReferenceNo: string | null;
	/** The operation's own members. */
	fields: MemberReader;
	warnings: ResponseNote[];
}

function readRequest(requestElement: XmlElement, operation: OperationName): ParsedRequest {
	const warnings: ResponseNote[] = [];
	const common = new MemberReader(
		readMembers(requestElement, [...MEMBER_ORDER.request, ...MEMBER_ORDER[operation]]),
		warnings,
	);
	const userElement = common.element('User');
	const user = new MemberReader(
		userElement ? readMembers(userElement, MEMBER_ORDER.User) : new Map(),
		warnings,
	);
	return {
		username: user.text('Username'),
		password: user.text('Password'),
		accountReferenceNo: common.text('AccountReferenceNo'),
		externalAccountReferenceNo: common.text('ExternalAccountReferenceNo'),
		fields: common,
		warnings,
	};
}

// ---- operations -----------------------------------------------------------------------------------------------

/** Thrown to end an operation with Status Failed (one Error note) or Unknown (no notes). */
class OperationStopped extends Error {
	constructor(
		readonly status: 'Failed' | 'Unknown',
		readonly notes: ResponseNote[],
	) {
		super(`operation ${status}`);
	}
}

function businessError(code: ErrorCode): never {
	throw new OperationStopped('Failed', [{ code, note: ERROR_MESSAGES[code], type: 'Error' }]);
}

interface OperationCall {
	request: ParsedRequest;
	state: DebitsuccessState;
	today: string;
}

/** Accounts matching the references given (one or both must match). */
function matchingAccounts({ request, state }: OperationCall): DebitsuccessAccount[] {
	const { accountReferenceNo, externalAccountReferenceNo } = request;
	const matches = [...state.accounts.values()].filter(
		(account) =>
			(accountReferenceNo === null || account.accountReferenceNo === accountReferenceNo) &&
			(externalAccountReferenceNo === null ||
				account.externalAccountReferenceNo === externalAccountReferenceNo),
	);
	if (matches.length === 0) businessError('08');
	if (matches.some((account) => account.behaviour === 'statusUnknown'))
		throw new OperationStopped('Unknown', []);
	return matches;
}

/** The one account an action applies to (07 when the references match several). */
function singleAccount(call: OperationCall): DebitsuccessAccount {
	const matches = matchingAccounts(call);
	if (matches.length > 1) businessError('07');
	return matches[0];
}

/** An operation reads its own members up front (WCF deserialises before it runs), then runs against the state. */
type Operation = (fields: MemberReader) => (call: OperationCall) => ResultMember[];

const cancelAccount: Operation = (fields) => {
	const note = fields.text('CancellationNote') ?? 'Facility Request';
	return (call) => {
		const account = singleAccount(call);
		if (account.status !== 'Active') businessError('10');
		if (account.behaviour === 'cancelFails') businessError('09');
		account.status = 'Cancelled';
		account.nextBillingDate = null;
		account.cancellationNote = note;
		// A note mentioning a transfer bypasses debt collection (documented behaviour).
		account.cancellationReason = /transferred/i.test(note) ? 'Transfer' : 'Facility Request';
		return [];
	};
};

const adjustSuspensionEndDate: Operation = (fields) => {
	const payScheduleId = fields.requiredInt('PayScheduleId');
	const newEnd = fields.dateTime('NewEndDate');
	return (call) => {
		const account = singleAccount(call);
		const suspension = call.state.suspensions.get(payScheduleId);
		if (!suspension || suspension.accountReferenceNo !== account.accountReferenceNo)
			businessError('13141');
		if (suspension.endDate !== null && suspension.endDate < call.today) businessError('13142');
		const newEndDate = newEnd?.date ?? null; // absent: the suspension becomes open-ended
		// "In the past" first: checked the other way round, 13145 could only come from a running suspension.
		if (newEndDate !== null && newEndDate < call.today) businessError('13145');
		if (newEndDate !== null && newEndDate < suspension.startDate) businessError('13144');
		const overlaps = [...call.state.suspensions.values()].some(
			(other) =>
				other !== suspension &&
				other.accountReferenceNo === account.accountReferenceNo &&
				rangesOverlap(suspension.startDate, newEndDate, other.startDate, other.endDate),
		);
		if (overlaps) businessError('13143');
		suspension.endDate = newEndDate;
		return [];
	};
};

/** Inclusive date ranges; a null end is open-ended. */
function rangesOverlap(
	startA: string,
	endA: string | null,
	startB: string,
	endB: string | null,
): boolean {
	return (endB === null || startA <= endB) && (endA === null || startB <= endA);
}

const getCustomerAccount: Operation = () => (call) => [
	{ name: 'Accounts', value: matchingAccounts(call).map(accountMember) },
];

function accountMember(account: DebitsuccessAccount): ResultMember {
	const fields: Array<[string, string | null]> = [
		['AccountCode', account.accountReferenceNo],
		['AccountReferenceNo', account.accountReferenceNo],
		['ExternalAccountReferenceNo', account.externalAccountReferenceNo],
		['AccountStatus', account.status],
		['FirstName', account.firstName],
		['LastName', account.lastName],
		['NextBillingDate', account.nextBillingDate && toXsDateTime(account.nextBillingDate)],
		['OverdueStatus', account.overdueStatus],
		['OverdueAmount', account.overdueAmount],
		['RegularPaymentAmount', account.regularPaymentAmount],
	];
	return { name: 'CustomerAccount', value: fields.map(([name, value]) => ({ name, value })) };
}

const suspendForPaymentCycles: Operation = (fields) => {
	const minimumEffectiveDate = fields.dateTime('MinimumEffectiveDate');
	const cyclesText = fields.text('NumberOfPaymentCycles')?.trim() ?? null;
	const stopDirectDebits = fields.boolean('StopDirectDebits');
	const stopOverdueMail = fields.boolean('StopOverdueMail');
	const suspensionFee = fields.decimal('SuspensionFee');
	const frequency = fields.text('SuspensionFeeFrequency');
	return (call) => {
		const account = singleAccount(call);
		if (!minimumEffectiveDate) businessError('13150');
		const cycles = cyclesText !== null && /^\d{1,10}$/.test(cyclesText) ? Number(cyclesText) : 0;
		if (!(cycles >= 1 && cycles <= INT32_MAX)) businessError('13151');
		const feeSign = suspensionFee === null ? 0 : decimalSign(suspensionFee);
		if (feeSign < 0) businessError('13154');
		if (feeSign > 0 && frequency === null) businessError('13152');
		if (frequency !== null && !FEE_FREQUENCIES.includes(frequency)) businessError('13153');
		if (account.status !== 'Active') businessError('10');
		const payScheduleId = call.state.nextPayScheduleId++;
		call.state.suspensions.set(payScheduleId, {
			payScheduleId,
			accountReferenceNo: account.accountReferenceNo,
			startDate: minimumEffectiveDate.date,
			endDate: addDays(minimumEffectiveDate.date, cycles * PAYMENT_CYCLE_DAYS - 1),
			numberOfPaymentCycles: cycles,
			suspensionFee,
			suspensionFeeFrequency: frequency,
			stopDirectDebits,
			stopOverdueMail,
		});
		return [{ name: 'PayScheduleId', value: String(payScheduleId) }];
	};
};

/** Sign of decimal text without a float round-trip ('-0.00' is 0). */
function decimalSign(text: string): -1 | 0 | 1 {
	if (!/[1-9]/.test(text)) return 0;
	return text.startsWith('-') ? -1 : 1;
}

const OPERATIONS: Record<OperationName, Operation> = {
	CancelAccount: cancelAccount,
	AdjustSuspensionEndDate: adjustSuspensionEndDate,
	GetCustomerAccountByAccountId: getCustomerAccount,
	SuspendAccountForNumberOfPaymentCycles: suspendForPaymentCycles,
};

function isOperationName(name: string): name is OperationName {
	return Object.prototype.hasOwnProperty.call(OPERATIONS, name);
}

/** Credentials, then references, then the operation itself. */
function runOperation(
	operation: OperationName,
	request: ParsedRequest,
	call: OperationCall,
): OperationOutcome {
	const execute = OPERATIONS[operation](request.fields);
	const credentials = SANDBOX_CREDENTIALS.debitsuccess;
	try {
		const passwordOk = secretsEqual(request.password ?? undefined, credentials.password);
		if (request.username !== credentials.username || !passwordOk) businessError('02');
		if (request.accountReferenceNo === null && request.externalAccountReferenceNo === null)
			businessError('12016');
		const extraMembers = execute(call);
		return {
			status: 'Succeed',
			notes: [...request.warnings, { code: '00', note: 'Success', type: 'Info' }],
			extraMembers,
		};
	} catch (error) {
		if (!(error instanceof OperationStopped)) throw error;
		return { status: error.status, notes: [...request.warnings, ...error.notes], extraMembers: [] };
	}
}

// ---- module ---------------------------------------------------------------------------------------------------

/** The operation element inside a well-formed SOAP 1.1 envelope (SOAP Fault otherwise). */
function operationElement(body: string): XmlElement {
	let envelope: XmlElement;
	try {
		envelope = parseXml(body);
	} catch (error) {
		if (!(error instanceof XmlParseError)) throw error;
		failWith(soapFault({ faultstring: `The message could not be read. ${error.message}` }));
	}
	if (envelope.namespace !== SOAP_ENVELOPE_NS || envelope.localName !== 'Envelope') {
		failWith(
			soapFault({
				faultstring: `The root element must be a SOAP 1.1 Envelope (${SOAP_ENVELOPE_NS}).`,
				faultcode: 's:VersionMismatch',
			}),
		);
	}
	const soapBody = findChild(envelope, SOAP_ENVELOPE_NS, 'Body');
	const element = soapBody && childElements(soapBody)[0];
	if (!element) failWith(soapFault({ faultstring: 'The SOAP Body is missing or empty.' }));
	return element;
}

function handle(request: ProviderRequest, context: ProviderContext): ProviderResponse {
	if (request.providerPath !== SERVICE_PATH)
		return textResponse(
			404,
			'<html><body><h1>404 - Not Found</h1></body></html>',
			HTML_CONTENT_TYPE,
		);
	if (request.method !== 'POST')
		return withHeaders(
			textResponse(405, '<html><body><h1>Method not allowed</h1></body></html>', HTML_CONTENT_TYPE),
			{ allow: 'POST' },
		);
	const contentType = request.headers['content-type'];
	if (mediaType(contentType) !== 'text/xml') {
		return textResponse(
			415,
			`Cannot process the message because the content type '${contentType ?? ''}' was not the expected type '${XML_CONTENT_TYPE}'.`,
			'text/plain; charset=utf-8',
		);
	}
	const action = request.headers.soapaction ?? '';
	const actionOperation = SOAP_ACTION.exec(action)?.[1];
	if (!actionOperation || !isOperationName(actionOperation)) return actionNotSupported(action);
	const element = operationElement(request.body);
	if (element.namespace !== WCF_NS || element.localName !== actionOperation)
		return actionNotSupported(action);
	const requestElement = findChild(element, WCF_NS, 'request');
	if (!requestElement)
		deserializationFailed(`Expecting element 'request' from namespace '${WCF_NS}'.`);
	const parsed = readRequest(requestElement, actionOperation);
	const outcome = runOperation(actionOperation, parsed, {
		request: parsed,
		state: context.state.debitsuccess,
		today: context.today,
	});
	return resultResponse(actionOperation, outcome);
}

export const debitsuccess: ProviderModule = {
	name: 'debitsuccess',
	prefix: '/debitsuccess',
	basePath: `/debitsuccess${SERVICE_PATH}`,
	handle,
	faultResponse: (status) =>
		soapFault({
			faultstring: reasonPhrase(status),
			faultcode: status >= 500 ? 's:Server' : 's:Client',
			status,
		}),
};
