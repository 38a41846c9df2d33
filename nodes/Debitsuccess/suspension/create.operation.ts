import { invalidParameter } from '../../shared/failure';
import type { OperationDefinition } from '../../shared/types';
import { childElement } from '../../shared/xml';
import {
	accountReferenceFields,
	readAccountFields,
	requestInitiatorField,
	soapDateTime,
} from '../fields';
import { actionItem } from '../output';
import type { SoapRequest, SoapResult } from '../soap';

const FEE_FREQUENCIES = [
	'OneOff',
	'Weekly',
	'Fortnightly',
	'FourWeekly',
	'Monthly',
	'BiMonthly',
	'Quarterly',
] as const;

export const createSuspension: OperationDefinition<SoapRequest> = {
	resource: 'suspension',
	operation: 'create',
	name: 'Create',
	action: 'Suspend an account for a number of payment cycles',
	description:
		'Pause the payments of an account for a number of payment cycles, with an optional fee',
	fields: [
		...accountReferenceFields,
		{
			displayName: 'Minimum Effective Date',
			name: 'minimumEffectiveDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'The earliest date the suspension may start (only the date part is used)',
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
		const payScheduleId = childElement((answer as SoapResult).result, 'PayScheduleId')?.text;
		return { ...actionItem(answer), ...(payScheduleId ? { payScheduleId } : {}) };
	},
};
