import {
	accountReferenceFields,
	readAccountFields,
	requestInitiatorField,
	soapDateTime,
} from '../fields';
import { actionItem } from '../output';
import { soapOperation } from '../soap';

export const adjustEndDate = soapOperation({
	operation: 'adjustEndDate',
	name: 'Adjust End Date',
	action: 'Adjust the end date of a suspension',
	description:
		'Move the end of an existing suspension, or make it open-ended. Needs the account reference (or external reference) and the pay schedule ID of the suspension.',
	fields: [
		...accountReferenceFields,
		{
			displayName: 'Pay Schedule ID',
			name: 'payScheduleId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 501',
			description: 'The schedule ID of the suspension (digits only)',
		},
		{
			displayName: 'New End Date',
			name: 'newEndDate',
			type: 'dateTime',
			default: '',
			description:
				'The new last day of the suspension; leave empty to make the suspension open-ended. Only the calendar date is used (a date with a time keeps the date in its own time zone).',
		},
		requestInitiatorField,
	],
	build(parameters) {
		return {
			request: {
				operation: 'AdjustSuspensionEndDate',
				fields: {
					...readAccountFields(parameters),
					NewEndDate: soapDateTime(parameters.optionalDate('newEndDate')),
					PayScheduleId: parameters.digits('payScheduleId'),
				},
			},
		};
	},
	output: actionItem,
});
