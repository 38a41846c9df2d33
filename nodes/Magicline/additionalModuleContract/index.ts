import { defineResource } from '../../shared/engine/types';
import { cancel } from './cancel.operation';
import { get } from './get.operation';
import { withdrawCancellation } from './withdrawCancellation.operation';

export const additionalModuleContract = defineResource({
	value: 'additionalModuleContract',
	name: 'Additional Module Contract',
	description: 'An add-on (module) booked on top of a membership contract',
	operations: [cancel, get, withdrawCancellation],
});
