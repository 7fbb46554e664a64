/**
 * Shared set-up for the Templates-2 scenarios: real n8n (harness), the credentials pointed at the simulators
 * (simWorld.ts), templates imported the way a user does (credentials picked, error workflow chosen in the workflow
 * settings), and a small driver workflow per template that hands items to the template's "Called by Another
 * Workflow" entry and answers with what the template produced.
 */
import { randomUUID } from 'node:crypto';

import {
	loadTemplate,
	startN8n,
	waitFor,
	withCredentials,
	type Execution,
	type N8nEnvironment,
	type NodeTypeInfo,
	type WorkflowJson,
} from '../harness';

/**
 * What the environment needs from the other side (simWorld.ts): the Partner Central endpoint, HubSpot's base URL and
 * its app's webhook client secret and app id.
 */
export interface WorldEndpoints {
	pc: { url: string };
	hubspot: { url: string; core: { webhooks: { settings: { clientSecret: string; appId: string } } } };
}

/** API key EventBridge's API destination sends to the event trigger. */
export const E2E_EVENT_API_KEY = 'e2e-eventbridge-key';

export interface TemplatesEnv {
	env: N8nEnvironment;
	types: NodeTypeInfo[];
	creds: Record<string, { id: string; name: string }>;
	/** Node types the template uses that this n8n does not know (not built yet); those nodes are left out. */
	missing: Set<string>;
	/** The HubSpot app id the webhook trigger's Own App IDs is set to (the simulator's app, whose token the sync uses). */
	hubspotAppId: string;
}

export async function startTemplatesEnv(world: WorldEndpoints): Promise<TemplatesEnv> {
	const hubspotUrl = world.hubspot.url;
	const env = await startN8n({ log: (m) => console.log(m) });
	try {
		return await configureEnv(env, world, hubspotUrl);
	} catch (error) {
		await env.stop(); // never leave n8n running when the set-up fails
		throw error;
	}
}

async function configureEnv(env: N8nEnvironment, world: WorldEndpoints, hubspotUrl: string): Promise<TemplatesEnv> {
	const types = await env.api.nodeTypes();
	const webhookSettings = world.hubspot.core.webhooks.settings;
	const creds: TemplatesEnv['creds'] = {};
	creds.awsPartnerCentralApi = await env.api.createCredential('AWS Partner Central (e2e)', 'awsPartnerCentralApi', {
		authentication: 'accessKeys',
		accessKeyId: 'AKIAPCSIMULATOR00001',
		secretAccessKey: 'pc-simulator-secret',
		catalog: 'Sandbox',
		region: 'us-east-1',
		endpointUrl: world.pc.url,
	});
	creds.hubSpotPartnerCentralApi = await env.api.createCredential('HubSpot (e2e)', 'hubSpotPartnerCentralApi', {
		accessToken: 'demo-token',
		clientSecret: webhookSettings.clientSecret,
		baseUrl: hubspotUrl,
	});
	// The EventBridge API destination's key (event trigger in webhook mode) and an n8n API key (error workflow).
	creds.partnerCentralEventWebhookApi = await env.api.createCredential('Partner Central events (e2e)', 'partnerCentralEventWebhookApi', {
		authType: 'apiKey',
		headerName: 'X-Api-Key',
		apiKey: E2E_EVENT_API_KEY,
	});
	creds.n8nApi = await env.api.createCredential('n8n API (e2e)', 'n8nApi', {
		apiKey: env.api.apiKey,
		baseUrl: `${env.baseUrl}/api/v1`,
	});
	return { env, types, creds, missing: new Set(), hubspotAppId: webhookSettings.appId };
}

/**
 * A template as a user imports it: credentials picked, optional workflow settings (error workflow), and nodes of
 * types this n8n does not know left out (only triggers other helpers have not built yet; n8n refuses to publish a
 * workflow naming an unknown type even when disabled; printed as a notice).
 */
export async function importTemplate(
	t: TemplatesEnv,
	file: string,
	opts: { settings?: Record<string, unknown>; edit?: (wf: WorkflowJson) => WorkflowJson; publish?: boolean } = {},
): Promise<{ id: string; json: WorkflowJson }> {
	let wf = withCredentials(loadTemplate(file), t.types, t.creds);
	const known = new Set(t.types.map((x) => x.name));
	const absent = wf.nodes.filter((n) => !known.has(n.type));
	for (const n of absent) {
		t.missing.add(n.type);
		console.log(`NOTICE ${file}: node "${n.name}" (${n.type}) is not built yet; left out of this run`);
	}
	const gone = new Set(absent.map((n) => n.name));
	wf = {
		...wf,
		nodes: wf.nodes.filter((n) => !gone.has(n.name)),
		connections: Object.fromEntries(Object.entries(wf.connections).filter(([from]) => !gone.has(from))),
	};
	// Setup step the notes ask for: the HubSpot app ID in the webhook trigger's Own App IDs.
	wf = {
		...wf,
		nodes: wf.nodes.map((n) =>
			n.type.endsWith('.hubSpotPartnerCentralTrigger') && !n.parameters.ownAppIds
				? { ...n, parameters: { ...n.parameters, ownAppIds: t.hubspotAppId } }
				: n,
		),
	};
	if (opts.settings) wf = { ...wf, settings: { ...(wf.settings ?? {}), ...opts.settings } };
	if (opts.edit) wf = opts.edit(wf);
	const created = await t.env.api.createWorkflow(wf);
	if (opts.publish) await t.env.api.publishWorkflow(created.id);
	return { id: created.id, json: created };
}

export interface Driver {
	/** Hands the items to the template and waits for it; returns the HTTP status and the template's last output. */
	run(items: Array<Record<string, unknown>>): Promise<{ status: number; body: unknown }>;
	workflowId: string;
}

/** Webhook -> Split Out -> Execute Workflow (the template, passthrough), answering with the last node's items. */
export async function driverFor(t: TemplatesEnv, templateId: string, name: string): Promise<Driver> {
	const path = `t2-drive-${randomUUID()}`;
	const wf: WorkflowJson = {
		name: `Driver: ${name}`,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
			},
			{
				name: 'Template',
				type: 'n8n-nodes-base.executeWorkflow',
				typeVersion: 1.2,
				position: [440, 0],
				parameters: {
					source: 'database',
					workflowId: { __rl: true, value: templateId, mode: 'id' },
					options: { waitForSubWorkflow: true },
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Template', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
	const created = await t.env.api.createWorkflow(wf);
	await t.env.api.publishWorkflow(created.id);
	const url = `${t.env.baseUrl}/webhook/${path}`;
	return {
		workflowId: created.id,
		async run(items) {
			// A just-published webhook answers 404 for a moment until n8n has registered it.
			let r: Response;
			for (let attempt = 0; ; attempt++) {
				r = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ items }),
				});
				if (r.status !== 404 || attempt >= 40) break;
				await r.text();
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
			const text = await r.text();
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				/* keep the text */
			}
			return { status: r.status, body };
		},
	};
}

/** Executions of a workflow once at least `count` exist and are finished. */
export async function executionsOf(t: TemplatesEnv, workflowId: string, count: number, timeoutMs = 30_000): Promise<Execution[]> {
	return await waitFor(
		async () => {
			const all = await t.env.api.executions(workflowId, true);
			return all.length >= count && all.every((e) => e.status !== 'running' && e.status !== 'new') ? all : null;
		},
		{ timeoutMs, intervalMs: 300, what: `${count} finished executions of workflow ${workflowId}` },
	);
}

/** Items a node produced in an execution (first run, main output `output`). */
export function nodeOutput(execution: Execution, node: string, output = 0): Array<Record<string, unknown>> {
	const run = execution.data?.resultData.runData[node]?.[0];
	return (run?.data?.main[output] ?? []).map((i) => i.json);
}

/** An EventBridge event as AWS delivers it through an API destination. */
export function partnerCentralEvent(detailType: string, detail: Record<string, unknown>): Record<string, unknown> {
	return {
		version: '0',
		id: randomUUID(),
		'detail-type': detailType,
		source: 'aws.partnercentral-selling',
		account: '123456789012',
		time: new Date().toISOString(),
		region: 'us-east-1',
		resources: [],
		detail: { schemaVersion: '1', catalog: 'Sandbox', ...detail },
	};
}

/** Posts an event to a published workflow's Partner Central event trigger (retrying while n8n registers it). */
export async function postEvent(url: string, event: Record<string, unknown>): Promise<number> {
	for (let attempt = 0; ; attempt++) {
		const r = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': E2E_EVENT_API_KEY },
			body: JSON.stringify(event),
		});
		await r.text();
		if (r.status !== 404 || attempt >= 40) return r.status;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Prints every execution (workflow, status, last node, error) to help read a failed scenario. */
export async function dumpExecutions(t: TemplatesEnv): Promise<void> {
	const all = await t.env.api.executions(undefined, true);
	for (const e of all) {
		const err = e.data?.resultData.error;
		console.log(
			`execution ${e.id} workflow ${e.workflowId} ${e.mode} ${e.status} last=${e.data?.resultData.lastNodeExecuted ?? ''}` +
				(err ? ` error=${err.message ?? ''} ${err.description ?? ''}` : ''),
		);
	}
}

/**
 * The setup steps a template's note asks for, done as a user does them: values typed into Settings (a name the
 * template's Settings does not have is a mistake in the scenario and fails loudly), and the HubSpot credential picked
 * in any HTTP Request node (n8n cannot preselect a predefined credential there; the shipped templates have none now).
 */
export function configure(values: Record<string, string>, hubspotCredential?: { id: string; name: string }): (wf: WorkflowJson) => WorkflowJson {
	return (wf) => {
		const settings = wf.nodes.find((n) => n.name === 'Settings');
		const known = new Set(((settings?.parameters.assignments as { assignments?: Array<{ name: string }> } | undefined)?.assignments ?? []).map((a) => a.name));
		const unknown = Object.keys(values).filter((k) => !known.has(k));
		if (unknown.length) throw new Error(`"${wf.name}" has no Settings field ${unknown.join(', ')} (it has: ${[...known].join(', ')})`);
		return {
			...wf,
			nodes: wf.nodes.map((n) => {
				if (n.name === 'Settings') {
					const list = (n.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments;
					const assignments = list.map((x) => (x.name in values ? { ...x, value: values[x.name] } : x));
					return { ...n, parameters: { ...n.parameters, assignments: { assignments } } };
				}
				if (n.type === 'n8n-nodes-base.httpRequest' && hubspotCredential) return { ...n, credentials: { hubSpotPartnerCentralApi: hubspotCredential } };
				return n;
			}),
		};
	};
}
