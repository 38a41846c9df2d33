/** Shapes several Magicline answers share (Open API 1.5.0 schemas Money, TimePeriod, PriceDetails, VoidResult). */
import { addDays } from '../../dates';
import { jsonResponse } from '../../http';
import { num } from '../../json';
import type { MagiclineContract } from '../../state';
import type { ProviderResponse } from '../../types';

/** The sandbox's studio bills in euros. */
export const money = (amount: string) => ({ amount: num(amount), currency: 'EUR' });

export const months = (periodValue: number) => ({ periodValue, periodUnit: 'MONTH' });

export function priceDetails(amount: string) {
	return {
		basePrice: money(amount),
		currentPrice: money(amount),
		paymentFrequency: { type: 'RECURRING', price: money(amount) },
	};
}

/** One month's notice before the end of the term (inferred, as the sandbox's terms are fixed). */
export const lastPossibleCancelationDate = (contract: MagiclineContract) =>
	addDays(contract.endDate, -30);

/**
 * `VoidResult`, the answer of every self-service write: the spec gives it one optional string, `success`, with
 * no example or description, so the sandbox sends the object without it.
 */
export const voidResult = (): ProviderResponse => jsonResponse(200, {});

/** An optional field: null in the state is no field on the wire (Magicline leaves unset values out). */
export const orAbsent = <T>(value: T | null): T | undefined => value ?? undefined;
