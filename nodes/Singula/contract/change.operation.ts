import type { IDataObject } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../shared/engine/description';
import { invalidParameter } from '../../shared/engine/failure';
import type { JsonBodyValue } from '../../shared/wire/json';
import { actionItem, rest, restOperation } from '../../shared/wire/rest';
import { DOWNGRADE_TIMING_PROPERTY } from '../faults';
import { contractIdField, customerIdField, readContractIds } from './fields';

const DISCOUNT_CODE_KINDS = [
	'discountId',
	'promoCode',
	'campaignCode',
	'sourceCode',
	'individualPromoCode',
];

export const change = restOperation({
	operation: 'change',
	name: 'Change',
	action: 'Change a contract',
	description:
		"Change (upgrade, downgrade or crossgrade) a customer's contract to another sales item. Needs the customer ID, the contract ID and the item code of the new item (see Get Change Paths).",
	fields: [
		customerIdField,
		contractIdField,
		{
			displayName: 'New Item Code Name or ID',
			name: 'itemCode',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getChangePaths',
				loadOptionsDependsOn: ['customerId', 'contractId'],
			},
			required: true,
			default: '',
			description:
				'The sales item to change to; the list shows the change paths of the contract. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		additionalFieldsCollection([
			{
				displayName: 'Discount Code',
				name: 'discountCode',
				type: 'collection',
				placeholder: 'Add Code',
				default: {},
				description: 'A discount code to apply with the change',
				options: DISCOUNT_CODE_KINDS.map((kind) => ({
					displayName: kind
						.replace(/([A-Z])/g, ' $1')
						.replace(/^./, (first) => first.toUpperCase())
						.replace(' Id', ' ID'),
					name: kind,
					type: 'string' as const,
					default: '',
				})),
			},
			{
				displayName: 'Extra Body Fields (JSON)',
				name: 'extraBody',
				type: 'json',
				default: '{}',
				description: 'Tenant-specific fields added to the request body, as a JSON object',
			},
			{
				displayName: 'Immediate Downgrade',
				name: 'immediateDowngrade',
				type: 'boolean',
				default: false,
				description: 'Whether a downgrade happens now instead of at the next contract charge',
			},
			{
				displayName: 'Referrer ID',
				name: 'referrerId',
				type: 'string',
				default: '',
				description: 'Identifier of a referrer to link to the new service (up to 50 characters)',
			},
		]),
	],
	build(parameters) {
		const { customerId, contractId } = readContractIds(parameters);
		const itemCode = parameters.text('itemCode');
		const additional = parameters.collection('additionalFields');
		const referrerId = additional.optionalText('referrerId', { maxLength: 50 });
		const immediateDowngrade = additional.boolean('immediateDowngrade');
		const discountCode = additional.optionalObject('discountCode');
		const extraBody = additional.optionalObject('extraBody') ?? {};
		const discount = Object.fromEntries(
			Object.entries(discountCode ?? {}).filter(([, value]) => value !== '' && value !== undefined),
		) as IDataObject;
		const unknownKinds = Object.keys(discount).filter(
			(kind) => !DISCOUNT_CODE_KINDS.includes(kind),
		);
		if (unknownKinds.length) {
			throw invalidParameter(
				'additionalFields.discountCode',
				`may only hold ${DISCOUNT_CODE_KINDS.join(', ')}`,
			);
		}
		const body: Record<string, JsonBodyValue | undefined> = {
			itemCode,
			referrerId,
			discountCode: Object.keys(discount).length ? (discount as Record<string, string>) : undefined,
			[DOWNGRADE_TIMING_PROPERTY]: immediateDowngrade,
		};
		// Tenant fields never replace the node's own; `in` would also see Object.prototype's keys.
		for (const [key, value] of Object.entries(extraBody)) {
			if (!Object.prototype.hasOwnProperty.call(body, key)) body[key] = value as JsonBodyValue;
		}
		return {
			request: rest(
				'POST customer/{customerId}/contract/{contractId}/change',
				{ customerId, contractId },
				{ body },
			),
			echo: { customerId, contractId, itemCode },
		};
	},
	output: actionItem,
});
