import { textField } from '../shared/rest';

/** The provider's success text: a plain or JSON string, or its `Message` field. */
export function accessPaySuiteMessage(body: unknown): string | null {
	if (typeof body === 'string') return body;
	return textField(body, 'Message') ?? null;
}
