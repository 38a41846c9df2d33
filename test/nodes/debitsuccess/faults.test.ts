/** Every Debitsuccess note code the contract names, as an error item and as a stopped workflow. */
import type { IDataObject } from 'n8n-workflow';

import { adjustSuspension, answer, cancelAccount } from '../../harness/debitsuccess';
import { errorOf, useSandbox } from '../../harness/fixture';
import type { NodeUnderTest } from '../../harness/workflow';

const context = useSandbox();

interface FaultCase {
	code: string;
	node: NodeUnderTest;
	category: string;
	message: string;
	prepare?: () => void;
	credentials?: IDataObject;
}

const faults: FaultCase[] = [
	{
		code: '02',
		node: cancelAccount({ accountReferenceNo: 'DS1001' }),
		category: 'authentication',
		message: 'Invalid user credentials',
		credentials: { password: 'wrong-password' },
	},
	{
		code: '07',
		node: cancelAccount({ externalAccountReferenceNo: 'EXT-DUP' }),
		category: 'validation',
		message: 'Multiple accounts found with this criteria',
	},
	{
		code: '08',
		node: cancelAccount({ accountReferenceNo: 'NOPE1' }),
		category: 'not_found',
		message: 'There is no record found with this criteria',
	},
	{
		code: '09',
		node: cancelAccount({ accountReferenceNo: 'DS1005' }),
		category: 'provider_error',
		message: 'Failed to complete the process',
	},
	{
		code: '10',
		node: cancelAccount({ accountReferenceNo: 'DS1002' }),
		category: 'invalid_state',
		message: 'Account is not active',
	},
	{
		code: '13141',
		node: adjustSuspension({ payScheduleId: '999' }),
		category: 'not_found',
		message: 'Suspension for given PayScheduleId not found',
	},
	{
		code: '13142',
		node: adjustSuspension({ payScheduleId: '502', newEndDate: '2026-12-01' }),
		category: 'invalid_state',
		message: 'Suspension already finished',
	},
	{
		code: '13143',
		node: adjustSuspension({ payScheduleId: '503', newEndDate: '2026-11-20' }),
		category: 'conflict',
		message: 'Adjusted suspension is overlapping with existing one',
	},
	{
		code: '13144',
		node: adjustSuspension({ payScheduleId: '501', newEndDate: '2026-07-01' }),
		category: 'validation',
		message: 'New suspension end date must not be before suspension start date',
	},
	{
		code: '13145',
		node: adjustSuspension({ payScheduleId: '501', newEndDate: '2026-06-10' }),
		category: 'validation',
		message: 'New suspension end date must not be in the past',
		// A suspension that started before the sandbox's today (2026-06-15) and is still running.
		prepare: () => {
			context.sandbox.state.debitsuccess.suspensions.get(501)!.startDate = '2026-06-01';
		},
	},
	...(
		[
			['12002', 'validation', 'Missing client first name'],
			[
				'12016',
				'validation',
				'Missing required reference number. Must provide either ExternalAccountReferenceNo or AccountReferenceNo or both.',
			],
			['13200', 'validation', 'Title field cannot be more than 10 characters long.'],
		] as const
	).map(([code, category, message]) => ({
		code,
		category,
		message,
		node: cancelAccount({ accountReferenceNo: 'DS1001' }),
		// Codes the node's own checks keep it from provoking: the sandbox sends them on request.
		prepare: () =>
			context.sandbox.inject({
				provider: 'debitsuccess',
				status: 200,
				contentType: 'text/xml; charset=utf-8',
				body: answer('CancelAccount', 'Failed', [[code, message, 'Error']]),
			}),
	})),
];

describe.each(faults)(
	'Debitsuccess code $code',
	({ code, node, category, message, prepare, credentials }) => {
		const overrides: Record<string, IDataObject> = credentials
			? { debitsuccessApi: credentials }
			: {};

		it('gives an error item with the note code, its text and the category', async () => {
			prepare?.();
			const run = await context.run({ ...node, onError: 'continueErrorOutput' }, [{}], overrides);
			expect(run.items).toHaveLength(0);
			expect(errorOf(run.errorItems[0])).toMatchObject({
				provider: 'debitsuccess',
				resource: node.parameters.resource,
				operation: node.parameters.operation,
				httpCode: 200,
				code,
				category,
				message,
				fault: null,
				retryable: false,
			});
		});

		it('stops the workflow with the note text and [category] code', async () => {
			prepare?.();
			const run = await context.run(node, [{}], overrides);
			const error = run.error as unknown as IDataObject;
			expect(error.message).toBe(message);
			expect(String(error.description)).toMatch(new RegExp(`^\\[${category}\\] ${code}`));
		});
	},
);
