/**
 * Calendar-date helpers. Dates are 'YYYY-MM-DD' strings (they compare correctly as strings) and all arithmetic
 * is done in UTC, so the sandbox's idea of "today" never depends on the machine's time zone.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** xs:dateTime as WCF reads it: a date, optionally a time with fraction and zone. */
const XS_DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const DAY_MS = 86_400_000;

/** Today's date in UTC. */
export function currentUtcDate(): string {
	return new Date().toISOString().slice(0, 10);
}

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return date.toISOString().slice(0, 10) === value;
}

export function addDays(isoDate: string, days: number): string {
	return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of each of the `count` calendar months that follow the month of `isoDate`, ascending. */
export function lastDaysOfFollowingMonths(isoDate: string, count: number): string[] {
	const year = Number(isoDate.slice(0, 4));
	const month = Number(isoDate.slice(5, 7)) - 1;
	// Day 0 of month m+1 is the last day of month m.
	return Array.from({ length: count }, (_, i) =>
		new Date(Date.UTC(year, month + i + 2, 0)).toISOString().slice(0, 10),
	);
}

export interface XsDateTime {
	date: string;
	/** True when the value carries a time of day other than midnight (WCF warns that it is ignored). */
	hasTimeOfDay: boolean;
}

/** Reads an xs:dateTime (or a bare date); undefined when it is not one. */
export function parseXsDateTime(value: string): XsDateTime | undefined {
	const match = XS_DATE_TIME.exec(value.trim());
	if (!match || !isIsoDate(match[1])) return undefined;
	const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0));
	if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
	const fraction = Number(match[5] ?? 0);
	return { date: match[1], hasTimeOfDay: hours + minutes + seconds + fraction > 0 };
}

/** The value written for a DateTime holding just a date, as WCF does: 'YYYY-MM-DDT00:00:00'. */
export function toXsDateTime(isoDate: string): string {
	return `${isoDate}T00:00:00`;
}
