import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildOperationProperties } from '../shared/description';
import { executeOperation } from '../shared/executor';
import { fetchForDropdown } from '../shared/loadOptions';
import { magiclineProvider } from './provider';

export class Magicline implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Magicline',
		name: 'magicline',
		icon: { light: 'file:magicline.svg', dark: 'file:magicline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Cancel membership module contracts in Magicline',
		defaults: { name: 'Magicline' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'magiclineApi', required: true }],
		properties: buildOperationProperties(magiclineProvider.resources, magiclineProvider.operations),
	};

	methods = {
		loadOptions: {
			async getCancelationReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const reasons = await fetchForDropdown(this, magiclineProvider, () => ({
					method: 'GET',
					path: 'v1/memberships/self-service/contract-cancelation-reasons',
				}));
				return (Array.isArray(reasons) ? reasons : []).map((reason) => ({
					name: String(reason.cancelationReasonName ?? reason.cancelationReasonId),
					value: String(reason.cancelationReasonId),
				}));
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, magiclineProvider);
	}
}
