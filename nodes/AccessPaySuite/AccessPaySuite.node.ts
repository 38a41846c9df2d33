import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildOperationProperties } from '../shared/engine/description';
import { executeOperation } from '../shared/engine/executor';
import { accessPaySuiteApiTest } from './methods/credentialTest';
import * as loadOptions from './methods/loadOptions';
import { accessPaySuiteProvider } from './provider';

export class AccessPaySuite implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Access PaySuite DDCMS',
		name: 'accessPaySuite',
		icon: { light: 'file:accessPaySuite.svg', dark: 'file:accessPaySuite.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create and update customers, open and archive Direct Debit contracts, book one-off payments, and cancel, restart and look up contracts, payments and schedules in Access PaySuite DDCMS',
		defaults: { name: 'Access PaySuite DDCMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'accessPaySuiteApi', required: true, testedBy: 'accessPaySuiteApiTest' }],
		properties: buildOperationProperties(accessPaySuiteProvider),
	};

	methods = { loadOptions, credentialTest: { accessPaySuiteApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, accessPaySuiteProvider);
	}
}
