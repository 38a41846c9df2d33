/**
 * The demo credentials the sandbox accepts (printed by the CLI, used by the tests), and the demo
 * secrets of the webhook credentials (what the sandbox's events send to a trigger). Tests take
 * every demo secret from here.
 */
import { timingSafeEqual } from 'node:crypto';

export const SANDBOX_CREDENTIALS = {
	accessPaySuite: { clientPrefix: 'DEMO', apiKey: 'ddcms-sandbox-key' },
	magicline: {
		/** All scopes. */
		apiKey: 'magicline-sandbox-key',
		/** Read scopes only: every POST answers 403. */
		readOnlyApiKey: 'magicline-readonly-key',
	},
	singula: { apiKey: 'singula-sandbox-key', apiSecret: 'singula-sandbox-secret' },
	debitsuccess: { username: 'sandbox-user', password: 'sandbox-pass' },
	/** The Magicline Webhook API credential: the key Magicline sends as `x-api-key`. */
	magiclineWebhook: { webhookApiKey: 'magicline-webhook-demo-key' },
	/** The Debitsuccess Webhook API credential: the token Debitsuccess sends as `X-Token`. */
	debitsuccessWebhook: { token: 'debitsuccess-webhook-demo-token' },
} as const;

/** Constant-time comparison, as a real provider would do for secrets. */
export function secretsEqual(given: string | undefined, expected: string): boolean {
	if (given === undefined) return false;
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}
