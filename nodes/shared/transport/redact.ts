import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { escapeXml } from '../../../common/xml';

/** Credential fields that hold secrets (API keys, secrets, passwords, tokens). */
const SECRET_FIELD = /key|secret|password|token/i;

/**
 * Secrets shorter than this are not searched for: a one- or two-character value would blank out
 * ordinary text. No provider issues keys that short.
 */
const MIN_SECRET_LENGTH = 4;

export const REDACTED = '[redacted]';

/** The ways a secret can appear in a provider's answer: as sent, JSON-, URL- and XML-escaped. */
function formsOf(secret: string): string[] {
	const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), escapeXml(secret)]);
	try {
		forms.add(encodeURIComponent(secret));
	} catch {
		// A lone surrogate cannot be URL-encoded, so it cannot appear URL-encoded either.
	}
	// Longest first, so a form that contains another is replaced whole.
	return [...forms].sort((a, b) => b.length - a.length);
}

/** The secret values of a credential. */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	return Object.entries(credentials)
		.filter(([name, value]) => SECRET_FIELD.test(name) && typeof value === 'string')
		.map(([, value]) => value as string);
}

/**
 * Removes every given secret, in every form, from a text taken from a provider's answer, before
 * anything reads it: messages, descriptions, details and passed-through records then cannot
 * carry a key back into an item, an error or a log.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let redacted = text;
	for (const secret of secrets) {
		if (secret.length < MIN_SECRET_LENGTH) continue;
		for (const form of formsOf(secret)) {
			if (redacted.includes(form)) redacted = redacted.split(form).join(REDACTED);
		}
	}
	return redacted;
}
