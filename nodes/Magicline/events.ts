/** Magicline webhook event types (published webhook documentation); the trigger's filter offers these. */
export const MAGICLINE_EVENT_TYPES = [
	'CONTRACT_CREATED',
	'CONTRACT_UPDATED',
	'CONTRACT_CANCELLED',
	'CONTRACT_IDLE_PERIOD_CREATED',
	'CONTRACT_IDLE_PERIOD_UPDATED',
	'CONTRACT_IDLE_PERIOD_CANCELLED',
	'CONTRACT_ADDITIONAL_MODULE_CREATED',
	'CONTRACT_ADDITIONAL_MODULE_UPDATED',
	'CONTRACT_ADDITIONAL_MODULE_CANCELLED',
	'CONTRACT_ADDITIONAL_MODULE_DELETED',
	'CUSTOMER_CREATED',
	'CUSTOMER_UPDATED',
	'CUSTOMER_DELETED',
	'CUSTOMER_CHECKIN',
	'CUSTOMER_CHECKOUT',
	'CUSTOMER_ACCESS_DISABLED',
	'CUSTOMER_COMMUNICATION_PREFERENCES_UPDATED',
];

/** "CONTRACT_ADDITIONAL_MODULE_CANCELLED" → "Contract Additional Module Cancelled". */
export function eventLabel(type: string): string {
	return type
		.toLowerCase()
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}
