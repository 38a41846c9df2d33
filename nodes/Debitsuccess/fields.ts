import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../shared/engine/description';
import { invalidParameter } from '../shared/engine/failure';
import type { ItemParameters } from '../shared/engine/parameters';

/** The account reference pair every Debitsuccess operation takes (at least one of them). */
export const accountReferenceFields: INodeProperties[] = [
	{
		displayName: 'Account Reference No',
		name: 'accountReferenceNo',
		type: 'string',
		default: '',
		placeholder: 'e.g. ABC12345',
		description:
			'The Debitsuccess account reference (up to 15 characters). Give this, the external reference, or both.',
	},
	{
		displayName: 'External Account Reference No',
		name: 'externalAccountReferenceNo',
		type: 'string',
		default: '',
		description:
			'Your own reference for the account (up to 50 characters). Give this, the Debitsuccess reference, or both.',
	},
];

export const requestInitiatorField: INodeProperties = additionalFieldsCollection([
	{
		displayName: 'Request Initiator',
		name: 'requestInitiator',
		type: 'string',
		default: '',
		description: 'Who asked for this change, for the Debitsuccess log (up to 100 characters)',
	},
]);

/** RequestInitiator and the account references, validated, as SOAP field values. */
export function readAccountFields(parameters: ItemParameters): Record<string, string | undefined> {
	const AccountReferenceNo = parameters.optionalText('accountReferenceNo', { maxLength: 15 });
	const ExternalAccountReferenceNo = parameters.optionalText('externalAccountReferenceNo', {
		maxLength: 50,
	});
	if (!AccountReferenceNo && !ExternalAccountReferenceNo) {
		throw invalidParameter(
			'accountReferenceNo',
			'or "externalAccountReferenceNo" is required: give at least one of them',
		);
	}
	const RequestInitiator = parameters
		.collection('additionalFields')
		.optionalText('requestInitiator', { maxLength: 100 });
	return { RequestInitiator, AccountReferenceNo, ExternalAccountReferenceNo };
}

/** A date as the web service's DateTime at midnight. */
export function soapDateTime(date: string | undefined): string | undefined {
	return date === undefined ? undefined : `${date}T00:00:00`;
}
