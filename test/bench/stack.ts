/**
 * The benchmark stack: the simulators with their quotas on (one scaled clock), real n8n with the packed package, and
 * the templates imported as shipped with the changes a user makes in the editor (credentials picked, the poll trigger
 * switched on with a backfill date). Unlike the e2e stack (test/e2e/harness/stack.ts), the credentials here carry the
 * pace a user sets for the quota: with the clock running `timeScale` times faster, the scaled quota is
 * `timeScale` writes per real second, and the credential's "Writes per Second" says so.
 */
import * as fs from 'node:fs';

import {
	importAndPublish,
	loadTemplate,
	startN8n,
	webhookUrl,
	withCredentials,
	type N8nEnvironment,
	type NodeTypeInfo,
	type WorkflowJson,
} from '../e2e/harness';
import {
	Admin,
	awsDealPropertiesSeed,
	fillSetupFields,
	SIM_HUBSPOT_TOKEN,
	SIM_PC_ACCESS_KEY,
	SIM_PC_SECRET,
	TEMPLATE_FILES,
	type TemplateKey,
} from '../e2e/harness/stack';
import { SimClock } from '../simulators/common/clock';
import { startHubSpotSimulator, type HubSpotSimulator } from '../simulators/hubspot';
import { startPartnerCentralSimulator, type PartnerCentralSimulator } from '../simulators/partnerCentral';

/**
 * The two simulators, each on its own clock: Partner Central's runs `timeScale` times faster (its quotas are the
 * bottleneck being measured), HubSpot's runs at real speed (its real 10-second and search limits apply as they are)
 * but `hubspotClockLagMs` behind n8n's clock, so that the deals seeded before the run and the sync's own write-backs
 * are older than the poll trigger's look-back and each backfill pass is measured alone (the sync's echo of its own
 * writes is a cost of its own, see docs/benchmarks.md).
 */
export interface BenchSims {
	clock: SimClock;
	hubspotClock: SimClock;
	partnerCentral: PartnerCentralSimulator;
	hubspot: HubSpotSimulator;
	close(): Promise<void>;
}

export async function startBenchSimulators(timeScale: number, hubspotClockLagMs = 0): Promise<BenchSims> {
	const clock = new SimClock(timeScale);
	const hubspotClock = new SimClock(1, Date.now() - hubspotClockLagMs);
	const partnerCentral = await startPartnerCentralSimulator({ port: 0, clock });
	const hubspot = await startHubSpotSimulator({ port: 0, clock: hubspotClock });
	return {
		clock,
		hubspotClock,
		partnerCentral,
		hubspot,
		close: async () => {
			await Promise.all([partnerCentral.close(), hubspot.close()]);
		},
	};
}

export interface BenchStackOptions {
	timeScale: number;
	/** The credential's "Writes per Second" as a fraction of the (scaled) quota; 1 = the credential's default. */
	writePace?: number;
	/** How far HubSpot's clock runs behind n8n's (see BenchSims). */
	hubspotClockLagMs?: number;
	/** Template keys of the e2e stack (TEMPLATE_FILES) or file names in workflows/. */
	templates: Array<TemplateKey | string>;
	adjust?: (key: string, wf: WorkflowJson) => WorkflowJson;
	/** Runs after the simulators start and before n8n does (seed data the first poll must find). */
	beforeN8n?: (sims: BenchSims, admins: { pc: Admin; hubspot: Admin }) => Promise<void>;
	/** Extra n8n environment. */
	env?: Record<string, string>;
	log?: (m: string) => void;
}

export interface BenchStack {
	sims: BenchSims;
	pc: Admin;
	hubspot: Admin;
	n8n: N8nEnvironment;
	nodeTypes: NodeTypeInfo[];
	credentials: Record<string, { id: string; name: string }>;
	workflows: Record<string, { id: string; json: WorkflowJson } | undefined>;
	hubspotWebhookUrl?: string;
	/** Process ids of n8n and its task runner (same process group). */
	n8nPids(): number[];
	stop(): Promise<void>;
}

export async function startBenchStack(opts: BenchStackOptions): Promise<BenchStack> {
	const log = opts.log ?? (() => {});
	const sims = await startBenchSimulators(opts.timeScale, opts.hubspotClockLagMs ?? 0);
	let n8n: N8nEnvironment | undefined;
	try {
		const pc = new Admin(sims.partnerCentral.url);
		const hubspot = new Admin(sims.hubspot.url);
		await hubspot.post('seed', awsDealPropertiesSeed());
		if (opts.beforeN8n) await opts.beforeN8n(sims, { pc, hubspot });
		n8n = await startN8n({ env: opts.env, log });
		const nodeTypes = await n8n.api.nodeTypes();
		const settings = await hubspot.get<{ clientSecret?: string; appId?: string | number }>('webhooks/settings');
		const credentials: Record<string, { id: string; name: string }> = {
			hubSpotPartnerCentralApi: await n8n.api.createCredential('HubSpot (simulator)', 'hubSpotPartnerCentralApi', {
				accessToken: SIM_HUBSPOT_TOKEN,
				clientSecret: settings.clientSecret ?? '',
				baseUrl: sims.hubspot.url,
			}),
			awsPartnerCentralApi: await n8n.api.createCredential('AWS Partner Central (simulator)', 'awsPartnerCentralApi', {
				authentication: 'accessKeys',
				accessKeyId: SIM_PC_ACCESS_KEY,
				secretAccessKey: SIM_PC_SECRET,
				catalog: 'Sandbox',
				region: 'us-east-1',
				endpointUrl: sims.partnerCentral.url,
				// The quota at this clock speed, as a user sets it for their account's quota.
				writesPerSecond: opts.timeScale * (opts.writePace ?? 1),
				readsPerSecond: 10 * opts.timeScale,
			}),
		};
		const workflows: BenchStack['workflows'] = {};
		for (const key of opts.templates) {
			const file = (TEMPLATE_FILES as Record<string, string>)[key] ?? key;
			let wf = withCredentials(loadTemplate(file), nodeTypes, credentials);
			wf = fillSetupFields(wf, { hubspotAppId: String(settings.appId ?? '') });
			if (opts.adjust) wf = opts.adjust(key, wf);
			workflows[key] = await importAndPublish(n8n.api, wf);
			log(`Template "${wf.name}" imported and published (id ${workflows[key]!.id})`);
		}
		let hubspotWebhookUrl: string | undefined;
		const t1 = workflows.hubspotToPartnerCentral;
		if (t1) hubspotWebhookUrl = webhookUrl(n8n.baseUrl, t1.json, 'HubSpot Deal Webhook', nodeTypes);
		const env = n8n;
		return {
			sims,
			pc,
			hubspot,
			n8n: env,
			nodeTypes,
			credentials,
			workflows,
			hubspotWebhookUrl,
			n8nPids: () => groupPids(env),
			async stop() {
				await env.stop();
				await sims.close();
			},
		};
	} catch (error) {
		await n8n?.stop().catch(() => {});
		await sims.close().catch(() => {});
		throw error;
	}
}

/** Pids in n8n's process group (n8n is started detached, so its pid is the group id). */
function groupPids(env: N8nEnvironment): number[] {
	const child = (env.process as unknown as { child?: { pid?: number } }).child;
	const pgid = child?.pid;
	if (!pgid) return [];
	const out: number[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Fields after the command name "(...)": state ppid pgrp ...
			const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(rest[2]) === pgid) out.push(Number(entry));
		} catch {
			// process ended
		}
	}
	return out;
}

/** Resident memory (bytes) of the given processes, summed. */
export function rssBytes(pids: number[]): number {
	let total = 0;
	for (const pid of pids) {
		try {
			const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (m) total += Number(m[1]) * 1024;
		} catch {
			// process ended
		}
	}
	return total;
}

/** Samples the peak resident memory of n8n until stopped. */
export class MemorySampler {
	peak = 0;
	samples: number[] = [];
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly pids: () => number[]) {}

	start(intervalMs = 500): this {
		const take = () => {
			const v = rssBytes(this.pids());
			this.samples.push(v);
			if (v > this.peak) this.peak = v;
		};
		take();
		this.timer = setInterval(take, intervalMs);
		return this;
	}

	stop(): number {
		if (this.timer) clearInterval(this.timer);
		return this.peak;
	}
}
