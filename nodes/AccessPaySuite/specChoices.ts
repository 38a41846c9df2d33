/**
 * Where the DDCMS v3 Swagger (the provider's own API description) and its public SDKs disagree,
 * this package follows the spec. Each choice is kept here, once (reference CRM-SYNC.md 1.11).
 * (Dates go as `YYYY-MM-DD`, as the spec's own samples and every SDK send them, not the spec's
 * `YYYY-MM-DDT00:00:00.000`: the public contract pins that.)
 */
export const DDCMS_SPEC_CHOICES = {
	/**
	 * D1: the query names of the phone fields (by their n8n parameter name): the spec's
	 * `…PhoneNumber`; the SDKs send `homePhone`, `workPhone`, `mobilePhone`.
	 */
	phoneParameters: {
		homePhoneNumber: 'homePhoneNumber',
		workPhoneNumber: 'workPhoneNumber',
		mobilePhoneNumber: 'mobilePhoneNumber',
	},
	/** D2: the query name of Extra Initial Amounts: the spec's plural; the SDKs send `extraInitialAmount`. */
	extraInitialAmountsParameter: 'extraInitialAmounts',
	/** D6: the spec allows up to 999 debits; the SDKs stop at 99. */
	maxNumberOfDebits: 999,
} as const;
