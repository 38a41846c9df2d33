/**
 * A CRM-to-billing sync as a user builds it: a CRM export → Create or Update (customer) → Create
 * Contract, each with "Continue (using error output)" into an error branch. Run twice over the same
 * export, it ends in the same DDCMS state: one customer per row, one contract per new customer.
 */
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { credentialsFor, expectNoSecrets, useSandbox } from '../../harness/fixture';
import { PACKAGE, runWorkflow } from '../../harness/engine';
import type { WorkflowJson } from '../../harness/engine';
import { DDCMS_ROOT } from './helpers';

const context = useSandbox();

const ALAN = 'c0000000-0000-4000-8000-000000000002';

/** The CRM export: new, changed and bad rows. Ten working days after today is 2026-06-29. */
const CRM_EXPORT: IDataObject[] = [
	// New: a customer and a contract are created.
	{
		ref: 'CRM-501',
		email: 'kathleen@example.com',
		title: 'Mrs',
		firstName: 'Kathleen',
		surname: 'Booth',
		street: '3 Assembly Road',
		postCode: 'GL52 2NF',
		account: '01234567',
		sortCode: '08-92-86',
		holder: 'MRS K BOOTH',
		schedule: 'Class pass',
	},
	// Changed: an existing customer with a new email and post code; updated, no new contract.
	{
		ref: 'CUST-002',
		email: 'alan.turing@example.com',
		title: 'Mr',
		firstName: 'Alan',
		surname: 'Turing',
		street: '1 Bletchley Lane',
		postCode: 'MK3 6EB',
		account: '00000002',
		sortCode: '200000',
		holder: 'ALAN TURING',
		schedule: 'Class pass',
	},
	// Bad: an account number of 7 digits, refused before anything is sent.
	{
		ref: 'CRM-503',
		email: 'bad@example.com',
		title: 'Mr',
		firstName: 'Bad',
		surname: 'Account',
		street: '1 Nowhere',
		postCode: 'AB1 2CD',
		account: '1234567',
		sortCode: '200000',
		holder: 'MR B ACCOUNT',
		schedule: 'Class pass',
	},
	// Bad: a reference two DDCMS customers share.
	{
		ref: 'CUST-DUP',
		email: 'edsger@example.com',
		title: 'Mr',
		firstName: 'Edsger',
		surname: 'Dijkstra',
		street: '1 Seed Street',
		postCode: 'AB1 2CD',
		account: '00000004',
		sortCode: '200000',
		holder: 'EDSGER DIJKSTRA',
		schedule: 'Class pass',
	},
	// New customer, but a schedule DDCMS does not know: the contract fails.
	{
		ref: 'CRM-505',
		email: 'grace.b@example.com',
		title: 'Ms',
		firstName: 'Grace',
		surname: 'Brewster',
		street: '5 Harbour Way',
		postCode: 'AB1 2CD',
		account: '87654321',
		sortCode: '401234',
		holder: 'MS G BREWSTER',
		schedule: 'Weekly yoga',
	},
];

function billingNode(name: string, position: [number, number], parameters: IDataObject): INode {
	return {
		id: name,
		name,
		type: `${PACKAGE}.accessPaySuite`,
		typeVersion: 1,
		position,
		parameters: parameters as INodeParameters,
		credentials: { accessPaySuiteApi: { id: 'accessPaySuiteApi', name: 'DDCMS' } },
		onError: 'continueErrorOutput',
	};
}

function sink(name: string, position: [number, number]): INode {
	return { id: name, name, type: 'test.sink', typeVersion: 1, position, parameters: {} };
}

const main = (node: string) => [{ node, type: 'main' as const, index: 0 }];

const SYNC_WORKFLOW: WorkflowJson = {
	nodes: [
		{
			id: 'crm',
			name: 'CRM export',
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(CRM_EXPORT) },
		},
		billingNode('Create or Update Customer', [200, 0], {
			resource: 'customer',
			operation: 'upsert',
			customerRef: '={{ $json.ref }}',
			email: '={{ $json.email }}',
			title: '={{ $json.title }}',
			firstName: '={{ $json.firstName }}',
			surname: '={{ $json.surname }}',
			line1: '={{ $json.street }}',
			postCode: '={{ $json.postCode }}',
			accountNumber: '={{ $json.account }}',
			bankSortCode: '={{ $json.sortCode }}',
			accountHolderName: '={{ $json.holder }}',
		}),
		billingNode('Create Contract', [400, 0], {
			resource: 'contract',
			operation: 'create',
			// n8n's IF node is not part of this test engine: the contract node stands in for
			// "IF created" by leaving the customer ID empty for a customer that already existed,
			// which it refuses locally, sending nothing.
			customerId: '={{ $json.created ? $json.customerId : "" }}',
			scheduleName: "={{ $('CRM export').item.json.schedule }}",
			start: '2026-07-01',
		}),
		sink('Contracts', [600, 0]),
		sink('Customer Errors', [400, 200]),
		sink('Contract Errors', [600, 200]),
	],
	connections: {
		'CRM export': { main: [main('Create or Update Customer')] },
		'Create or Update Customer': { main: [main('Create Contract'), main('Customer Errors')] },
		'Create Contract': { main: [main('Contracts'), main('Contract Errors')] },
	},
};

async function runSync() {
	const before = context.sandbox.requests.length;
	const credentials = credentialsFor(context.sandbox);
	const run = await runWorkflow(SYNC_WORKFLOW, credentials);
	expectNoSecrets(run, context.sandbox, credentials);
	expect(run.error).toBeUndefined();
	return { ...run, requests: context.sandbox.requests.slice(before) };
}

/** What a flow's error branch switches on, with the CRM row it came from. */
function errorsOf(items: INodeExecutionData[]) {
	return items.map((item) => {
		const error = item.json.error as IDataObject;
		return [item.pairedItem, error.category, error.code];
	});
}

function ddcmsState() {
	const { customers, contracts, payments } = context.sandbox.state.accessPaySuite;
	return JSON.stringify({
		customers: [...customers.values()],
		contracts: [...contracts.values()],
		payments,
	});
}

describe('CRM export → Create or Update → Create Contract → error branch', () => {
	it('syncs new and changed rows, routes the bad ones, and a second run changes nothing', async () => {
		const first = await runSync();
		const upserted = first.output('Create or Update Customer');
		expect(
			upserted.map((item) => [item.pairedItem, item.json.customerRef, item.json.created]),
		).toEqual([
			[{ item: 0 }, 'CRM-501', true],
			[{ item: 1 }, 'CUST-002', false],
			[{ item: 4 }, 'CRM-505', true],
		]);
		expect(errorsOf(first.output('Create or Update Customer', 1))).toEqual([
			[{ item: 2 }, 'validation', 'INVALID_PARAMETER'],
			[{ item: 3 }, 'conflict', 'DUPLICATE_CUSTOMER_REF'],
		]);
		const contracts = first.output('Create Contract');
		expect(contracts.map((item) => item.json.customerId)).toEqual([upserted[0].json.customerId]);
		// The unknown schedule is DDCMS's answer; the changed customer gets no second contract.
		expect(errorsOf(first.output('Create Contract', 1))).toEqual([
			[{ item: 1 }, 'validation', 'INVALID_PARAMETER'],
			[{ item: 2 }, 'validation', '400'],
		]);
		// The error outputs feed the error branch.
		expect(first.output('Customer Errors')).toHaveLength(2);
		expect(first.output('Contract Errors')).toHaveLength(2);
		expect(first.output('Contracts')).toHaveLength(1);
		const contractCreates = first.requests.filter((request) => request.path.endsWith('/contract'));
		expect(contractCreates.map((request) => request.query.scheduleName)).toEqual([
			'Class pass',
			'Weekly yoga',
		]);
		const customers = context.sandbox.state.accessPaySuite.customers;
		expect(customers.get(ALAN)).toMatchObject({
			email: 'alan.turing@example.com',
			postCode: 'MK3 6EB',
		});
		const kathleen = customers.get(upserted[0].json.customerId as string);
		expect(kathleen).toMatchObject({ customerRef: 'CRM-501', bankSortCode: '089286' });
		const stateAfterFirst = ddcmsState();

		const second = await runSync();
		expect(
			second
				.output('Create or Update Customer')
				.map((item) => [item.json.customerRef, item.json.created]),
		).toEqual([
			['CRM-501', false],
			['CUST-002', false],
			['CRM-505', false],
		]);
		expect(errorsOf(second.output('Create or Update Customer', 1))).toEqual(
			errorsOf(first.output('Create or Update Customer', 1)),
		);
		expect(second.output('Create Contract')).toHaveLength(0);
		// Only look-ups and updates went out: no create of a customer or a contract.
		expect(
			second.requests.map((request) => `${request.method} ${request.path.replace(DDCMS_ROOT, '')}`),
		).toEqual([
			'GET /customer',
			`PATCH /customer/${kathleen!.id}`,
			'GET /customer',
			`PATCH /customer/${ALAN}`,
			'GET /customer',
			'GET /customer',
			`PATCH /customer/${second.output('Create or Update Customer')[2].json.customerId as string}`,
		]);
		expect(ddcmsState()).toBe(stateAfterFirst);
	});
});
