/**
 * The one list of places where the package (or the sandbox) and a provider's own API description disagree on
 * purpose, or where the description cannot be read as written (a spec defect). The validator in `openapi.ts` consults these entries rule by rule; each narrows one rule for the
 * parameters it names and never switches a check off. Anything not listed here that breaks the spec fails a test.
 *
 * Sources named in the entries: INTERFACE.md (the package's public contract) and reference/CRM-SYNC.md (facts read
 * from the specs, the provider SDKs and public clients), both kept beside the repository, not in it.
 */
import type { Deviation, ParameterRef } from './openapi';

const CUSTOMER = '/client/{clientCode}/customer';
const CUSTOMER_BY_ID = '/client/{clientCode}/customer/{customerId}';
const CUSTOMER_CONTRACT = '/client/{clientCode}/customer/{customerId}/contract';
const PAYMENTS = '/client/{clientCode}/contract/{contractId}/payment';
const PAYMENT = '/client/{clientCode}/contract/{contractId}/payment/{paymentId}';

const at = (method: string, path: string, ...parameters: string[]): ParameterRef[] =>
	parameters.map((parameter) => ({ method, path, parameter }));

export const DEVIATIONS: readonly Deviation[] = [
	{
		id: 'ddcms-null-for-unset',
		spec: 'ddcms',
		kind: 'nullForOptional',
		what:
			'Answers carry `null` for optional string properties that are not set (a customer without CompanyName or ' +
			'HomePhoneNumber); the schemas type them `string` without `x-nullable`.',
		why: "DDCMS is a .NET Web API that writes unset values as null; the spec's own examples show it (`Tags: null`, `PaymentDayInWeek: null`, `Detail: null`).",
		source:
			'ddcms-api-v3.swagger.yaml response examples (e.g. GET schedules `Tags: null`, contract `PaymentDayInWeek: null`)',
	},
	{
		id: 'ddcms-payment-day-in-month',
		spec: 'ddcms',
		kind: 'responseProperty',
		schema: '/definitions/Contract',
		property: 'PaymentDayInMonth',
		// The spec's enum, its numbers read as the text DDCMS sends.
		reading: {
			type: 'string',
			enum: [...Array.from({ length: 28 }, (_, day) => String(day + 1)), 'Last Day of the Month'],
		},
		what:
			"Contract's `PaymentDayInMonth` is `type: string` with an enum of the numbers 1…28 and the text 'Last Day of " +
			"the Month', so no day of the month validates. It is read as text: '1'…'28' or 'Last Day of the Month', " +
			'and the package passes it on as DDCMS sends it (a string, not a number).',
		why: "A spec defect (the enum's numbers are unquoted YAML). The spec's own example for GET customer/{customerId}/contract sends `PaymentDayInMonth: '15'` (XML `<PaymentDayInMonth>15</PaymentDayInMonth>`).",
		source:
			'ddcms-api-v3.swagger.yaml definitions.Contract and the GET customer/{customerId}/contract 200 example; CRM-SYNC.md §1.6 ("PaymentDayInMonth (string: 1–28 or \'Last Day of the Month\')")',
	},
	{
		id: 'magicline-cancelation-status-absent',
		spec: 'magicline',
		kind: 'responseProperty',
		schema: '/components/schemas/MembershipSelfServiceContractData',
		property: 'cancelationStatus',
		optional: true,
		what:
			'`MembershipSelfServiceContractData` requires `cancelationStatus`, whose enum names only states of a ' +
			'cancelation (CANCELED, PENDING_VERIFICATION, PENDING_WITHDRAWAL_VERIFICATION). A contract without a ' +
			'cancelation comes without it; a missing `cancelationStatus` means "not canceled".',
		why: "A spec defect: no value describes an uncanceled contract, yet such a contract is the one whose `availableCancelationDates` the cancel operation offers. The same enum is optional where the spec describes a module's cancelation (`AdditionalModuleContractExtended.contractCancelationStatus`), and so are the other cancelation fields (`cancelationDate`, `cancelationReason`, `cancelationOrigin`).",
		source:
			'magicline-open-api-1.5.0.openapi.json components.schemas.MembershipSelfServiceContractData and AdditionalModuleContractExtended; INTERFACE.md magicline ("membership.cancel\'s cancelationDate dropdown")',
	},
	{
		id: 'ddcms-query-string',
		spec: 'ddcms',
		kind: 'queryForBody',
		where: [
			{ method: 'post', path: CUSTOMER },
			{ method: 'post', path: CUSTOMER_CONTRACT },
			{ method: 'post', path: PAYMENTS },
		],
		what:
			'These operations declare an optional `in: body` (a PascalCase example, consumes JSON/XML) besides their query ' +
			'parameters. The package sends every parameter in the query string and no body; a field found only in the ' +
			'body description is accepted as a query parameter of the same name.',
		why: "DDCMS binds query and body alike; all three official SDKs and the spec's own cURL samples use the query string only.",
		source:
			'CRM-SYNC.md §1.1 (DD-PY session.py, DD-NET Session.cs, DD-JAVA Session.java, DD-SPEC x-codeSamples); INTERFACE.md "CRM-to-billing sync operations / accessPaySuite"',
	},
	{
		id: 'ddcms-date-time-offset',
		spec: 'ddcms',
		kind: 'format',
		format: 'date-time',
		alsoAccepts: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/,
		where: 'everywhere',
		what: '`format: date-time` (RFC 3339) requires an offset; DDCMS date-times come without one (`2017-05-15T00:00:00.000`).',
		why: "The spec's own parameter descriptions give the format as `YYYY-MM-DDT00:00:00.000`, and its XML examples carry no offset.",
		source:
			'ddcms-api-v3.swagger.yaml, e.g. POST contract/{contractId}/payment `date` ("Format: YYYY-MM-DDT00:00:00.000") and the Payment XML example',
	},
	{
		id: 'ddcms-dates',
		spec: 'ddcms',
		kind: 'format',
		format: 'date-time',
		alsoAccepts: /^\d{4}-\d\d-\d\d$/,
		where: [
			...at('post', CUSTOMER, 'dateOfBirth'),
			...at('patch', CUSTOMER_BY_ID, 'dateOfBirth'),
			...at('post', CUSTOMER_CONTRACT, 'start', 'terminationDate'),
			...at('post', PAYMENTS, 'date'),
			...at('patch', PAYMENT, 'date'),
		],
		what: 'Date parameters declared `date-time` are sent as dates, `YYYY-MM-DD`.',
		why: "The package contract pins dates as YYYY-MM-DD; the spec's own cURL samples (`start=2019-08-01`, `date=2019-08-01`) and every SDK send date-only values.",
		source: 'INTERFACE.md "dates go as YYYY-MM-DD"; CRM-SYNC.md §1.1 "Date format in the spec"',
	},
	{
		id: 'ddcms-line2-optional',
		spec: 'ddcms',
		kind: 'optional',
		where: at('post', CUSTOMER, 'line2'),
		what: 'POST customer marks `line2` required; the package sends it only when given (an additional field).',
		why: 'All three official SDKs and a production client treat line2 as optional; many UK addresses have one line.',
		source:
			'CRM-SYNC.md §1.2 and discrepancy D4; INTERFACE.md customer/create (`additionalFields.line2`)',
	},
	{
		id: 'ddcms-schedule-name-or-id',
		spec: 'ddcms',
		kind: 'oneOf',
		method: 'post',
		path: CUSTOMER_CONTRACT,
		parameters: ['scheduleName', 'scheduleId'],
		what: 'POST customer/{customerId}/contract marks both `scheduleName` and `scheduleId` required; exactly one is sent.',
		why: 'The spec\'s own text: "You must include either this or the scheduleId parameter"; the Java SDK enforces exactly one. The package sends scheduleName.',
		source: 'ddcms-api-v3.swagger.yaml scheduleName description; CRM-SYNC.md §1.5',
	},
	{
		id: 'ddcms-account-holder-pattern',
		spec: 'ddcms',
		kind: 'pattern',
		// The evident intent: the whole value is 0 to 18 of these characters. The spec's text has a space inside
		// the quantifier, which makes it no quantifier at all (an error with the `u` flag JSON Schema validators
		// use; without it, a literal "{0, 18}" that no name contains). Anchored, because unanchored `{0,18}` matches
		// every string.
		pattern: '^[0-9a-zA-Z ]{0,18}$',
		where: [
			...at('post', CUSTOMER, 'accountHolderName'),
			...at('patch', CUSTOMER_BY_ID, 'accountHolderName'),
			...at('get', CUSTOMER, 'accountHolderName'),
		],
		what: "The spec's pattern `[0-9a-zA-Z ]{0, 18}` is not a valid regular expression; it is read as `^[0-9a-zA-Z ]{0,18}$`.",
		why: 'A spec defect (the space after the comma). The length limit (maxLength 18) and the character class are kept; the server accepts more characters (D5), which the samples do not use.',
		source:
			'ddcms-api-v3.swagger.yaml POST/PATCH/GET customer `accountHolderName`; CRM-SYNC.md §1.2 and discrepancy D5',
	},
];
