/**
 * The whole product on one machine: the simulators (Partner Central, HubSpot, SQS) on one scaled clock, real n8n
 * with the packed package, the two credentials pointing at the simulators through their ordinary fields (endpoint
 * URL, base URL), the templates imported unchanged (credentials picked, the webhook trigger's own app ID filled in,
 * as the setup notes ask) and published, and HubSpot's webhook target set to the trigger's production URL.
 * Used by the end-to-end scenarios and by `npm start`.
 */
import * as path from 'node:path';

import { DEAL_PROPERTIES, PROPERTY_GROUP } from '../../../nodes/shared/sync/hubspotProperties';

import { importEveryTemplate, wireDemoEvents, type DemoCredentials, type DemoWorkflow } from './demoTemplates';

import {
	describeExecutions,
	importAndPublish,
	loadTemplate,
	startN8n,
	waitFor,
	webhookUrl,
	withCredentials,
	type N8nEnvironment,
	type NodeTypeInfo,
	type StartN8nOptions,
	type WorkflowJson,
} from './index';

export const TEMPLATE_FILES = {
	hubspotToPartnerCentral: 'hubspot-to-partner-central.json',
	awsReferralsToHubSpot: 'aws-referrals-to-hubspot.json',
} as const;
export type TemplateKey = keyof typeof TEMPLATE_FILES;

/** Default simulator identities (test/simulators README). */
export const SIM_PC_ACCESS_KEY = 'AKIAPCSIMULATOR00001';
export const SIM_PC_SECRET = 'pc-simulator-secret';
export const SIM_HUBSPOT_TOKEN = process.env.HUBSPOT_SIM_TOKEN ?? 'demo-token';

/** What the harness needs from `test/simulators` (loaded at run time: written by another part of the project). */
export interface SimulatorHandle {
	url: string;
	port: number;
	close(): Promise<void>;
}
export interface SimulatorsHandle {
	partnerCentral: SimulatorHandle;
	hubspot: SimulatorHandle;
	sqs?: SimulatorHandle;
	close(): Promise<void>;
	[key: string]: unknown;
}

export async function loadSimulators(): Promise<{
	startSimulators(opts?: Record<string, unknown>): Promise<SimulatorsHandle>;
}> {
	const modulePath = path.resolve(__dirname, '..', '..', 'simulators');
	let mod: { startSimulators?: (opts?: Record<string, unknown>) => Promise<SimulatorsHandle> };
	try {
		mod = (await import(modulePath)) as typeof mod;
	} catch (error) {
		throw new Error(`The simulators (test/simulators/index.ts) could not be loaded: ${(error as Error).message}`);
	}
	if (typeof mod.startSimulators !== 'function') throw new Error('test/simulators/index.ts exports no startSimulators');
	return { startSimulators: mod.startSimulators };
}

/** Small JSON client for a simulator's admin API (`/__admin/...`). */
export class Admin {
	constructor(public readonly baseUrl: string) {}

	async call<T = unknown>(method: string, adminPath: string, body?: unknown): Promise<T> {
		const r = await fetch(`${this.baseUrl}/__admin/${adminPath.replace(/^\//, '')}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await r.text();
		if (!r.ok) throw new Error(`${method} ${this.baseUrl}/__admin/${adminPath} -> ${r.status}: ${text.slice(0, 1000)}`);
		return (text ? JSON.parse(text) : {}) as T;
	}
	get<T = unknown>(p: string): Promise<T> {
		return this.call<T>('GET', p);
	}
	post<T = unknown>(p: string, body: unknown = {}): Promise<T> {
		return this.call<T>('POST', p, body);
	}
	put<T = unknown>(p: string, body: unknown = {}): Promise<T> {
		return this.call<T>('PUT', p, body);
	}
	del<T = unknown>(p: string): Promise<T> {
		return this.call<T>('DELETE', p);
	}
}

export interface RealAccounts {
	hubspot?: { accessToken: string; clientSecret?: string; baseUrl?: string; appId?: string };
	aws?: {
		accessKeyId?: string;
		secretAccessKey?: string;
		sessionToken?: string;
		roleArn?: string;
		externalId?: string;
		catalog?: string;
		region?: string;
	};
}

/** Real-account settings from the environment (documented in docs/templates.md). */
export function realAccountsFromEnv(env: NodeJS.ProcessEnv = process.env): RealAccounts {
	const out: RealAccounts = {};
	if (env.HUBSPOT_ACCESS_TOKEN) {
		out.hubspot = {
			accessToken: env.HUBSPOT_ACCESS_TOKEN,
			clientSecret: env.HUBSPOT_CLIENT_SECRET,
			baseUrl: env.HUBSPOT_BASE_URL,
			appId: env.HUBSPOT_APP_ID,
		};
	}
	if (env.AWS_PC_ACCESS_KEY_ID || env.AWS_PC_ROLE_ARN) {
		out.aws = {
			accessKeyId: env.AWS_PC_ACCESS_KEY_ID,
			secretAccessKey: env.AWS_PC_SECRET_ACCESS_KEY,
			sessionToken: env.AWS_PC_SESSION_TOKEN,
			roleArn: env.AWS_PC_ROLE_ARN,
			externalId: env.AWS_PC_EXTERNAL_ID,
			catalog: env.AWS_PC_CATALOG ?? 'Sandbox',
			region: env.AWS_PC_REGION ?? 'us-east-1',
		};
	}
	return out;
}

export interface StackOptions extends StartN8nOptions {
	/** Simulated seconds per real second (quotas, review delays, task durations). */
	timeScale?: number;
	/** Which templates to import and publish (default: both). */
	templates?: TemplateKey[];
	/** Seed the simulators with the demo portal (see seedDemo). */
	demo?: boolean;
	/** Real accounts instead of the simulators (npm start only). */
	real?: RealAccounts;
	/** Simulator ports (npm start uses the documented defaults; tests use free ports). */
	simulatorPorts?: { partnerCentral?: number; hubspot?: number; sqs?: number };
	/** `npm start`: a template that cannot be published is left imported with a warning instead of failing. */
	publishFailuresAreWarnings?: boolean;
	/** Change a template before import, as a user would in the editor (e.g. Settings values). */
	adjust?: (key: TemplateKey, wf: WorkflowJson) => WorkflowJson;
	/**
	 * `npm start`: import every template in workflows/, wired together (error workflow, sub-workflow ids, all
	 * credentials) instead of only `templates` (see demoTemplates.ts). Off by default: the e2e tests import their own.
	 */
	allTemplates?: boolean;
}

export interface Stack {
	n8n: N8nEnvironment;
	sims?: SimulatorsHandle;
	pc?: Admin;
	hubspot?: Admin;
	nodeTypes: NodeTypeInfo[];
	credentials: Record<string, { id: string; name: string }>;
	workflows: Partial<Record<TemplateKey, { id: string; json: WorkflowJson }>>;
	/** Production URL of the HubSpot webhook trigger of template 1. */
	hubspotWebhookUrl?: string;
	/** With `allTemplates`: every template in import order, its n8n id and whether it is published (and why not). */
	demoWorkflows?: DemoWorkflow[];
	/** With `allTemplates`: the extra credentials' secrets (event API key, status page header). */
	demoCredentials?: DemoCredentials;
	/** With `allTemplates`: production URL of the sync status page. */
	statusPageUrl?: string;
	stop(): Promise<void>;
}

const HUBSPOT_APP_ID_FALLBACK = '';

/** The deal properties docs/hubspot-triggers.md tells users to subscribe to (never the ones the sync writes). */
export const WATCHED_DEAL_PROPERTIES = [
	'dealname',
	'dealstage',
	'pipeline',
	'amount',
	'closedate',
	'hubspot_owner_id',
	'description',
	'deal_currency_code',
	'aws_submit_request',
	'aws_referral_decision',
	'aws_referral_rejection_reason',
	'aws_solution_ids',
	'aws_industry',
	'aws_delivery_models',
	'aws_primary_needs',
	'aws_use_case',
	'aws_sales_activities',
	'aws_opportunity_type',
	'aws_origin',
	'aws_national_security',
	'aws_expected_spend',
	'aws_competitor',
	'aws_closed_lost_reason',
	'aws_involvement_type',
	'aws_visibility',
];

/** Starts everything; on failure stops what was started. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
	const log = opts.log ?? (() => {});
	const real = opts.real ?? {};
	let sims: SimulatorsHandle | undefined;
	let n8n: N8nEnvironment | undefined;
	try {
		if (!real.hubspot || !real.aws) {
			const { startSimulators } = await loadSimulators();
			sims = await startSimulators({ timeScale: opts.timeScale ?? 1, ports: opts.simulatorPorts });
			log(`Simulators: Partner Central ${sims.partnerCentral.url}, HubSpot ${sims.hubspot.url}`);
		}
		const pc = sims && !real.aws ? new Admin(sims.partnerCentral.url) : undefined;
		const hubspot = sims && !real.hubspot ? new Admin(sims.hubspot.url) : undefined;
		// Setup step of every install: the aws_* deal properties exist (HubSpot node "Property > Ensure").
		if (hubspot) await hubspot.post('seed', awsDealPropertiesSeed());
		// The AWS referral now; the HubSpot deals once the sync is published (below), so their events reach it.
		if (opts.demo && pc) await seedDemo({ pc }, log);

		n8n = await startN8n(opts);
		const nodeTypes = await n8n.api.nodeTypes();

		// Credentials, through the ordinary fields a user fills in.
		const credentials: Record<string, { id: string; name: string }> = {};
		let hubspotAppId = real.hubspot?.appId ?? HUBSPOT_APP_ID_FALLBACK;
		if (real.hubspot) {
			credentials.hubSpotPartnerCentralApi = await n8n.api.createCredential('HubSpot', 'hubSpotPartnerCentralApi', {
				accessToken: real.hubspot.accessToken,
				clientSecret: real.hubspot.clientSecret ?? '',
				...(real.hubspot.baseUrl ? { baseUrl: real.hubspot.baseUrl } : {}),
			});
		} else if (hubspot && sims) {
			const settings = await hubspot.get<{ clientSecret?: string; appId?: string | number }>('webhooks/settings');
			hubspotAppId = String(settings.appId ?? hubspotAppId);
			credentials.hubSpotPartnerCentralApi = await n8n.api.createCredential(
				'HubSpot (simulator)',
				'hubSpotPartnerCentralApi',
				{ accessToken: SIM_HUBSPOT_TOKEN, clientSecret: settings.clientSecret ?? '', baseUrl: sims.hubspot.url },
			);
		}
		if (real.aws) {
			const a = real.aws;
			credentials.awsPartnerCentralApi = await n8n.api.createCredential(
				'AWS Partner Central',
				'awsPartnerCentralApi',
				a.roleArn
					? {
							authentication: 'assumeRole',
							roleArn: a.roleArn,
							externalId: a.externalId ?? '',
							sourceCredentials: a.accessKeyId ? 'accessKeys' : 'hostChain',
							...(a.accessKeyId ? { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey ?? '' } : {}),
							catalog: a.catalog,
							region: a.region,
						}
					: {
							authentication: 'accessKeys',
							accessKeyId: a.accessKeyId ?? '',
							secretAccessKey: a.secretAccessKey ?? '',
							...(a.sessionToken ? { sessionToken: a.sessionToken } : {}),
							catalog: a.catalog,
							region: a.region,
						},
			);
		} else if (sims) {
			credentials.awsPartnerCentralApi = await n8n.api.createCredential(
				'AWS Partner Central (simulator)',
				'awsPartnerCentralApi',
				{
					authentication: 'accessKeys',
					accessKeyId: SIM_PC_ACCESS_KEY,
					secretAccessKey: SIM_PC_SECRET,
					catalog: 'Sandbox',
					region: 'us-east-1',
					endpointUrl: sims.partnerCentral.url,
				},
			);
		}

		// Templates: imported as shipped, credentials picked, setup-note fields filled, published.
		const workflows: Stack['workflows'] = {};
		let demo: { list: DemoWorkflow[]; creds: DemoCredentials } | undefined;
		if (opts.allTemplates) {
			const portalId = hubspot
				? String((await hubspot.get<{ portalId?: number }>('webhooks/settings')).portalId ?? '')
				: process.env.HUBSPOT_PORTAL_ID;
			demo = await importEveryTemplate({
				n8n,
				nodeTypes,
				credentials,
				hubspotApiUrl: real.hubspot ? (real.hubspot.baseUrl ?? 'https://api.hubapi.com') : (sims?.hubspot.url ?? ''),
				hubspotPortalId: portalId,
				hubspotAppId,
				prepare: (file, wf) => {
					const key = (Object.keys(TEMPLATE_FILES) as TemplateKey[]).find((k) => TEMPLATE_FILES[k] === file);
					if (!key) return wf;
					let out = fillSetupFields(wf, { hubspotAppId });
					if (opts.demo && key === 'awsReferralsToHubSpot')
						out = withBackfill(out, new Date(Date.now() - 86_400_000).toISOString());
					return opts.adjust ? opts.adjust(key, out) : out;
				},
				log,
			});
			for (const key of Object.keys(TEMPLATE_FILES) as TemplateKey[]) {
				const found = demo.list.find((d) => d.file === TEMPLATE_FILES[key]);
				if (found) workflows[key] = { id: found.id, json: found.json };
			}
		}
		// Without allTemplates (every e2e test): the core templates as before.
		for (const key of opts.allTemplates ? [] : (opts.templates ?? (Object.keys(TEMPLATE_FILES) as TemplateKey[]))) {
			let wf = withCredentials(loadTemplate(TEMPLATE_FILES[key]), nodeTypes, credentials);
			wf = fillSetupFields(wf, { hubspotAppId });
			if (opts.demo && key === 'awsReferralsToHubSpot')
				wf = withBackfill(wf, new Date(Date.now() - 86_400_000).toISOString());
			if (opts.adjust) wf = opts.adjust(key, wf);
			if (opts.publishFailuresAreWarnings) {
				const imported = await importAndPublish(n8n.api, wf, { publish: false });
				workflows[key] = imported;
				try {
					await n8n.api.publishWorkflow(imported.id);
					log(`Template "${wf.name}" imported and published (id ${imported.id})`);
				} catch (error) {
					log(
						`WARNING: template "${wf.name}" imported (id ${imported.id}) but NOT published: ${(error as Error).message}`,
					);
				}
			} else {
				workflows[key] = await importAndPublish(n8n.api, wf);
				log(`Template "${wf.name}" imported and published (id ${workflows[key]!.id})`);
			}
		}

		let hubspotWebhookUrl: string | undefined;
		const t1 = workflows.hubspotToPartnerCentral;
		if (t1) {
			hubspotWebhookUrl = webhookUrl(n8n.baseUrl, t1.json, 'HubSpot Deal Webhook', nodeTypes);
			// n8n registers production webhooks a moment after the publish call returns.
			if (!t1.json.nodes.find((n) => n.name === 'HubSpot Deal Webhook')?.disabled)
				await waitForWebhook(hubspotWebhookUrl);
			if (hubspot) {
				await hubspot.put('webhooks/settings', { targetUrl: hubspotWebhookUrl });
				await hubspot.del('webhooks/subscriptions');
				await hubspot.post('webhooks/subscriptions', { eventType: 'deal.creation', active: true });
				for (const p of WATCHED_DEAL_PROPERTIES)
					await hubspot.post('webhooks/subscriptions', {
						eventType: 'deal.propertyChange',
						propertyName: p,
						active: true,
					});
			}
		}
		const wired = demo
			? await wireDemoEvents({ n8n, nodeTypes, list: demo.list, creds: demo.creds, hubspot, pc, log, waitForWebhook })
			: undefined;
		if (opts.demo && hubspot) await seedDemo({ hubspot }, log);

		const started = { sims, n8n };
		return {
			n8n,
			sims,
			pc,
			hubspot,
			nodeTypes,
			credentials,
			workflows,
			hubspotWebhookUrl,
			demoWorkflows: demo?.list,
			demoCredentials: demo?.creds,
			statusPageUrl: wired?.statusPageUrl,
			async stop() {
				await started.n8n.stop();
				await started.sims?.close();
			},
		};
	} catch (error) {
		await n8n?.stop().catch(() => {});
		await sims?.close().catch(() => {});
		throw error;
	}
}

/** Waits until n8n answers on a production webhook URL (anything but 404; an unsigned probe starts no execution). */
export async function waitForWebhook(url: string, timeoutMs = 60_000): Promise<void> {
	await waitFor(
		async () => {
			const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
			await r.text();
			return r.status !== 404;
		},
		{ what: `webhook ${url} registered`, timeoutMs, intervalMs: 250 },
	);
}

/** The fields the templates' setup notes ask the user to fill in. */
export function fillSetupFields(wf: WorkflowJson, values: { hubspotAppId?: string }): WorkflowJson {
	return {
		...wf,
		nodes: wf.nodes.map((n) =>
			n.name === 'HubSpot Deal Webhook' && values.hubspotAppId
				? { ...n, parameters: { ...n.parameters, ownAppIds: values.hubspotAppId } }
				: n,
		),
	};
}

/** Sets the AWS Referral Poll's "Backfill Start" so referrals that arrived before publishing are picked up. */
export function withBackfill(wf: WorkflowJson, fromIso: string): WorkflowJson {
	return {
		...wf,
		nodes: wf.nodes.map((n) =>
			n.name === 'AWS Referral Poll'
				? {
						...n,
						parameters: {
							...n.parameters,
							options: { ...((n.parameters.options as object) ?? {}), backfillFrom: fromIso },
						},
					}
				: n,
		),
	};
}

/** Changes one assignment of a template's Settings node (what ops would edit). */
export function withSetting(wf: WorkflowJson, name: string, value: unknown): WorkflowJson {
	return {
		...wf,
		nodes: wf.nodes.map((n) => {
			if (n.name !== 'Settings') return n;
			const params = n.parameters as { assignments: { assignments: Array<{ name: string; value: unknown }> } };
			const list = params.assignments.assignments.map((a) => (a.name === name ? { ...a, value } : a));
			if (!list.some((a) => a.name === name)) throw new Error(`Settings has no ${name}`);
			return { ...n, parameters: { ...n.parameters, assignments: { assignments: list } } };
		}),
	};
}

/**
 * The demo portal: a few tagged and untagged deals with companies and contacts in HubSpot, and one pending AWS
 * referral in Partner Central. Uses the simulators' seed endpoints.
 */
export async function seedDemo(
	admins: { pc?: Admin; hubspot?: Admin },
	log: (m: string) => void = () => {},
): Promise<void> {
	if (admins.hubspot) {
		// With change events, so the published sync sees the deals as if reps had just entered them (source IMPORT).
		await admins.hubspot.post('seed', { ...DEMO_HUBSPOT_SEED, emitEvents: true });
		log('HubSpot simulator seeded with the demo deals');
	}
	if (admins.pc) {
		await admins.pc.post('invitations', DEMO_PC_REFERRAL);
		log('Partner Central simulator seeded with one pending AWS referral');
	}
}

/** The package's aws_* deal properties, as the HubSpot node's "Property > Ensure" would create them. */
export function awsDealPropertiesSeed(): Record<string, unknown> {
	return {
		propertyGroups: { deals: [PROPERTY_GROUP] },
		properties: {
			deals: DEAL_PROPERTIES.map((d) => ({
				name: d.name,
				label: d.label,
				type: d.type,
				fieldType: d.fieldType,
				groupName: PROPERTY_GROUP.name,
				description: d.description,
				hasUniqueValue: d.hasUniqueValue ?? false,
				...(d.options ? { options: d.options.map((o) => ({ label: o, value: o })) } : {}),
			})),
		},
	};
}

export const DEMO_HUBSPOT_SEED = {
	objects: {
		companies: [
			{
				ref: 'acme',
				properties: {
					name: 'Acme Logistics',
					domain: 'acme-logistics.example',
					industry: 'TRANSPORTATION_TRUCKING_RAILROAD',
					country: 'United States',
					state: 'Washington',
					city: 'Seattle',
					zip: '98101',
					address: '400 Pine St',
				},
			},
			{
				ref: 'globex',
				properties: {
					name: 'Globex Health',
					domain: 'globex-health.example',
					industry: 'HOSPITAL_HEALTH_CARE',
					country: 'Germany',
					city: 'Berlin',
					zip: '10115',
					address: 'Invalidenstrasse 1',
				},
			},
			{
				ref: 'initech',
				properties: {
					name: 'Initech Software',
					domain: 'initech.example',
					industry: 'COMPUTER_SOFTWARE',
					country: 'United States',
					state: 'Texas',
					city: 'Austin',
					zip: '73301',
				},
			},
		],
		contacts: [
			{
				ref: 'jane',
				properties: {
					firstname: 'Jane',
					lastname: 'Doe',
					email: 'jane.doe@acme-logistics.example',
					phone: '+1 206 555 0100',
					jobtitle: 'CTO',
				},
				associations: [{ to: 'acme', primary: true }],
			},
			{
				ref: 'max',
				properties: {
					firstname: 'Max',
					lastname: 'Mustermann',
					email: 'max@globex-health.example',
					phone: '+49 30 1234567',
					jobtitle: 'Head of IT',
				},
				associations: [{ to: 'globex', primary: true }],
			},
			{
				ref: 'peter',
				properties: { firstname: 'Peter', lastname: 'Gibbons', email: 'peter@initech.example', jobtitle: 'Engineer' },
				associations: [{ to: 'initech', primary: true }],
			},
		],
		deals: [
			{
				ref: 'acme-migration',
				properties: {
					dealname: '#AWS Acme Logistics data platform migration',
					dealstage: 'qualifiedtobuy',
					pipeline: 'default',
					amount: '240000',
					closedate: '2027-03-31',
					description:
						'Move the on-premises logistics data warehouse and route planning to AWS to cut batch times from hours to minutes.',
					aws_use_case: 'Migration/Database Migration',
					aws_delivery_models: 'Professional Services;Managed Services',
				},
				associations: [{ to: 'acme', primary: true }, { to: 'jane' }],
			},
			{
				ref: 'globex-analytics',
				properties: {
					dealname: '#AWS Globex patient analytics',
					dealstage: 'appointmentscheduled',
					pipeline: 'default',
					amount: '90000',
					closedate: '2027-06-30',
					description: 'Short',
				},
				associations: [{ to: 'globex', primary: true }, { to: 'max' }],
			},
			{
				ref: 'initech-support',
				properties: {
					dealname: 'Initech support renewal',
					dealstage: 'contractsent',
					pipeline: 'default',
					amount: '12000',
					closedate: '2027-01-15',
					description: 'Yearly support renewal, not a co-sell deal.',
				},
				associations: [{ to: 'initech', primary: true }, { to: 'peter' }],
			},
		],
	},
};

/** One pending AWS referral (engagement invitation), as AWS would send it (simulator "AWS side" action). */
export const DEMO_PC_REFERRAL = {
	catalog: 'Sandbox',
	opportunity: {
		Customer: {
			Account: {
				CompanyName: 'Umbrella Retail',
				WebsiteUrl: 'https://umbrella-retail.example',
				Industry: 'Retail',
				Address: { CountryCode: 'US', City: 'Chicago', PostalCode: '60601', StateOrRegion: 'Illinois' },
			},
			Contacts: [
				{ Email: 'ops@umbrella-retail.example', FirstName: 'Olivia', LastName: 'Park', BusinessTitle: 'VP Operations' },
			],
		},
		Project: {
			Title: 'Umbrella Retail e-commerce modernization',
			CustomerBusinessProblem:
				'The customer runs its web shop on ageing servers and wants to move to containers on AWS before the holiday season.',
			ExpectedCustomerSpend: [{ Amount: '15000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
		},
		LifeCycle: { TargetCloseDate: '2027-05-31' },
	},
	senderContacts: [
		{ Email: 'sam.seller@amazon.example', FirstName: 'Sam', LastName: 'Seller', BusinessTitle: 'AWSSalesRep' },
	],
};

/** A call to the HubSpot simulator's public API with the simulator token (what a HubSpot client would see). */
export async function hubspotCall<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
	const r = await fetch(`${baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${SIM_HUBSPOT_TOKEN}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!r.ok) throw new Error(`${method} ${path} -> ${r.status} ${await r.text()}`);
	return (await r.json()) as T;
}

/** Changes the parameters of one node of a workflow (what a user does in the node's panel). */
export function withNodeParameters(
	wf: WorkflowJson,
	nodeName: string,
	change: (parameters: Record<string, unknown>) => Record<string, unknown>,
): WorkflowJson {
	if (!wf.nodes.some((n) => n.name === nodeName)) throw new Error(`${wf.name} has no node ${nodeName}`);
	return { ...wf, nodes: wf.nodes.map((n) => (n.name === nodeName ? { ...n, parameters: change(n.parameters) } : n)) };
}

/** A schedule trigger's rule: every `seconds` seconds. */
export const everySeconds = (seconds: number) => ({
	rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] },
});

/** End of a scenario file: print the latest executions of the workflow (for failure reports), then stop. */
export async function stopWithReport(stack: Stack | undefined, workflowId: string | undefined): Promise<void> {
	if (!stack) return;
	if (workflowId) {
		const report = await describeExecutions(stack.n8n.api, workflowId, 12).catch((e) => String(e));
		console.log(`Latest executions:\n${report}`);
	}
	await stack.stop();
}
