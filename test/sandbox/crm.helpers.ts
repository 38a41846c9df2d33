/** What the CRM-route tests share: one sandbox per file, reseeded before each test. */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { TODAY, type Reply } from './helpers';

/** Starts a sandbox for the file's tests; call the returned function inside a test to get it. */
export function useSandbox(): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox({ today: TODAY });
	});
	beforeEach(() => sandbox!.reset());
	afterAll(async () => {
		await sandbox?.close();
	});
	return () => sandbox!;
}

export const json = (reply: Reply) => JSON.parse(reply.text);
