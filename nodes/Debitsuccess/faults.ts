import type { FaultTable } from '../shared/engine/faults';

/**
 * Debitsuccess response-note codes (seed pages' "Error Messages" tables). The message is used when
 * the note carries no text. Codes not listed here are `provider_error`.
 */
export const DEBITSUCCESS_FAULTS: FaultTable = {
	'02': { category: 'authentication', message: 'Invalid user credentials' },
	'07': { category: 'validation', message: 'Multiple accounts found with this criteria' },
	'08': { category: 'not_found', message: 'There is no record found with this criteria' },
	'09': { category: 'provider_error', message: 'Failed to complete the process' },
	'10': { category: 'invalid_state', message: 'Account is not active' },
	'12002': { category: 'validation', message: 'Missing client first name' },
	'12016': {
		category: 'validation',
		message:
			'Missing required reference number. Must provide either ExternalAccountReferenceNo or AccountReferenceNo or both.',
	},
	'13200': {
		category: 'validation',
		message: 'Title field cannot be more than 10 characters long.',
	},
	'13141': { category: 'not_found', message: 'Suspension for given PayScheduleId not found' },
	'13142': { category: 'invalid_state', message: 'Suspension already finished' },
	'13143': {
		category: 'conflict',
		message: 'Adjusted suspension is overlapping with existing one',
	},
	'13144': {
		category: 'validation',
		message: 'New suspension end date must not be before suspension start date',
	},
	'13145': { category: 'validation', message: 'New suspension end date must not be in the past' },
};
