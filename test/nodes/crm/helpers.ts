/** What the CRM-sync node tests share: node builders and the request as it went on the wire. */
import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest } from '../../../sandbox/server';
import { errorOf } from '../../harness/fixture';
import type { NodeRun } from '../../harness/fixture';
import type { OnError } from '../../harness/workflow';

function nodeOf(type: string, credentialType: string) {
	return (
		resource: string,
		operation: string,
		parameters: IDataObject = {},
		onError?: OnError,
	) => ({
		type,
		credentialType,
		parameters: { resource, operation, ...parameters },
		onError,
	});
}

export const ddcms = nodeOf('accessPaySuite', 'accessPaySuiteApi');
export const magicline = nodeOf('magicline', 'magiclineApi');
export const singula = nodeOf('singula', 'singulaApi');

/** Method, path, raw query and body of each request: what the provider saw. */
export function onTheWire(requests: RecordedRequest[]): Array<[string, string, string, string]> {
	return requests.map((request) => [request.method, request.path, request.rawQuery, request.body]);
}

/** The DDCMS API root of the sandbox's demo client. */
export const DDCMS_ROOT = '/ddcms/api/v3/client/DEMO';

/** The item was refused by the node's own checks: nothing sent, INVALID_PARAMETER with `message`. */
export function expectRefusedLocally(run: NodeRun, message: string): void {
	expect(run.requests).toHaveLength(0);
	expect(errorOf(run.items[0])).toMatchObject({
		message,
		code: 'INVALID_PARAMETER',
		category: 'validation',
		httpCode: null,
	});
}
