/**
 * The end-to-end harness in one call: pinned n8n runtime (installed on first use), this package packed and installed
 * as a community package, n8n started on SQLite, owner and API key bootstrapped. Then credentials and templates are
 * imported the way a user would (template JSON unchanged apart from picking the credentials) and published.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8nApi, type WorkflowJson, type WorkflowNode } from './n8nApi';
import { N8nProcess } from './n8nProcess';
import { installPackageInto, PACKAGE_NAME, preparePackage, REPO_ROOT } from './packageInstall';
import { ensureN8nRuntime } from './runtime';

export { N8nApi, OWNER } from './n8nApi';
export type { Execution, WorkflowJson, WorkflowNode } from './n8nApi';
export { N8nProcess, E2E_ENCRYPTION_KEY, freePort } from './n8nProcess';
export { PACKAGE_NAME, REPO_ROOT } from './packageInstall';
export { ensureN8nRuntime, N8N_VERSION, NODE_VERSION } from './runtime';

export interface N8nEnvironment {
	process: N8nProcess;
	api: N8nApi;
	userFolder: string;
	baseUrl: string;
	/** Restarts n8n on the same folder/port (graceful unless `crash`), logs in again. */
	restart(opts?: { crash?: boolean }): Promise<void>;
	stop(): Promise<void>;
}

export interface StartN8nOptions {
	userFolder?: string;
	port?: number;
	env?: Record<string, string>;
	listenAddress?: string;
	host?: string;
	log?: (msg: string) => void;
	/** Keep the user folder after stop (for debugging); default removes temp folders the harness created. */
	keepFolder?: boolean;
}

export async function startN8n(opts: StartN8nOptions = {}): Promise<N8nEnvironment> {
	const log = opts.log ?? (() => {});
	const runtime = await ensureN8nRuntime(log);
	const prepared = await preparePackage(log);
	const created = !opts.userFolder;
	const userFolder = opts.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pc-e2e-n8n-'));
	installPackageInto(userFolder, prepared);
	const proc = new N8nProcess({
		runtime,
		userFolder,
		port: opts.port,
		env: opts.env,
		listenAddress: opts.listenAddress,
		host: opts.host,
	});
	await proc.start();
	const api = new N8nApi(proc.baseUrl);
	if (await api.isOwnerSetUp()) {
		await api.login();
	} else {
		await api.setupOwner();
		await api.login();
	}
	await api.createApiKey(`pc-e2e-${Date.now()}`);
	return {
		process: proc,
		api,
		userFolder,
		baseUrl: proc.baseUrl,
		async restart(r = {}) {
			if (r.crash) await proc.crash();
			else await proc.stop();
			await proc.start();
			await api.login();
		},
		async stop() {
			await proc.stop();
			if (created && !opts.keepFolder && !process.env.PC_E2E_KEEP)
				fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

export type NodeTypeInfo = Awaited<ReturnType<N8nApi['nodeTypes']>>[number];

export function loadTemplate(file: string): WorkflowJson {
	const p = path.isAbsolute(file) ? file : path.join(REPO_ROOT, 'workflows', file);
	return JSON.parse(fs.readFileSync(p, 'utf8')) as WorkflowJson;
}

/**
 * What a user does after importing a template: pick a credential for each node that needs one. Nodes get the
 * credential of each type their description asks for (when the harness has one of that type); nothing else changes.
 */
export function withCredentials(
	wf: WorkflowJson,
	nodeTypes: NodeTypeInfo[],
	credentials: Record<string, { id: string; name: string }>,
): WorkflowJson {
	const byName = new Map(nodeTypes.map((t) => [t.name, t]));
	const nodes = wf.nodes.map((n): WorkflowNode => {
		const type = byName.get(n.type);
		const wanted = (type?.credentials ?? []).map((c) => c.name).filter((c) => credentials[c]);
		if (!wanted.length) return n;
		const creds = { ...(n.credentials ?? {}) };
		for (const c of wanted) creds[c] = credentials[c];
		return { ...n, credentials: creds };
	});
	return { ...wf, nodes };
}

export interface ImportedWorkflow {
	id: string;
	json: WorkflowJson;
}

/** Imports a workflow through the public API and publishes it (production webhooks and pollers start). */
export async function importAndPublish(
	api: N8nApi,
	wf: WorkflowJson,
	opts: { publish?: boolean } = {},
): Promise<ImportedWorkflow> {
	const created = await api.createWorkflow(wf);
	if (opts.publish !== false) await api.publishWorkflow(created.id);
	return { id: created.id, json: created };
}

/** Production URL of a webhook-based trigger node: `<base>/webhook/<webhookId>/<path>` (or `/webhook/<path>`). */
export function webhookUrl(
	baseUrl: string,
	wf: WorkflowJson,
	nodeName: string,
	nodeTypes: NodeTypeInfo[],
	webhookName = 'default',
): string {
	const node = wf.nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`No node named ${nodeName} in ${wf.name}`);
	const type = nodeTypes.find((t) => t.name === node.type);
	const hook = (type?.webhooks ?? []).find((h) => (h.name ?? 'default') === webhookName) ?? type?.webhooks?.[0];
	let hookPath = String(hook?.path ?? '');
	if (hookPath.startsWith('={{')) {
		// Expressions like ={{$parameter["path"]}}: resolve the simple parameter reference.
		const m = /\$parameter\[["'](\w+)["']\]|\$parameter\.(\w+)/.exec(hookPath);
		hookPath = m ? String(node.parameters[m[1] ?? m[2]] ?? '') : '';
	}
	hookPath = hookPath.replace(/^\//, '');
	if (node.webhookId) return `${baseUrl}/webhook/${node.webhookId}/${hookPath}`;
	return `${baseUrl}/webhook/${hookPath}`;
}

/** Node types from this package as n8n loaded them (`<package>.<name>`). */
export async function packageNodeTypes(api: N8nApi): Promise<string[]> {
	const types = await api.nodeTypes();
	return [...new Set(types.map((t) => t.name).filter((n) => n.startsWith(`${PACKAGE_NAME}.`)))].sort();
}

/** Polls `fn` until it returns a truthy value or the timeout passes; returns that value. */
export async function waitFor<T>(
	fn: () => Promise<T | undefined | null | false>,
	opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
	const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			last = e;
		}
		await new Promise((r) => setTimeout(r, opts.intervalMs ?? 500));
	}
	throw new Error(`Timed out waiting for ${opts.what ?? 'condition'}${last ? `: ${String(last)}` : ''}`);
}

/** A short text of the latest executions of a workflow (node -> items per output, errors): for failure reports. */
export async function describeExecutions(api: N8nApi, workflowId: string, count = 8): Promise<string> {
	const lines: string[] = [];
	const list = (await api.executions(workflowId)).slice(0, count);
	for (const e of list) {
		const full = await api.execution(e.id);
		const rd = full.data?.resultData;
		lines.push(`#${e.id} ${e.status} (${e.mode})${rd?.error ? ` error: ${rd.error.message ?? ''}` : ''}`);
		for (const [node, runs] of Object.entries(rd?.runData ?? {})) {
			const run = runs[runs.length - 1];
			const outs = (run.data?.main ?? []).map((o) => (o ? o.length : 0)).join('/');
			const err = run.error ? ` ERROR ${JSON.stringify(run.error).slice(0, 300)}` : '';
			lines.push(`    ${node}: ${outs}${err}`);
		}
	}
	return lines.join('\n');
}
