/**
 * Records every line the engine logs, at every level and whatever N8N_LOG_LEVEL says, so the
 * secret scan reads what a log file would get: n8n-workflow's LoggerProxy (WorkflowExecute's
 * lines) and the Logger n8n-core takes from its DI container (a node's `this.logger`). Each line is
 * written to text when logged, as a log transport would. Nothing is printed.
 */
import { dirname } from 'node:path';
import { LoggerProxy } from 'n8n-workflow';

import { serializeForScan } from './serialize';

const lines: string[] = [];

function recordAt(level: string) {
	return (message: string, metadata: unknown = {}) => {
		lines.push(`${level} ${message} ${serializeForScan(metadata)}`);
	};
}

const recorder = {
	error: recordAt('error'),
	warn: recordAt('warn'),
	info: recordAt('info'),
	debug: recordAt('debug'),
	scoped: () => recorder,
};

/** n8n-core's own copies of @n8n/di and @n8n/backend-common, the ones its contexts ask. */
function fromN8nCore<T>(id: string): T {
	const paths = [dirname(require.resolve('n8n-core'))];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve(id, { paths })) as T;
}

/** Routes both loggers to the recorder; safe to call again (a new root Logger re-inits the proxy). */
export function installLogRecorder(): void {
	LoggerProxy.init(recorder);
	const { Container } = fromN8nCore<{
		Container: { set(type: unknown, instance: unknown): void };
	}>('@n8n/di');
	const { Logger } = fromN8nCore<{ Logger: unknown }>('@n8n/backend-common');
	Container.set(Logger, recorder);
}

/** The lines logged since the last call, oldest first. */
export function takeLogLines(): string[] {
	return lines.splice(0);
}
