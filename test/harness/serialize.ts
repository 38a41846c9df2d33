/**
 * Writes any value as text for the secret scan, going further than JSON.stringify: an error's
 * non-enumerable own properties (message, stack, cause) included, Buffers as UTF-8 text, Maps and
 * Sets as entries, cycles and repeated objects written once. Bounded in depth and object count so
 * a socket hanging off an HTTP error cannot make a test slow.
 */
const MAX_DEPTH = 12;
const MAX_OBJECTS = 20_000;

export function serializeForScan(value: unknown): string {
	const seen = new WeakSet<object>();
	let objectsLeft = MAX_OBJECTS;
	const walk = (current: unknown, depth: number): unknown => {
		if (typeof current === 'bigint') return String(current);
		if (typeof current === 'function' || typeof current === 'symbol') return undefined;
		if (current === null || typeof current !== 'object') return current;
		// Written once is enough: the scan only asks whether a secret appears at all.
		if (seen.has(current) || depth > MAX_DEPTH || objectsLeft <= 0) return '[seen]';
		seen.add(current);
		objectsLeft--;
		if (Buffer.isBuffer(current)) return current.toString('utf8');
		if (current instanceof Date) return String(current);
		if (current instanceof Map || current instanceof Set)
			return walk([...current.entries()], depth + 1);
		if (Array.isArray(current)) return current.map((entry) => walk(entry, depth + 1));
		const keys =
			current instanceof Error ? Object.getOwnPropertyNames(current) : Object.keys(current);
		const written: Record<string, unknown> = {};
		for (const key of keys) {
			try {
				written[key] = walk((current as Record<string, unknown>)[key], depth + 1);
			} catch {
				// A throwing getter holds nothing to scan.
			}
		}
		return written;
	};
	return JSON.stringify(walk(value, 0)) ?? '';
}
