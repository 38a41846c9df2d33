import { cancelMembership } from './cancel.operation';
import { getContractData } from './getContractData.operation';
import { withdrawMembershipCancellation } from './withdrawCancellation.operation';

export const membershipOperations = [
	getContractData,
	cancelMembership,
	withdrawMembershipCancellation,
];
