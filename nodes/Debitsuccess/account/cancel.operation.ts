import { accountReferenceFields, readAccountFields, requestInitiatorField } from '../fields';
import { actionItem } from '../output';
import { soapOperation } from '../soap';

export const cancel = soapOperation({
	operation: 'cancel',
	name: 'Cancel',
	action: 'Cancel an account',
	description:
		'Cancel an account in the Debitsuccess billing system. Needs the Debitsuccess account reference or your external reference, and a cancellation note (up to 30 characters).',
	fields: [
		...accountReferenceFields,
		{
			displayName: 'Cancellation Note',
			name: 'cancellationNote',
			type: 'string',
			required: true,
			default: 'Facility Request',
			description:
				'Reason for the cancellation (up to 30 characters). Include the word "transferred" when an account with an overdue fee moves within the facility group: this skips debt collection.',
		},
		requestInitiatorField,
	],
	build(parameters) {
		return {
			request: {
				operation: 'CancelAccount',
				fields: {
					...readAccountFields(parameters),
					CancellationNote: parameters.text('cancellationNote', { maxLength: 30 }),
				},
			},
		};
	},
	output: actionItem,
});
