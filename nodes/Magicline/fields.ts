import type { INodeProperties } from 'n8n-workflow';

export const cancelationReasonField: INodeProperties = {
	displayName: 'Cancelation Reason Name or ID',
	name: 'cancelationReasonId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCancelationReasons' },
	required: true,
	default: '',
	description:
		'Why the contract is canceled. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
