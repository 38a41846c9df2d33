import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildOperationProperties } from '../shared/engine/description';
import { executeOperation } from '../shared/engine/executor';
import { magiclineApiTest } from './methods/credentialTest';
import * as loadOptions from './methods/loadOptions';
import { magiclineProvider } from './provider';

export class Magicline implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Magicline',
		name: 'magicline',
		icon: { light: 'file:magicline.svg', dark: 'file:magicline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Find and create customers, list their memberships, and cancel, check and withdraw cancellations of memberships and module contracts in Magicline',
		defaults: { name: 'Magicline' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'magiclineApi', required: true, testedBy: 'magiclineApiTest' }],
		properties: buildOperationProperties(magiclineProvider),
	};

	methods = { loadOptions, credentialTest: { magiclineApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, magiclineProvider);
	}
}
