/**
 * The node and credential types the test instance knows, by the names n8n would register them
 * under: this package's classes plus the two test nodes. The only harness file that imports the
 * package's node and credential classes.
 */
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

import { AccessPaySuiteApi } from '../../credentials/AccessPaySuiteApi.credentials';
import { DebitsuccessApi } from '../../credentials/DebitsuccessApi.credentials';
import { DebitsuccessWebhookApi } from '../../credentials/DebitsuccessWebhookApi.credentials';
import { MagiclineApi } from '../../credentials/MagiclineApi.credentials';
import { MagiclineWebhookApi } from '../../credentials/MagiclineWebhookApi.credentials';
import { SingulaApi } from '../../credentials/SingulaApi.credentials';
import { AccessPaySuite } from '../../nodes/AccessPaySuite/AccessPaySuite.node';
import { AccessPaySuiteTrigger } from '../../nodes/AccessPaySuite/AccessPaySuiteTrigger.node';
import { Debitsuccess } from '../../nodes/Debitsuccess/Debitsuccess.node';
import { DebitsuccessTrigger } from '../../nodes/Debitsuccess/DebitsuccessTrigger.node';
import { Magicline } from '../../nodes/Magicline/Magicline.node';
import { MagiclineTrigger } from '../../nodes/Magicline/MagiclineTrigger.node';
import { Singula } from '../../nodes/Singula/Singula.node';
import { TestItems, TestSink } from './testNodes';

export const PACKAGE = 'n8n-nodes-billing-lifecycle';

/** Node classes by full type name (`<package>.<name>`, or `test.*` for the test nodes). */
export const nodeClasses: Record<string, INodeType> = {
	[`${PACKAGE}.accessPaySuite`]: new AccessPaySuite(),
	[`${PACKAGE}.magicline`]: new Magicline(),
	[`${PACKAGE}.singula`]: new Singula(),
	[`${PACKAGE}.debitsuccess`]: new Debitsuccess(),
	[`${PACKAGE}.accessPaySuiteTrigger`]: new AccessPaySuiteTrigger(),
	[`${PACKAGE}.magiclineTrigger`]: new MagiclineTrigger(),
	[`${PACKAGE}.debitsuccessTrigger`]: new DebitsuccessTrigger(),
	'test.items': new TestItems(),
	'test.sink': new TestSink(),
};

export const credentialTypes: Record<string, ICredentialType> = {
	accessPaySuiteApi: new AccessPaySuiteApi(),
	magiclineApi: new MagiclineApi(),
	singulaApi: new SingulaApi(),
	debitsuccessApi: new DebitsuccessApi(),
	magiclineWebhookApi: new MagiclineWebhookApi(),
	debitsuccessWebhookApi: new DebitsuccessWebhookApi(),
};

/** The lookup a Workflow is given, as n8n's node-types service answers it. */
export const nodeTypes: INodeTypes = {
	getByName: (type) => nodeClasses[type] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type) => {
		const nodeType = nodeClasses[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	},
	getKnownTypes: () => ({}),
};
