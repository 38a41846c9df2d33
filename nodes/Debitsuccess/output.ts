import type { IDataObject } from 'n8n-workflow';

import type { SoapResult } from './soap';

/** The success item every Debitsuccess action gives. */
export function actionItem({ id, dateCreated, notes }: SoapResult): IDataObject {
	return {
		success: true,
		status: 'Succeed',
		id,
		dateCreated,
		notes: notes as unknown as IDataObject[],
		warnings: notes.filter((note) => note.type === 'Warning') as unknown as IDataObject[],
	};
}
