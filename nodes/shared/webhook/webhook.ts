import { createHash, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/** Compares a secret in constant time (hashing first, so differing lengths leak nothing either). */
export function secretMatches(given: string | undefined, expected: string): boolean {
	if (!given || !expected) return false;
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** A request header as text (the first value when repeated). */
export function headerText(context: IWebhookFunctions, name: string): string | undefined {
	const value = context.getHeaderData()[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Answers the caller directly and starts no run. A secret or the received body is never echoed:
 * the answer says only what was wrong.
 */
export function refuse(
	context: IWebhookFunctions,
	status: 400 | 401,
	message: string,
): IWebhookResponseData {
	context.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

/** The JSON object body of the request, or undefined when the body is not one. */
export function jsonObjectBody(context: IWebhookFunctions): IDataObject | undefined {
	const body: unknown = context.getBodyData();
	return body && typeof body === 'object' && !Array.isArray(body)
		? (body as IDataObject)
		: undefined;
}

/** "All events" when the list is empty; otherwise whether `event` is one of them (case-insensitive). */
export function eventSelected(selected: string[], event: string): boolean {
	return (
		selected.length === 0 || selected.some((name) => name.toLowerCase() === event.toLowerCase())
	);
}

/** Subtitle of a trigger with an event filter. */
export const EVENTS_SUBTITLE =
	'={{($parameter["events"] || []).length ? $parameter["events"].join(", ") : "All events"}}';

/** The editor notice of a trigger whose webhook the provider registers on request. */
export function manualRegistrationNotice(provider: string, secretLabel: string): INodeProperties {
	return {
		displayName: `${provider} registers webhooks on request: send them this node's Production URL and the ${secretLabel} of the credential.`,
		name: 'registrationNotice',
		type: 'notice',
		default: '',
	};
}

/** The event filter of a trigger: none selected means every event. */
export function eventsFilterField(events: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: events,
		default: [],
		description: 'Which events start the workflow; none selected means every event',
	};
}
