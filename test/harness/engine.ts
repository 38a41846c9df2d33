/**
 * The harness's engine side in one import: workflow JSON run inside n8n's real execution engine
 * (n8n-core's WorkflowExecute) with this package's node and credential classes, credentials
 * resolved by id the way n8n does, requests over real HTTP to the sandbox. Each piece lives in its
 * own file; this one only re-exports them (older tests and scripts/benchmark.ts import from here).
 */
export { PACKAGE, credentialTypes } from './registry';
export type { StoredCredential } from './credentialsHelper';
export type { NodeRef, WorkflowJson } from './instance';
export { runWorkflow } from './runner';
export type { EngineRun } from './runner';
export { loadOptions } from './loadOptions';
export { testCredential } from './credentialTest';
export { startWebhookHost } from './webhookHost';
export type { WebhookCall, WebhookHost } from './webhookHost';
