/**
 * How much the node adds per item over a bare HTTP client: N items through n8n's engine and the
 * Access PaySuite node (validation, credential, transport, fault mapping, pairing) against the
 * sandbox, versus the same N requests sent with fetch in the same run. Prints both and the ratio.
 *
 *   npm run bench            (BENCH_ITEMS=500 npm run bench for a longer run)
 */
import { SANDBOX_CREDENTIALS, startSandbox } from '../sandbox/server';
import { runWorkflow } from '../test/harness/engine';
import { credentialsFor } from '../test/harness/fixture';
import { buildWorkflow, NODE_NAME } from '../test/harness/workflow';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 300);
const ROUNDS = 3;
const RESTARTABLE = 'a0000000-0000-4000-8000-000000000002';

async function main(): Promise<void> {
	const sandbox = await startSandbox({ today: '2026-06-15' });
	const items = Array.from({ length: ITEMS }, () => ({ contractId: RESTARTABLE }));
	// restartSchedule on a Terminated schedule succeeds once, then answers 400: half successes and
	// half error items, so both paths of the executor are measured.
	const workflow = buildWorkflow(
		{
			type: 'accessPaySuite',
			credentialType: 'accessPaySuiteApi',
			parameters: {
				resource: 'contract',
				operation: 'restartSchedule',
				contractId: '={{ $json.contractId }}',
			},
			onError: 'continueRegularOutput',
		},
		items,
	);
	const url = `${sandbox.urls.accessPaySuite}/api/v3/client/DEMO/contract/${RESTARTABLE}/restartSchedule`;

	const timings = { node: [] as number[], fetch: [] as number[] };
	for (let round = 0; round < ROUNDS; round++) {
		sandbox.reset();
		let started = performance.now();
		for (let index = 0; index < ITEMS; index++) {
			const response = await fetch(url, {
				method: 'POST',
				headers: { apiKey: SANDBOX_CREDENTIALS.accessPaySuite.apiKey },
			});
			await response.text();
		}
		timings.fetch.push(performance.now() - started);

		sandbox.reset();
		started = performance.now();
		const run = await runWorkflow(workflow, credentialsFor(sandbox));
		timings.node.push(performance.now() - started);
		const produced = run.output(NODE_NAME).length;
		if (produced !== ITEMS) throw new Error(`expected ${ITEMS} items, got ${produced}`);
	}
	await sandbox.close();

	const best = (values: number[]) => Math.min(...values);
	const perItem = (ms: number) => `${((ms / ITEMS) * 1000).toFixed(0)} µs/item`;
	console.log(`items per run: ${ITEMS}, rounds: ${ROUNDS} (best round reported)`);
	console.log(
		`baseline fetch loop:      ${best(timings.fetch).toFixed(1)} ms  (${perItem(best(timings.fetch))})`,
	);
	console.log(
		`n8n engine + node:        ${best(timings.node).toFixed(1)} ms  (${perItem(best(timings.node))})`,
	);
	console.log(
		`ratio node / baseline:    ${(best(timings.node) / best(timings.fetch)).toFixed(2)}x`,
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
