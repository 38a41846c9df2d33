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
import { callProvider } from '../shared/call';
import { ItemParameters } from '../shared/parameters';
import { asObject } from '../shared/rest';
import { readContractPath } from './contract/fields';
import { changePathsOf } from './contract/getChangePaths.operation';
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
			'Change, cancel and look up subscription contracts in Singula Decisions (formerly Paywizard)',
		defaults: { name: 'Singula Decisions' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'singulaApi', required: true }],
		properties: buildOperationProperties(singulaProvider.resources, singulaProvider.operations),
	};

	methods = {
		loadOptions: {
			/** The change paths of the contract chosen above: one option per target item. */
			async getChangePaths(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const answer = await callProvider(this, singulaProvider, () => {
					const current = new ItemParameters((name) => this.getCurrentNodeParameter(name));
					return { method: 'GET', path: `${readContractPath(current).path}/change` };
				});
				return changePathsOf(answer).map((changePath) => {
					const cost = asObject(changePath.changeCost);
					const price =
						cost.amount === undefined
							? ''
							: `, ${String(cost.amount)} ${String(cost.currency ?? '')}`.trimEnd();
					return {
						name: `${String(changePath.name ?? changePath.itemCode)} (${String(changePath.changeType ?? 'CHANGE')}${price})`,
						value: String(changePath.itemCode),
					};
				});
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, singulaProvider);
	}
}
