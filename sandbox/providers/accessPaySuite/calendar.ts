/**
 * DDCMS timing rules count UK banking days. The sandbox counts Monday to Friday and knows no bank holidays
 * (inferred simplification; the real service also skips them).
 */
import { addDays } from '../../dates';

/** Working days a new contract's start must be ahead of today (the spec's default First Payment Delay). */
export const FIRST_PAYMENT_DELAY = 10;
/** Working days an ad-hoc payment must be ahead of today (the default Subsequent Payment Delay). */
export const SUBSEQUENT_PAYMENT_DELAY = 5;
/** A contract may start at most this many days ahead. */
export const MAX_START_DAYS_AHEAD = 364;

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(isoDate: string): number {
	const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
	return day === 0 ? 7 : day;
}

const isWorkingDay = (isoDate: string) => isoWeekday(isoDate) <= 5;

/** The date `count` working days after `isoDate`. */
export function addWorkingDays(isoDate: string, count: number): string {
	let date = isoDate;
	for (let remaining = count; remaining > 0; ) {
		date = addDays(date, 1);
		if (isWorkingDay(date)) remaining--;
	}
	return date;
}

export function isLastDayOfMonth(isoDate: string): boolean {
	return addDays(isoDate, 1).slice(8) === '01';
}
