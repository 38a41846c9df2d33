import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadOperationRecords } from '../../shared/engine/call';
import { accessPaySuiteProvider } from '../provider';

/** The names of the schedules of every service (Schedule → Get Many), each once. */
export async function getScheduleNames(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const schedules = await loadOperationRecords(this, accessPaySuiteProvider, 'schedule', 'getMany');
	const names = new Set(
		schedules.map((schedule) => schedule.Name).filter((name) => typeof name === 'string'),
	);
	return [...names].map((name) => ({ name: String(name), value: String(name) }));
}
