/** Finding and numbering the records the CRM routes work on, with the spec's fault bodies. */
import { failWith, type RouteCall } from '../../http';
import { seedGuid } from '../../seed';
import type { AccessPaySuiteState, DdcmsContract, DdcmsCustomer, DdcmsPayment } from '../../state';
import { messageError, unexpectedError } from './responses';

/** A new GUID-like id of `kind` ('c' customer, 'a' contract, 'd' payment), numbered after the seed's. */
export function nextId(state: AccessPaySuiteState, kind: 'c' | 'a' | 'd'): string {
	return seedGuid(kind, state.nextNumber++);
}

/** The spec documents this body for an unknown customer on GET customer/{id}; the sandbox uses it for every route. */
export function findCustomer(call: RouteCall): DdcmsCustomer {
	const customer = call.context.state.accessPaySuite.customers.get(call.params.customerId);
	if (!customer) failWith(messageError(404, 'API not enabled'));
	return customer;
}

export interface ContractAccess {
	/** The 403 `Message` of this route for a protected contract (the spec words it per route). */
	protectedMessage: string;
	/** A write also fails on the broken contract (500). */
	write: boolean;
}

export function findContract(call: RouteCall, access: ContractAccess): DdcmsContract {
	const contract = call.context.state.accessPaySuite.contracts.get(call.params.contractId);
	if (!contract) failWith(messageError(404, 'Contract not found'));
	if (contract.isProtected) failWith(messageError(403, access.protectedMessage));
	if (access.write && contract.failsOnWrite) failWith(unexpectedError());
	return contract;
}

/** The payment of the path's contract; its 403/404 bodies name the payment, as the spec's single-payment routes do. */
export function findPayment(call: RouteCall, write: boolean): DdcmsPayment {
	findContract(call, { protectedMessage: 'Payment cannot be accessed', write });
	const payment = call.context.state.accessPaySuite.payments.find(
		(candidate) =>
			candidate.id === call.params.paymentId && candidate.contractId === call.params.contractId,
	);
	if (!payment) failWith(messageError(404, 'Payment not found'));
	return payment;
}
