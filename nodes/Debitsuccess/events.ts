/** Debitsuccess webhook events (vendor pages; their case varies, so they are matched case-insensitively). */
export const DEBITSUCCESS_EVENTS = [
	{ name: 'Payment Authorized', value: 'Realtime.Account.Payment.Authorized' },
	{ name: 'Payment Declined', value: 'Realtime.Account.Payment.Declined' },
	{ name: 'Suspension Added', value: 'customer.Schedule.Suspension.Added' },
	{ name: 'Suspension Deleted', value: 'customer.Schedule.Suspension.Deleted' },
	{ name: 'Suspension Updated', value: 'customer.Schedule.Suspension.Updated' },
];

/** Debitsuccess documents the token as static text of at most 256 characters. */
export const DEBITSUCCESS_TOKEN_MAX_LENGTH = 256;
