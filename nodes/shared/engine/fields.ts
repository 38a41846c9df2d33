import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The fields of a "Get" that finds a record by its ID or by another identifier: a Get By
 * dropdown, the ID field (shown for `idValue`) and one Value field for the other identifiers.
 */
export function getByFields(spec: {
	idField: INodeProperties;
	idValue: string;
	lookups: INodePropertyOptions[];
	valueDescription: string;
}): INodeProperties[] {
	const { idValue } = spec;
	const lookupValues = spec.lookups.map((lookup) => String(lookup.value));
	return [
		{
			displayName: 'Get By',
			name: 'getBy',
			type: 'options',
			options: [...spec.lookups, { name: spec.idField.displayName, value: spec.idValue }].sort(
				(a, b) => a.name.localeCompare(b.name),
			),
			default: idValue,
			description: 'Which identifier to find the record by',
		},
		{ ...spec.idField, displayOptions: { show: { getBy: [spec.idValue] } } },
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			description: spec.valueDescription,
			displayOptions: { show: { getBy: lookupValues } },
		},
	];
}
