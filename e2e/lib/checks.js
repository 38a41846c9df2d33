'use strict';
/**
 * The checks of the e2e and the browser check: each is named, runs once, is printed as `ok`/`FAIL`, and
 * counts towards the `N passed, N failed` line. A check body may be sync or async; an async one is awaited
 * by whoever needs its result (`await check(...)`).
 */
const { log } = require('./harness');

const results = [];

function record(name, error, detail) {
	if (error) {
		results.push({ name, ok: false, error: error.message });
		const lines = String(error.message).split('\n').slice(0, 40);
		log(`  FAIL ${name}\n       ${lines.join('\n       ')}`);
	} else {
		results.push({ name, ok: true });
		log(`  ok   ${name}${detail ? ` (${detail})` : ''}`);
	}
}

function check(name, fn) {
	let outcome;
	try {
		outcome = fn();
	} catch (error) {
		record(name, error);
		return undefined;
	}
	if (outcome && typeof outcome.then === 'function') {
		return outcome.then(
			(detail) => record(name, undefined, detail),
			(error) => record(name, error),
		);
	}
	record(name, undefined, outcome);
	return undefined;
}

/** A check that could not run (e.g. a step before it failed): counted as a failure. */
function fail(name, message) {
	record(name, new Error(message));
}

function expect(condition, message) {
	if (!condition) throw new Error(message);
}

function eq(actual, expected, what) {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** JSON of a value, cut to `max` characters, for failure messages. */
function short(value, max = 400) {
	const text = JSON.stringify(value);
	return text && text.length > max ? `${text.slice(0, max)}…` : text;
}

function summary() {
	const passed = results.filter((r) => r.ok).length;
	return {
		passed,
		failed: results.length - passed,
		line: `${passed} passed, ${results.length - passed} failed`,
	};
}

module.exports = { check, eq, expect, fail, results, short, summary };
