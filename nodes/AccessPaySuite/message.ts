import type { IDataObject } from 'n8n-workflow';

import { asObject, textField } from '../shared/wire/rest';

/** The provider's success text: a plain or JSON string, or its `Message` field. */
export function accessPaySuiteMessage(body: unknown): string | null {
	if (typeof body === 'string') return body;
	return textField(body, 'Message') ?? null;
}

/** The records of a DDCMS list answer (`{"Contracts":[…]}` and the like), passed through as sent. */
export function recordsOf(body: unknown, key: string): IDataObject[] {
	const records = asObject(body)[key];
	return Array.isArray(records) ? records.map((record) => asObject(record)) : [];
}
