import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildOperationProperties } from '../shared/engine/description';
import { executeOperation } from '../shared/engine/executor';
import { testDebitsuccessCredentials } from './methods/credentialTest';
import { debitsuccessProvider } from './provider';

export class Debitsuccess implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Debitsuccess',
		name: 'debitsuccess',
		icon: { light: 'file:debitsuccess.svg', dark: 'file:debitsuccess.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Look up and cancel accounts, and create and adjust suspensions, in Debitsuccess',
		defaults: { name: 'Debitsuccess' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'debitsuccessApi', required: true, testedBy: 'debitsuccessApiTest' }],
		properties: buildOperationProperties(debitsuccessProvider),
	};

	methods = {
		credentialTest: {
			debitsuccessApiTest: testDebitsuccessCredentials,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, debitsuccessProvider);
	}
}
