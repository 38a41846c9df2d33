import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../shared/engine/description';
import { invalidParameter } from '../../shared/engine/failure';
import type { ItemParameters } from '../../shared/engine/parameters';
import { actionItem, rest, restOperation, textField } from '../../shared/wire/rest';
import { readOptionalAmount } from '../amount';
import { customerIdField, readCustomerId } from '../customer/fields';
import { DDCMS_SPEC_CHOICES } from '../specChoices';

const TERMINATION_TYPES = [
	'End on exact date',
	'Take certain number of debits',
	'Until further notice',
] as const;
const AT_THE_END = ['Expire', 'Switch to Further Notice'] as const;
/** DDCMS's payment days: 1 to 28, 98 = last working day, 99 = last day of the month. */
const PAYMENT_DAYS_IN_MONTH = [...Array.from({ length: 28 }, (_, day) => day + 1), 98, 99];

const { extraInitialAmountsParameter, maxNumberOfDebits } = DDCMS_SPEC_CHOICES;

/** Parameter name, label, description and the query name of each amount. */
const AMOUNT_FIELDS = [
	[
		'amount',
		'Amount',
		'The regular amount collected, in pounds (not for ad-hoc schedules)',
		'amount',
	],
	['initialAmount', 'Initial Amount', 'A different first payment, in pounds', 'initialAmount'],
	[
		'extraInitialAmounts',
		'Extra Initial Amounts',
		'An extra amount collected with the first payment, such as a joining fee, in pounds',
		extraInitialAmountsParameter,
	],
	['finalAmount', 'Final Amount', 'A different last payment, in pounds', 'finalAmount'],
] as const;

function numberField(
	name: string,
	displayName: string,
	description: string,
	maxValue?: number,
): INodeProperties {
	// Every number here starts at 1.
	return {
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) },
		default: 1,
		description,
	};
}

const additionalFields: INodeProperties = additionalFieldsCollection(
	(
		[
			...AMOUNT_FIELDS.map(
				([name, displayName, description]): INodeProperties => ({
					displayName,
					name,
					type: 'string',
					default: '',
					placeholder: 'e.g. 25.00',
					description: `${description}, with up to two decimals`,
				}),
			),
			{
				displayName: 'Additional Reference',
				name: 'additionalReference',
				type: 'string',
				default: '',
				description: 'Your own searchable reference for the contract (up to 200 characters)',
			},
			numberField(
				'every',
				'Every',
				'Collect every this many periods of the schedule, e.g. 2 with a monthly schedule = every other month',
			),
			numberField(
				'numberOfDebits',
				'Number of Debits',
				`How many payments to take; needed when the termination type is "Take certain number of debits" (1 to ${maxNumberOfDebits})`,
				maxNumberOfDebits,
			),
			numberField(
				'paymentDayInMonth',
				'Payment Day in Month',
				'Day of the month payments are taken (monthly and annual schedules): 1 to 28, 98 for the last working day, 99 for the last day',
				99,
			),
			numberField(
				'paymentDayInWeek',
				'Payment Day in Week',
				'Weekday payments are taken (weekly schedules): 1 = Monday to 5 = Friday',
				5,
			),
			numberField(
				'paymentMonthInYear',
				'Payment Month in Year',
				'Month payments are taken (annual schedules): 1 = January to 12 = December',
				12,
			),
			{
				displayName: 'Termination Date',
				name: 'terminationDate',
				type: 'dateTime',
				default: '',
				description:
					'The last day of the contract; needed when the termination type is "End on exact date", and after the start date. Only the calendar date is used (a date with a time keeps the date in its own time zone).',
			},
		] as INodeProperties[]
	).sort((a, b) => a.displayName.localeCompare(b.displayName)),
);

/** The optional query parameters, in the order they go on the wire. */
function readAdditional(parameters: ItemParameters): Record<string, string | undefined> {
	const additional = parameters.collection('additionalFields');
	const integer = (name: string, min: number, max: number) =>
		additional.integer(name, min, max)?.toString();
	const amounts = Object.fromEntries(
		AMOUNT_FIELDS.map(([name, , , wireName]) => [
			wireName,
			readOptionalAmount(additional, name, `additionalFields.${name}`),
		]),
	);
	const paymentDayInMonth = integer('paymentDayInMonth', 1, 99);
	if (
		paymentDayInMonth !== undefined &&
		!PAYMENT_DAYS_IN_MONTH.includes(Number(paymentDayInMonth))
	) {
		throw invalidParameter(
			'additionalFields.paymentDayInMonth',
			'must be 1 to 28, 98 (last working day) or 99 (last day of the month)',
		);
	}
	return {
		...amounts,
		every: integer('every', 1, Number.MAX_SAFE_INTEGER),
		numberOfDebits: integer('numberOfDebits', 1, maxNumberOfDebits),
		terminationDate: additional.optionalDate('terminationDate'),
		paymentDayInMonth,
		paymentMonthInYear: integer('paymentMonthInYear', 1, 12),
		paymentDayInWeek: integer('paymentDayInWeek', 1, 5),
		additionalReference: additional.optionalText('additionalReference', { maxLength: 200 }),
	};
}

/** The contract's cross-field rules (DDCMS spec), checked before anything is sent. */
function checkTermination(
	start: string,
	terminationType: string,
	atTheEnd: string,
	additional: Record<string, string | undefined>,
): void {
	if (
		terminationType === 'Take certain number of debits' &&
		additional.numberOfDebits === undefined
	) {
		throw invalidParameter(
			'additionalFields.numberOfDebits',
			'is required when the termination type is "Take certain number of debits"',
		);
	}
	if (terminationType === 'End on exact date') {
		const { terminationDate } = additional;
		if (terminationDate === undefined) {
			throw invalidParameter(
				'additionalFields.terminationDate',
				'is required when the termination type is "End on exact date"',
			);
		}
		if (terminationDate <= start) {
			throw invalidParameter('additionalFields.terminationDate', 'must be after the start date');
		}
	}
	if (terminationType === 'Until further notice' && atTheEnd !== 'Switch to Further Notice') {
		throw invalidParameter(
			'atTheEnd',
			'must be "Switch to Further Notice" when the termination type is "Until further notice"',
		);
	}
}

export const create = restOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a contract',
	description:
		'Open a Direct Debit contract for a customer on one of your schedules; it starts as Inactive until DDCMS activates it before the first collection. Needs the DDCMS customer ID, the schedule name, the start date, the termination type and what happens at the end. Gives the new contract ID and its Direct Debit reference.',
	fields: [
		customerIdField,
		{
			displayName: 'Schedule Name or ID',
			name: 'scheduleName',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getScheduleNames' },
			required: true,
			default: '',
			description:
				'The payment schedule the contract follows, by name (from all services of your client account). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Start',
			name: 'start',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'The first collection date: at least 10 working days from today, on a date the schedule allows. Only the calendar date is used: a date with a time keeps the date in its own time zone.',
		},
		{
			displayName: 'Is Gift Aid',
			name: 'isGiftAid',
			type: 'boolean',
			default: false,
			description: 'Whether the payments are Gift Aid donations (charities only)',
		},
		{
			displayName: 'Termination Type',
			name: 'terminationType',
			type: 'options',
			options: TERMINATION_TYPES.map((value) => ({ name: value, value })),
			default: 'Until further notice',
			description:
				'When the contract ends: never (until further notice), after a number of payments, or on a date',
		},
		{
			displayName: 'At the End',
			name: 'atTheEnd',
			type: 'options',
			options: AT_THE_END.map((value) => ({ name: value, value })),
			default: 'Switch to Further Notice',
			description:
				'What happens when the contract reaches its end: keep collecting until further notice, or expire. Must be "Switch to Further Notice" for "Until further notice".',
		},
		additionalFields,
	],
	build(parameters) {
		const customerId = readCustomerId(parameters);
		const scheduleName = parameters.text('scheduleName', { maxLength: 255 });
		const start = parameters.date('start');
		// DDCMS requires isGiftAid on every contract, so it is always sent.
		const isGiftAid = String(parameters.boolean('isGiftAid') ?? false);
		const terminationType =
			parameters.oneOf('terminationType', TERMINATION_TYPES) ?? invalidRequired('terminationType');
		const atTheEnd = parameters.oneOf('atTheEnd', AT_THE_END) ?? invalidRequired('atTheEnd');
		const additional = readAdditional(parameters);
		checkTermination(start, terminationType, atTheEnd, additional);
		return {
			request: rest(
				'POST customer/{customerId}/contract',
				{ customerId },
				{ query: { scheduleName, start, isGiftAid, terminationType, atTheEnd, ...additional } },
			),
			echo: { customerId },
		};
	},
	output: (answer, echo) =>
		actionItem(answer, {
			...echo,
			contractId: textField(answer, 'Id') ?? null,
			directDebitRef: textField(answer, 'DirectDebitRef') ?? null,
		}),
});

function invalidRequired(name: string): never {
	throw invalidParameter(name, 'is required');
}
