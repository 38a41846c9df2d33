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
import { CANCELATION_REASONS_PATH } from './cancelationReason/getMany.operation';
import { readCustomerPath } from './fields';
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
			'Cancel, check and withdraw cancelations of memberships and module contracts in Magicline',
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
				const reasons = await callProvider(this, magiclineProvider, () => ({
					method: 'GET',
					path: CANCELATION_REASONS_PATH,
				}));
				return (Array.isArray(reasons) ? reasons : []).map((reason) => ({
					name: String(reason.cancelationReasonName ?? reason.cancelationReasonId),
					value: String(reason.cancelationReasonId),
				}));
			},
			/** The dates Magicline offers for the customer's contract, in its order. */
			async getAvailableCancelationDates(
				this: ILoadOptionsFunctions,
			): Promise<INodePropertyOptions[]> {
				const contractData = await callProvider(this, magiclineProvider, () => {
					const current = new ItemParameters((name) => this.getCurrentNodeParameter(name));
					return { method: 'GET', path: `${readCustomerPath(current).path}/contract-data` };
				});
				const dates = asObject(contractData).availableCancelationDates;
				return (Array.isArray(dates) ? dates : []).map((date) => ({
					name: String(date),
					value: String(date),
				}));
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, magiclineProvider);
	}
}
