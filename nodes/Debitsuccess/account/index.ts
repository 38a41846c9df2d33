import { defineResource } from '../../shared/engine/types';
import { cancel } from './cancel.operation';
import { get } from './get.operation';

export const account = defineResource({
	value: 'account',
	name: 'Account',
	description: "A customer's billing account",
	operations: [cancel, get],
});
