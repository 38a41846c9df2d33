import { invalidParameter } from '../shared/engine/failure';
import type { ItemParameters } from '../shared/engine/parameters';

/** DDCMS amounts: up to 9 digits before the point, at most 2 after (INTERFACE.md). */
const MAX_WHOLE_DIGITS = 9;

/**
 * An amount in pounds above 0, kept exactly as typed; undefined when not given. `label` is how
 * errors name the parameter (`additionalFields.amount` for one inside a collection).
 */
export function readOptionalAmount(
	parameters: ItemParameters,
	name: string,
	label = name,
): string | undefined {
	const amount = parameters.optionalDecimal(name);
	if (amount === undefined) return undefined;
	if (amount.split('.')[0].length > MAX_WHOLE_DIGITS) {
		throw invalidParameter(label, `must have at most ${MAX_WHOLE_DIGITS} digits before the point`);
	}
	if (!/[1-9]/.test(amount)) throw invalidParameter(label, 'must be more than 0');
	return amount;
}

export function readAmount(parameters: ItemParameters, name: string): string {
	const amount = readOptionalAmount(parameters, name);
	if (amount === undefined) throw invalidParameter(name, 'is required');
	return amount;
}
