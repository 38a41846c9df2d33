import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadOperationRecords } from '../../shared/engine/call';
import { asObject } from '../../shared/wire/rest';
import { singulaProvider } from '../provider';

/** The change paths of the contract chosen above (Contract → Get Change Paths), one option each. */
export async function getChangePaths(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const paths = await loadOperationRecords(this, singulaProvider, 'contract', 'getChangePaths');
	return paths.map((changePath) => {
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
}
