import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadOperationRecords } from '../../shared/engine/call';
import { magiclineProvider } from '../provider';

/** The studio's cancelation reasons, from Cancelation Reason → Get Many. */
export async function getCancelationReasons(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const reasons = await loadOperationRecords(
		this,
		magiclineProvider,
		'cancelationReason',
		'getMany',
	);
	return reasons.map((reason) => ({
		name: String(reason.cancelationReasonName ?? reason.cancelationReasonId),
		value: String(reason.cancelationReasonId),
	}));
}

/** The dates Magicline offers for the customer's contract, in its order (Membership → Get Contract Data). */
export async function getAvailableCancelationDates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const [contractData] = await loadOperationRecords(
		this,
		magiclineProvider,
		'membership',
		'getContractData',
	);
	const dates = contractData?.availableCancelationDates;
	return (Array.isArray(dates) ? dates : []).map((date) => ({
		name: String(date),
		value: String(date),
	}));
}
