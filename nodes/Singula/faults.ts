import type { FaultTable } from '../shared/engine/faults';

/**
 * Singula fault codes: the seed page's table (with its "Suggested User Message", used when the
 * answer has no message) plus the cancel faults from the public contracts API and the customers
 * API's faults.
 */
export const SINGULA_FAULTS: FaultTable = {
	'90029': {
		fault: 'InvalidStateForCrossgradeFault',
		category: 'invalid_state',
		message: 'Contract cannot be crossgraded',
	},
	'90041': {
		fault: 'NoContractFoundFault',
		category: 'not_found',
		message: 'Contract ID does not exist',
	},
	'90018': {
		fault: 'InvalidCrossgradePathFault',
		category: 'validation',
		message: 'Contract cannot be crossgraded to this item',
	},
	'90077': {
		fault: 'VCNCurrencyMismatchFault',
		category: 'validation',
		message: 'Viewing Card is not set for provided currency',
	},
	'90063': {
		fault: 'UnableToCrossgradeFault',
		category: 'invalid_state',
		message: 'Crossgrade cannot be completed',
	},
	'90079': {
		fault: 'VCNRequiredFault',
		category: 'validation',
		message: 'A Viewing Card is required for this purchase',
	},
	'90045': {
		fault: 'PaymentAuthorisationFault',
		category: 'payment',
		message: 'Payment attempt failed',
	},
	'90050': {
		fault: 'PaymentSystemFault',
		category: 'unavailable',
		message: 'Payment collection cannot be attempted at this time',
	},
	'90031': {
		fault: 'InvalidVCNFault',
		category: 'validation',
		message: 'Viewing Card provided is Invalid',
	},
	'90061': {
		fault: 'SystemFailureFault',
		category: 'provider_error',
		message: 'System Failure, Please try again later',
		retryable: true,
	},
	'90078': {
		fault: 'VCNInUseFault',
		category: 'conflict',
		message: 'This viewing card is already in use on another record',
	},
	'90022': {
		fault: 'InvalidDiscountCodeFault',
		category: 'validation',
		message: 'Discount does not exist',
	},
	'90016': {
		fault: 'InvalidCancellationDate',
		category: 'validation',
		message: 'The cancellation date is not valid',
	},
	'90017': {
		fault: 'InvalidContractState',
		category: 'invalid_state',
		message: 'The contract is not in a state that allows this',
	},
	'90025': {
		fault: 'InvalidPaymentMethod',
		category: 'payment',
		message: 'The payment method is not valid',
	},
	'90006': {
		fault: 'ContractCancellation',
		category: 'provider_error',
		message: 'The contract could not be cancelled',
	},
	// The customers API (seen in a public client's tests); the three clashes have no published fault name.
	'90068': {
		fault: 'CustomerNotLocated',
		category: 'not_found',
		message: 'Customer cannot be located',
	},
	'90074': { category: 'conflict', message: 'The username is already in use' },
	'90084': { category: 'conflict', message: 'The external unique identifier is already in use' },
	'90101': { category: 'conflict', message: 'The email address is already in use' },
};

/**
 * The JSON name of the seed's "perform a downgrade immediately" flag. INFERRED: the public docs give
 * the flag but not its property name; change it here when a tenant proves otherwise.
 */
export const DOWNGRADE_TIMING_PROPERTY = 'immediateDowngrade';
