import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildOperationProperties } from '../shared/engine/description';
import { executeOperation } from '../shared/engine/executor';
import { singulaApiTest } from './methods/credentialTest';
import * as loadOptions from './methods/loadOptions';
import { singulaProvider } from './provider';

export class Singula implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Singula Decisions',
		name: 'singula',
		icon: { light: 'file:singula.svg', dark: 'file:singula.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Change, cancel and look up subscription contracts and look up customers in Singula Decisions (formerly Paywizard)',
		defaults: { name: 'Singula Decisions' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'singulaApi', required: true, testedBy: 'singulaApiTest' }],
		properties: buildOperationProperties(singulaProvider),
	};

	methods = { loadOptions, credentialTest: { singulaApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, singulaProvider);
	}
}
