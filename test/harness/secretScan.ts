/**
 * The secret scan every node run goes through: no credential value of the sandbox (nor of the
 * run's own credentials, nor an HMAC signature the sandbox received) may appear, in its plain,
 * URL-encoded, XML-escaped or JSON-escaped form, in the items, the serialized thrown error, or a
 * line the engine logged.
 */
import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { StoredCredential } from './credentialsHelper';
import type { EngineRun } from './runner';
import { serializeForScan } from './serialize';

/** The credential fields that hold secrets, in the sandbox's demo credentials and in n8n's. */
const SECRET_FIELDS = [
	'apiKey',
	'readOnlyApiKey',
	'apiSecret',
	'password',
	'webhookApiKey',
	'token',
];
/** Shorter credential values (a test's `'x'`) would match ordinary text. */
const MIN_SECRET_LENGTH = 6;

const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

/** The ways a secret can be written into a URL, XML, JSON text or a form body. */
export function secretForms(secret: string): Array<{ form: string; text: string }> {
	const forms = [
		{ form: 'plain', text: secret },
		{ form: 'URL-encoded', text: encodeURIComponent(secret) },
		{ form: 'form-encoded', text: new URLSearchParams({ s: secret }).toString().slice(2) },
		{ form: 'XML-escaped', text: secret.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]) },
		{ form: 'JSON-escaped', text: JSON.stringify(secret).slice(1, -1) },
	];
	return forms.filter((entry, index) => forms.findIndex((f) => f.text === entry.text) === index);
}

function secretValues(data: Record<string, unknown>, into: Set<string>): void {
	for (const [key, value] of Object.entries(data)) {
		if (
			SECRET_FIELDS.includes(key) &&
			typeof value === 'string' &&
			value.length >= MIN_SECRET_LENGTH
		)
			into.add(value);
	}
}

/** Every secret of the sandbox's demo credentials. */
export function sandboxSecrets(): string[] {
	const secrets = new Set<string>();
	for (const credential of Object.values(SANDBOX_CREDENTIALS)) secretValues(credential, secrets);
	return [...secrets];
}

/** The sandbox's secrets, those of the given credentials, and the HMAC signatures the sandbox saw. */
export function secretsSeen(
	sandbox: Sandbox,
	credentials: Record<string, StoredCredential> = {},
): string[] {
	const secrets = new Set(sandboxSecrets());
	for (const { data } of Object.values(credentials)) secretValues(data, secrets);
	for (const request of sandbox.requests) {
		const signature = /^hmac [^:]+:(\w+)$/.exec(request.headers.authorization ?? '')?.[1];
		if (signature) secrets.add(signature);
	}
	return [...secrets];
}

/** Where each secret shows up: one line per (secret, form, surface) found; none is the goal. */
export function findSecrets(surfaces: Record<string, string[]>, secrets: string[]): string[] {
	const leaks: string[] = [];
	for (const secret of secrets) {
		for (const { form, text } of secretForms(secret)) {
			for (const [surface, texts] of Object.entries(surfaces)) {
				const index = texts.findIndex((entry) => entry.includes(text));
				// Only the secret's first characters, so the failure message does not leak it either.
				if (index >= 0)
					leaks.push(`secret ${secret.slice(0, 4)}… (${form}) in ${surface} #${index}`);
			}
		}
	}
	return leaks;
}

/** A value as text twice over: fully serialized, and as JSON.stringify writes it (toJSON and all). */
export function texts(value: unknown): string[] {
	let plainJson = '';
	try {
		plainJson = JSON.stringify(value) ?? '';
	} catch {
		// Circular: the full serialization covers it.
	}
	return [serializeForScan(value), plainJson];
}

/** The thrown error as text: every own property (description, context, cause, messages…), message and stack. */
export function errorTexts(error: unknown): string[] {
	if (error === undefined || error === null) return [];
	const fields = error as Error & IDataObject;
	return [
		...texts(error),
		`${String(fields.message)} ${String(fields.description ?? '')} ${String(fields.stack ?? '')}`,
	];
}

/** Fails the test if a secret appears in any node's output, the workflow's error or the log lines. */
export function expectNoSecrets(
	run: EngineRun,
	sandbox: Sandbox,
	credentials: Record<string, StoredCredential>,
	logLines: string[] = [],
): void {
	const surfaces = {
		'node output': texts(run.run.data.resultData.runData),
		'thrown error': errorTexts(run.error),
		'engine log': logLines,
	};
	expect(findSecrets(surfaces, secretsSeen(sandbox, credentials))).toEqual([]);
}

/** Fails the test if a text (a webhook's answer, say) holds any of the sandbox's secrets. */
export function expectNoSandboxSecret(text: string): void {
	expect(findSecrets({ text: [text] }, sandboxSecrets())).toEqual([]);
}
