import { invalidParameter } from '../../shared/engine/failure';
import { childElement } from '../../shared/wire/xml';
import {
	accountReferenceFields,
	readAccountFields,
	requestInitiatorField,
	soapDateTime,
} from '../fields';
import { actionItem } from '../output';
import { soapOperation } from '../soap';

const FEE_FREQUENCIES = [
	'OneOff',
	'Weekly',
	'Fortnightly',
	'FourWeekly',
	'Monthly',
	'BiMonthly',
	'Quarterly',
] as const;

export const create = soapOperation({
	operation: 'create',
	name: 'Create',
	action: 'Suspend an account for a number of payment cycles',
	description:
		'Pause the payments of an account for a number of payment cycles, with an optional fee. Needs the account reference (or external reference), the earliest start date and the number of cycles.',
	fields: [
		...accountReferenceFields,
		{
			displayName: 'Minimum Effective Date',
			name: 'minimumEffectiveDate',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'The earliest date the suspension may start. Only the calendar date is used: a date with a time keeps the date in its own time zone.',
		},
		{
			displayName: 'Number of Payment Cycles',
			name: 'numberOfPaymentCycles',
			type: 'number',
			typeOptions: { minValue: 1 },
			required: true,
			default: 1,
			description: 'How many payment cycles to skip',
		},
		{
			displayName: 'Suspension Fee',
			name: 'suspensionFee',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'A fee charged while the account is suspended; 0 for none',
		},
		{
			displayName: 'Suspension Fee Frequency',
			name: 'suspensionFeeFrequency',
			type: 'options',
			options: [
				{ name: 'Bi-Monthly', value: 'BiMonthly' },
				{ name: 'Fortnightly', value: 'Fortnightly' },
				{ name: 'Four-Weekly', value: 'FourWeekly' },
				{ name: 'Monthly', value: 'Monthly' },
				{ name: 'None', value: '' },
				{ name: 'One-Off', value: 'OneOff' },
				{ name: 'Quarterly', value: 'Quarterly' },
				{ name: 'Weekly', value: 'Weekly' },
			],
			default: '',
			description: 'How often the fee is charged; required when there is a fee',
			displayOptions: { hide: { suspensionFee: [0] } },
		},
		{
			displayName: 'Stop Direct Debits',
			name: 'stopDirectDebits',
			type: 'boolean',
			default: true,
			description: 'Whether Direct Debits stop during the suspension',
		},
		{
			displayName: 'Stop Overdue Mail',
			name: 'stopOverdueMail',
			type: 'boolean',
			default: false,
			description: 'Whether overdue reminders stop during the suspension',
		},
		requestInitiatorField,
	],
	build(parameters) {
		const account = readAccountFields(parameters);
		const fee = parameters.optionalDecimal('suspensionFee') ?? '0';
		const frequency = parameters.oneOf('suspensionFeeFrequency', FEE_FREQUENCIES);
		if (Number(fee) > 0 && !frequency) {
			throw invalidParameter(
				'suspensionFeeFrequency',
				'is required when the suspension fee is above 0',
			);
		}
		const cycles = parameters.integer('numberOfPaymentCycles', 1, 1000);
		if (cycles === undefined) throw invalidParameter('numberOfPaymentCycles', 'is required');
		return {
			request: {
				operation: 'SuspendAccountForNumberOfPaymentCycles',
				fields: {
					...account,
					MinimumEffectiveDate: soapDateTime(parameters.date('minimumEffectiveDate')),
					NumberOfPaymentCycles: String(cycles),
					StopDirectDebits: String(parameters.boolean('stopDirectDebits') ?? true),
					StopOverdueMail: String(parameters.boolean('stopOverdueMail') ?? false),
					SuspensionFee: fee,
					SuspensionFeeFrequency: frequency,
				},
			},
		};
	},
	output: (answer) => {
		const payScheduleId = childElement(answer.result, 'PayScheduleId')?.text;
		return { ...actionItem(answer), ...(payScheduleId ? { payScheduleId } : {}) };
	},
});
