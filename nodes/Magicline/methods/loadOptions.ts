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

/**
 * The dates Magicline offers for the chosen contract, in its order (Membership → Get Contract Data):
 * the entry whose id is the Contract ID, else the customer's first contract.
 */
export async function getAvailableCancelationDates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const contracts = await loadOperationRecords(
		this,
		magiclineProvider,
		'membership',
		'getContractData',
	);
	const contractId = String(this.getCurrentNodeParameter('contractId') ?? '');
	const contract =
		contracts.find((entry) => entry.id !== undefined && String(entry.id) === contractId) ??
		contracts[0];
	const dates = contract?.availableCancelationDates;
	return (Array.isArray(dates) ? dates : []).map((date) => ({
		name: String(date),
		value: String(date),
	}));
}
