/**
 * `npm start` with every template: what a user does after importing all of `workflows/` by hand, done for them.
 * Error handling first (every other template names it as its error workflow: the shipped id is replaced by the id
 * n8n gave it), sub-workflow ids typed into Settings, each credential picked (also in HTTP Request nodes and on the
 * status page's webhook), URLs pointed at the simulators, then each one published when it can run here; the others
 * stay imported with the reason. Only the demo uses this; the end-to-end tests import the templates they need.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { loadTemplate, webhookUrl, withCredentials, type N8nEnvironment, type NodeTypeInfo } from './index';
import type { N8nApi, WorkflowJson, WorkflowNode } from './n8nApi';
import { REPO_ROOT } from './packageInstall';

/** Import order: what another template points at comes before it. Files not listed follow, alphabetically. */
export const DEMO_TEMPLATE_ORDER = [
	'error-handling.json',
	'partner-central-to-hubspot.json',
	'reconciliation.json',
	'hubspot-to-partner-central.json',
	'aws-referrals-to-hubspot.json',
	'submit-to-aws.json',
	'company-contact-changes.json',
	'deal-deleted-or-lost.json',
	'aws-resources-and-activity.json',
	'setup.json',
	'sync-status-page.json',
];

/** Settings fields that hold another template's workflow id (the setup notes ask to copy it there). */
export const WORKFLOW_ID_SETTINGS: Record<string, string> = {
	reconciliationWorkflowId: 'reconciliation.json',
	partnerCentralToHubSpotWorkflowId: 'partner-central-to-hubspot.json',
	errorWorkflowId: 'error-handling.json',
};

/** What the demo user should know about a published template that no outside event starts. */
const PUBLISHED_NOTE: Record<string, string> = {
	'error-handling.json': 'n8n runs it when another template fails',
	'setup.json': 'run it once by hand: open it and click Execute workflow',
	'reconciliation.json': 'scheduled nightly at 02:00; to run it now, open it and click Execute workflow',
};

/** Why a template is left unpublished when n8n refuses to publish it (shown next to n8n's own message). */
const UNPUBLISHED_REASON: Record<string, string> = {
	'error-handling.json': 'n8n starts an error workflow itself when another workflow fails; it needs no publishing',
	'setup.json': 'run it once by hand: open it and click Execute workflow',
};

export function templateFiles(): string[] {
	const all = fs
		.readdirSync(path.join(REPO_ROOT, 'workflows'))
		.filter((f) => f.endsWith('.json'))
		.sort();
	const rank = (f: string) => {
		const i = DEMO_TEMPLATE_ORDER.indexOf(f);
		return i < 0 ? DEMO_TEMPLATE_ORDER.length : i;
	};
	return all.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface DemoCredentials {
	/** Credentials by type (awsPartnerCentralApi, hubSpotPartnerCentralApi, ...). */
	byType: Record<string, { id: string; name: string }>;
	eventApiKey: { headerName: string; value: string };
	statusPageKey: { headerName: string; value: string };
}

/** The credentials the other templates need on top of the two main ones (random secrets, printed by the demo). */
export async function createDemoCredentials(
	api: N8nApi,
	baseUrl: string,
	main: Record<string, { id: string; name: string }>,
): Promise<DemoCredentials> {
	const eventApiKey = {
		headerName: 'X-Api-Key',
		value: randomBytes(18).toString('hex'),
	};
	const statusPageKey = {
		headerName: 'X-Status-Key',
		value: randomBytes(18).toString('hex'),
	};
	const byType = { ...main };
	byType.partnerCentralEventWebhookApi = await api.createCredential(
		'Partner Central events (EventBridge API destination)',
		'partnerCentralEventWebhookApi',
		{
			authType: 'apiKey',
			headerName: eventApiKey.headerName,
			apiKey: eventApiKey.value,
		},
	);
	byType.n8nApi = await api.createCredential('n8n API (this n8n)', 'n8nApi', {
		apiKey: api.apiKey,
		baseUrl: `${baseUrl}/api/v1`,
	});
	byType.httpHeaderAuth = await api.createCredential('Sync status page key', 'httpHeaderAuth', {
		name: statusPageKey.headerName,
		value: statusPageKey.value,
	});
	return { byType, eventApiKey, statusPageKey };
}

/** Replaces every occurrence of the shipped workflow ids in the template's strings (error workflow, references). */
export function replaceIds<T>(value: T, ids: Map<string, string>): T {
	if (!ids.size) return value;
	if (typeof value === 'string') {
		let s: string = value;
		for (const [from, to] of ids) s = s.split(from).join(to);
		return s as T;
	}
	if (Array.isArray(value)) return value.map((v) => replaceIds(v, ids)) as T;
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceIds(v, ids)])) as T;
	return value;
}

export interface DemoSettingsValues {
	hubspotApiUrl: string;
	n8nUrl: string;
	hubspotPortalId?: string;
	hubspotAppId?: string;
	/** Real workflow id by template file (those imported so far). */
	workflowIds: Map<string, string>;
}

/**
 * The setup steps of a template's notes: Settings values (sub-workflow ids, URLs, portal id), credentials in the
 * HTTP Request nodes and on a header-protected webhook, the HubSpot app id in webhook triggers. Returns the
 * workflow and the Settings fields left empty that name a workflow not imported (for the printout).
 */
export function fillDemoSetup(
	wf: WorkflowJson,
	creds: Record<string, { id: string; name: string }>,
	values: DemoSettingsValues,
): { wf: WorkflowJson; missing: string[] } {
	const missing: string[] = [];
	const settingValue = (name: string, current: unknown): unknown => {
		const file = WORKFLOW_ID_SETTINGS[name];
		if (file) {
			const id = values.workflowIds.get(file);
			if (id) return id;
			missing.push(`${name} (${file} not imported)`);
			return current;
		}
		if (name === 'hubspotApiUrl') return values.hubspotApiUrl;
		if (name === 'n8nUrl') return values.n8nUrl;
		if (name === 'hubspotPortalId' && values.hubspotPortalId && !current) return values.hubspotPortalId;
		return current;
	};
	const nodes = wf.nodes.map((n): WorkflowNode => {
		if (n.name === 'Settings' && n.type === 'n8n-nodes-base.set') {
			const params = n.parameters as {
				assignments?: { assignments?: Array<{ name: string; value: unknown }> };
			};
			const list = params.assignments?.assignments ?? [];
			const assignments = list.map((a) => ({
				...a,
				value: settingValue(a.name, a.value),
			}));
			return {
				...n,
				parameters: {
					...n.parameters,
					assignments: { ...params.assignments, assignments },
				},
			};
		}
		if (n.type === 'n8n-nodes-base.httpRequest') {
			const type = String(n.parameters.nodeCredentialType ?? '');
			if (n.parameters.authentication === 'predefinedCredentialType' && creds[type])
				return { ...n, credentials: { [type]: creds[type] } };
			return withoutCredentials(n);
		}
		if (n.type === 'n8n-nodes-base.webhook')
			return n.parameters.authentication === 'headerAuth' && creds.httpHeaderAuth
				? { ...n, credentials: { httpHeaderAuth: creds.httpHeaderAuth } }
				: withoutCredentials(n);
		if (n.type.endsWith('.hubSpotPartnerCentralTrigger') && values.hubspotAppId && !n.parameters.ownAppIds)
			return {
				...n,
				parameters: { ...n.parameters, ownAppIds: values.hubspotAppId },
			};
		return n;
	});
	return { wf: { ...wf, nodes }, missing };
}

function withoutCredentials(n: WorkflowNode): WorkflowNode {
	const copy = { ...n };
	delete copy.credentials;
	return copy;
}

export interface DemoWorkflow {
	file: string;
	name: string;
	id: string;
	json: WorkflowJson;
	published: boolean;
	/** Why it is not published, or what else the user should know. */
	note?: string;
}

/** Publishes, or explains why not. */
export async function publishOrExplain(
	api: N8nApi,
	file: string,
	id: string,
): Promise<{ published: boolean; note?: string }> {
	try {
		await api.publishWorkflow(id);
		return { published: true, note: PUBLISHED_NOTE[file] };
	} catch (error) {
		const message = (error as Error).message.replace(/\s+/g, ' ').slice(0, 300);
		const why = UNPUBLISHED_REASON[file];
		return {
			published: false,
			note: why ? `${why} (n8n: ${message})` : `n8n refused to publish it: ${message}`,
		};
	}
}

/** The HubSpot Partner Central Trigger's webhook subscriptions a template's node asks for (simulator admin form). */
export function hubspotSubscriptionsFor(node: WorkflowNode): Array<{ eventType: string; propertyName?: string }> {
	const objects = (node.parameters.objectTypes as string[] | undefined) ?? ['deal'];
	const actions = (node.parameters.actions as string[] | undefined) ?? [];
	const props = String(node.parameters.propertyNames ?? '')
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	const out: Array<{ eventType: string; propertyName?: string }> = [];
	for (const o of objects)
		for (const a of actions) {
			if (a === 'propertyChange')
				for (const p of props) out.push({ eventType: `${o}.propertyChange`, propertyName: p });
			else out.push({ eventType: `${o}.${a}` });
		}
	return out;
}

/** Imports every template in order, wired as the setup notes ask, and publishes what can run. */
export async function importEveryTemplate(args: {
	n8n: N8nEnvironment;
	nodeTypes: NodeTypeInfo[];
	credentials: Record<string, { id: string; name: string }>;
	hubspotApiUrl: string;
	hubspotPortalId?: string;
	hubspotAppId?: string;
	/** Per-template changes the caller makes before import (core templates: webhook app id, backfill). */
	prepare?: (file: string, wf: WorkflowJson) => WorkflowJson;
	log: (m: string) => void;
}): Promise<{ list: DemoWorkflow[]; creds: DemoCredentials }> {
	const { n8n, log } = args;
	const creds = await createDemoCredentials(n8n.api, n8n.baseUrl, args.credentials);
	const byShippedId = new Map<string, string>();
	const workflowIds = new Map<string, string>();
	const list: DemoWorkflow[] = [];
	for (const file of templateFiles()) {
		const shipped = loadTemplate(file);
		let wf = withCredentials(replaceIds(shipped, byShippedId), args.nodeTypes, creds.byType);
		const filled = fillDemoSetup(wf, creds.byType, {
			hubspotApiUrl: args.hubspotApiUrl,
			n8nUrl: n8n.baseUrl,
			hubspotPortalId: args.hubspotPortalId,
			hubspotAppId: args.hubspotAppId,
			workflowIds,
		});
		wf = args.prepare ? args.prepare(file, filled.wf) : filled.wf;
		const created = await n8n.api.createWorkflow(wf);
		if (typeof shipped.id === 'string' && shipped.id) byShippedId.set(shipped.id, created.id);
		workflowIds.set(file, created.id);
		const state = await publishOrExplain(n8n.api, file, created.id);
		const notes = [state.note, filled.missing.length ? `Settings left empty: ${filled.missing.join(', ')}` : '']
			.filter(Boolean)
			.join('; ');
		list.push({
			file,
			name: wf.name,
			id: created.id,
			json: created,
			published: state.published,
			note: notes || undefined,
		});
		log(
			`Template "${wf.name}" (${file}) imported, id ${created.id}, ${state.published ? 'published' : 'NOT published'}`,
		);
	}
	return { list, creds };
}

/** Minimal admin client shape (stack.ts Admin). */
interface AdminLike {
	post<T = unknown>(p: string, body?: unknown): Promise<T>;
}

/**
 * The event routes a user configures outside n8n, done on the simulators: HubSpot subscriptions for each published
 * template's HubSpot webhook (each template as its own HubSpot app target, like separate private apps; the core
 * template's subscriptions are set by stack.ts), and an EventBridge API destination (a simulator event sink) for each
 * published Partner Central event trigger in webhook mode. Returns the status page URL.
 */
export async function wireDemoEvents(args: {
	n8n: N8nEnvironment;
	nodeTypes: NodeTypeInfo[];
	list: DemoWorkflow[];
	creds: DemoCredentials;
	hubspot?: AdminLike;
	pc?: AdminLike;
	log: (m: string) => void;
	/** Resolves once n8n has registered a just-published production webhook (stack.ts waitForWebhook). */
	waitForWebhook: (url: string) => Promise<void>;
}): Promise<{ statusPageUrl?: string }> {
	const { n8n, list, log } = args;
	let statusPageUrl: string | undefined;
	for (const d of list) {
		for (const node of d.json.nodes) {
			if (node.disabled) continue;
			if (node.type === 'n8n-nodes-base.webhook' && node.parameters.authentication === 'headerAuth')
				statusPageUrl = `${n8n.baseUrl}/webhook/${String(node.parameters.path ?? '').replace(/^\//, '')}`;
			if (!d.published) continue;
			if (node.type.endsWith('.hubSpotPartnerCentralTrigger') && d.file !== 'hubspot-to-partner-central.json') {
				const url = webhookUrl(n8n.baseUrl, d.json, node.name, args.nodeTypes);
				await args.waitForWebhook(url);
				if (!args.hubspot) {
					d.note = [d.note, `HubSpot webhook URL for your app: ${url}`].filter(Boolean).join('; ');
					continue;
				}
				for (const sub of hubspotSubscriptionsFor(node))
					await args.hubspot.post('webhooks/subscriptions', {
						...sub,
						active: true,
						targetUrl: url,
					});
				log(`HubSpot simulator sends ${hubspotSubscriptionsFor(node).length} subscription(s) to "${d.name}"`);
			}
			if (node.type.endsWith('.awsPartnerCentralEventTrigger') && node.parameters.mode === 'webhook') {
				const url = webhookUrl(n8n.baseUrl, d.json, node.name, args.nodeTypes);
				await args.waitForWebhook(url);
				if (!args.pc) {
					d.note = [d.note, `EventBridge API destination: ${url}`].filter(Boolean).join('; ');
					continue;
				}
				const key = args.creds.eventApiKey;
				await args.pc.post('events/sinks', {
					type: 'http',
					url,
					headers: { [key.headerName]: key.value },
					detailTypes: node.parameters.detailTypes,
				});
				log(
					`Partner Central simulator sends ${(node.parameters.detailTypes as string[] | undefined)?.length ?? 'all'} event type(s) to "${d.name}"`,
				);
			}
		}
	}
	return { statusPageUrl };
}
