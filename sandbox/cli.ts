/**
 * `npm run sandbox`: runs the provider sandbox until Ctrl+C.
 * Environment: SANDBOX_PORT (default 5680), SANDBOX_HOST (default 127.0.0.1), SANDBOX_TODAY (YYYY-MM-DD, default today UTC).
 */
import { SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from './server';

const DEFAULT_PORT = 5680;

function banner(sandbox: Sandbox): string {
	const { accessPaySuite, magicline, singula, debitsuccess } = SANDBOX_CREDENTIALS;
	return [
		`Provider sandbox listening on ${sandbox.url}`,
		'',
		'Access PaySuite DDCMS (environment: custom)',
		`  baseUrl       ${sandbox.urls.accessPaySuite}`,
		`  clientPrefix  ${accessPaySuite.clientPrefix}`,
		`  apiKey        ${accessPaySuite.apiKey}`,
		'Magicline',
		`  baseUrl       ${sandbox.urls.magicline}`,
		`  apiKey        ${magicline.apiKey}   (read-only: ${magicline.readOnlyApiKey})`,
		'Singula Decisions',
		`  baseUrl       ${sandbox.urls.singula}`,
		`  apiKey        ${singula.apiKey}`,
		`  apiSecret     ${singula.apiSecret}`,
		'Debitsuccess (environment: custom)',
		`  baseUrl       ${sandbox.urls.debitsuccess}`,
		`  username      ${debitsuccess.username}`,
		`  password      ${debitsuccess.password}`,
		'',
		`Admin: POST ${sandbox.url}/__sandbox/reset | POST /__sandbox/inject | POST /__sandbox/latency | GET /__sandbox/requests | GET /__sandbox/state`,
		'       POST|GET /__sandbox/rate-limit | POST /__sandbox/chaos | GET /__sandbox/applied | GET /__sandbox/stats | POST /__sandbox/reset-peak',
		'       (Magicline is rate-limited as documented: 1,000 requests per endpoint per minute; see sandbox/README.md "Knobs")',
		`Events: POST ${sandbox.url}/__sandbox/events sends a provider webhook event to your trigger URL (curl examples: sandbox/README.md "Events")`,
		'Press Ctrl+C to stop.',
	].join('\n');
}

async function main(): Promise<void> {
	const portText = process.env.SANDBOX_PORT ?? String(DEFAULT_PORT);
	const port = Number(portText);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`SANDBOX_PORT must be a port number, got '${portText}'`);
	const sandbox = await startSandbox({
		port,
		host: process.env.SANDBOX_HOST || undefined,
		today: process.env.SANDBOX_TODAY || undefined,
	});
	console.log(banner(sandbox));
	const stop = (signal: NodeJS.Signals) => {
		console.log(`\n${signal}: stopping the sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
