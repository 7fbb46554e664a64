/**
 * Benchmark 5 (issue 9), reconciliation: N opportunities against N linked deals in the simulators, the shipped
 * "reconciliation" template on real n8n (with "AWS Partner Central to HubSpot" as its sub-workflow), measured per run:
 * wall time, calls per side, writes, and n8n's peak resident memory growth over the run (target <= 256 MB at 10,000).
 *
 *   npm run bench:reconciliation -- [--sizes 1000,5000,10000] [--time-scale 10] [--drift 0.01] [--batch-size 100]
 *                                      [--n8n-heap-mb 1024]
 *
 * The data is seeded in step (as after earlier syncs: fingerprints and shared-field snapshots on the deals), then a
 * fraction `drift` of the pairs is changed (half: the close date in HubSpot; half: the close date in Partner Central),
 * so a run does the work of a real night. Sizes run one after the other on the same n8n (each adds deals and
 * opportunities to reach the next size); each run's memory growth is its peak minus the resident memory just before.
 * Partner Central's clock runs `time-scale` times faster and the credential's pace is scaled alike: ratios are to
 * the scaled quota. Writes test/bench/results/reconciliation.json and prints a table.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';

import { loadTemplate, waitFor, withCredentials, type WorkflowJson } from '../e2e/harness';
import { mapperConfig } from '../../nodes/shared/mapping/config';
import { opportunityToDeal } from '../../nodes/shared/mapping/opportunityToDeal';
import { resolveSharedFields } from '../../nodes/shared/mapping/sharedFields';
import type { Opportunity } from '../../nodes/shared/mapping/types';
import { SHARED_SNAPSHOT_PROPERTY } from '../../nodes/shared/sync/fieldOwnership';
import { seedOpportunities, uiEdit } from '../simulators/partnerCentral/awsSide';
import { HANDLERS } from '../simulators/partnerCentral/operations';
import { diffCounters, hubspotCounters, mb, PcRecorder, round, summarisePc } from './recorders';
import { machine, printTable, writeResult, type Row } from './report';
import { MemorySampler, rssBytes, startBenchStack, type BenchStack } from './stack';

interface Args {
	sizes: number[];
	timeScale: number;
	drift: number;
	/** Settings -> batchSize of the template (deals per page). */
	batchSize: number;
	/** n8n's V8 heap limit (NODE_OPTIONS=--max-old-space-size), 0 = n8n's default. */
	heapMb: number;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { sizes: [10_000], timeScale: 10, drift: 0.01, batchSize: 100, heapMb: 0 };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => inline ?? argv[++i];
		if (flag === '--sizes') args.sizes = value().split(',').map(Number);
		else if (flag === '--time-scale') args.timeScale = Number(value());
		else if (flag === '--drift') args.drift = Number(value());
		else if (flag === '--batch-size') args.batchSize = Number(value());
		else if (flag === '--n8n-heap-mb') args.heapMb = Number(value());
		else throw new Error(`Unknown option ${flag}: --sizes 1000,5000,10000 --time-scale 10 --drift 0.01 --batch-size 100`);
	}
	if (args.sizes.some((n) => !(n > 0)) || !(args.timeScale > 0) || !(args.drift >= 0 && args.drift < 1)) throw new Error('Bad --sizes, --time-scale or --drift');
	return args;
}

const CATALOG = 'Sandbox';
const YEAR = new Date().getUTCFullYear() + 1;

/** Adds linked pairs until there are `total`, seeded in step as earlier syncs would have left them. */
function seedPairs(stack: BenchStack, from: number, total: number): Array<{ dealId: string; opportunityId: string }> {
	const { hubspot, partnerCentral } = stack.sims;
	const config = mapperConfig({ catalog: CATALOG });
	const company = hubspot.seed({
		objects: {
			companies: [
				{ ref: 'company', properties: { name: `Bench Customer ${from}`, domain: `bench-${from}.example`, website: `https://bench-${from}.example`, country: 'United States', state: 'WA', city: 'Seattle', zip: '98101', industry: 'COMPUTER_SOFTWARE' } },
			],
		},
	}).refs.company.id;
	const pairs: Array<{ dealId: string; opportunityId: string }> = [];
	const CHUNK = 500;
	for (let start = from; start < total; start += CHUNK) {
		const end = Math.min(total, start + CHUNK);
		const deals = [];
		for (let i = start; i < end; i++) {
			deals.push({
				ref: `d${i}`,
				properties: {
					dealname: `#AWS Bench deal ${i}`,
					description: `Bench customer ${i} moves its reporting warehouse to AWS.`,
					amount: String(12_000 + (i % 50) * 1200),
					closedate: `${YEAR}-06-30`,
					pipeline: 'default',
					dealstage: 'qualifiedtobuy',
					aws_delivery_models: 'SaaS or PaaS',
					aws_use_case: 'Migration/Database Migration',
				},
				associations: [{ to: { type: 'companies', id: company }, primary: true }],
			});
		}
		const seeded = hubspot.seed({ objects: { deals } } as never);
		const dealIds = deals.map((d) => seeded.refs[d.ref].id);
		const opportunityIds = seedOpportunities(
			partnerCentral.sim,
			deals.map((d, k) => ({
				Catalog: CATALOG,
				PartnerOpportunityIdentifier: `HUBSPOT-${dealIds[k]}`,
				OpportunityType: 'Net New Business',
				PrimaryNeedsFromAws: ['Co-Sell - Deal Support'],
				NationalSecurity: 'No',
				Marketing: { Source: 'None' },
				Customer: { Account: { CompanyName: `Bench Customer ${from}`, WebsiteUrl: `https://bench-${from}.example`, Industry: 'Software and Internet', Address: { CountryCode: 'US', StateOrRegion: 'Washington', City: 'Seattle', PostalCode: '98101' } } },
				Project: {
					Title: `Bench deal ${start + k}`,
					CustomerBusinessProblem: d.properties.description,
					CustomerUseCase: 'Migration/Database Migration',
					DeliveryModels: ['SaaS or PaaS'],
					SalesActivities: ['Initialized discussions with customer'],
					ExpectedCustomerSpend: [{ Amount: String(Number(d.properties.amount) / 12), CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
				},
				LifeCycle: { Stage: 'Qualified', TargetCloseDate: `${YEAR}-06-30`, ReviewStatus: 'Pending Submission' },
			})),
		);
		// What the syncs left on each deal: the AWS-owned fields, the inbound fingerprint, the shared-field snapshot.
		for (let k = 0; k < dealIds.length; k++) {
			const opportunity = HANDLERS.GetOpportunity(partnerCentral.sim, { Catalog: CATALOG, Identifier: opportunityIds[k] }) as unknown as Opportunity;
			const mapped = opportunityToDeal(JSON.parse(JSON.stringify(opportunity)) as Opportunity, undefined, config);
			const owned = Object.fromEntries(Object.entries(mapped.deal.properties).filter(([key]) => key.startsWith('aws_')));
			const dealNow = { ...deals[k].properties, ...owned };
			const shared = resolveSharedFields({ deal: dealNow, opportunity, policy: 'lastWriterWins' }, config);
			hubspot.core.world.update(
				'deals',
				dealIds[k],
				{ ...owned, aws_inbound_fingerprint: mapped.fingerprints.inbound, aws_sync_status: 'synced', [SHARED_SNAPSHOT_PROPERTY]: shared.snapshot },
				{ changeSource: 'INTEGRATION' },
			);
			pairs.push({ dealId: dealIds[k], opportunityId: opportunityIds[k] });
		}
	}
	return pairs;
}

/** Half the drifted pairs get a new close date in HubSpot, the other half in Partner Central. */
function addDrift(stack: BenchStack, pairs: Array<{ dealId: string; opportunityId: string }>, fraction: number): { hubspot: number; partnerCentral: number } {
	const count = Math.round(pairs.length * fraction);
	let hubspot = 0;
	let partnerCentral = 0;
	for (let k = 0; k < count; k++) {
		const pair = pairs[Math.floor((k * pairs.length) / Math.max(count, 1))];
		const day = String(1 + (k % 28)).padStart(2, '0');
		if (k % 2 === 0) {
			stack.sims.hubspot.ui.update('deals', pair.dealId, { closedate: `${YEAR}-09-${day}` });
			hubspot++;
		} else {
			uiEdit(stack.sims.partnerCentral.sim, { identifier: pair.opportunityId, catalog: CATALOG, changes: { LifeCycle: { TargetCloseDate: `${YEAR}-10-${day}` } } } as never);
			partnerCentral++;
		}
	}
	return { hubspot, partnerCentral };
}

/** Webhook -> Execute Workflow (the reconciliation), answering at once; the run is followed through n8n's API. */
async function driver(stack: BenchStack, templateId: string): Promise<{ url: string; id: string }> {
	const path = `recon-bench-${randomUUID()}`;
	const wf: WorkflowJson = {
		name: 'Bench driver: reconciliation',
		nodes: [
			{ name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{ name: 'Template', type: 'n8n-nodes-base.executeWorkflow', typeVersion: 1.2, position: [220, 0], parameters: { source: 'database', workflowId: { __rl: true, value: templateId, mode: 'id' }, options: { waitForSubWorkflow: true } } },
		],
		connections: { Webhook: { main: [[{ node: 'Template', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	const created = await stack.n8n.api.createWorkflow(wf);
	await stack.n8n.api.publishWorkflow(created.id);
	return { url: `${stack.n8n.baseUrl}/webhook/${path}`, id: created.id };
}

async function runOnce(stack: BenchStack, drive: { url: string; id: string }): Promise<{ summary: Record<string, unknown>; seconds: number; peakGrowthMb: number; baselineMb: number }> {
	// n8n closes idle keep-alive connections after 5 s; a call reusing one fails with "other side closed": retry it.
	const executions = async () => {
		for (let attempt = 0; ; attempt++) {
			try {
				return await stack.n8n.api.executions(drive.id);
			} catch (error) {
				if (attempt >= 5) throw error;
				await new Promise((res) => setTimeout(res, 500));
			}
		}
	};
	const before = (await executions()).length;
	const baseline = rssBytes(stack.n8nPids());
	const sampler = new MemorySampler(() => stack.n8nPids()).start(500);
	const progress = setInterval(() => {
		const per = stack.n8nPids().map((pid) => `${pid}:${mb(rssBytes([pid]))}`);
		console.log(`  n8n RSS MB by process ${per.join(' ')}; Partner Central calls so far ${stack.sims.partnerCentral.sim.requestLog.at(-1)?.seq ?? 0}`);
	}, 20_000);
	const started = Date.now();
	for (let attempt = 0; ; attempt++) {
		const r = await fetch(drive.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
		await r?.text();
		if ((r && r.status !== 404) || attempt > 40) break;
		await new Promise((res) => setTimeout(res, 250));
	}
	const done = await waitFor(
		async () => {
			const all = await executions();
			const fresh = all.slice(0, all.length - before);
			const finished = all.length > before && all.every((e) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting');
			return finished ? fresh[0] ?? all[0] : null;
		},
		{ timeoutMs: 4 * 3600_000, intervalMs: 5000, what: 'the reconciliation run' },
	);
	clearInterval(progress);
	const seconds = (Date.now() - started) / 1000;
	const peak = sampler.stop();
	let full: Awaited<ReturnType<typeof stack.n8n.api.execution>> | undefined;
	for (let attempt = 0; !full; attempt++) {
		full = await stack.n8n.api.execution(done.id).catch((error: unknown) => {
			if (attempt >= 5) throw error;
			return undefined;
		});
	}
	const run = full.data?.resultData.runData.Template?.[0];
	const summary = (run?.data?.main[0]?.[0]?.json ?? { error: full.data?.resultData.error?.message ?? done.status }) as Record<string, unknown>;
	return { summary, seconds, peakGrowthMb: mb(Math.max(0, peak - baseline)), baselineMb: mb(baseline) };
}

export async function runReconciliation(argv: string[], log: (m: string) => void = console.log): Promise<number> {
	const args = parseArgs(argv);
	const env = args.heapMb > 0 ? { NODE_OPTIONS: `--max-old-space-size=${args.heapMb}` } : undefined;
	const stack = await startBenchStack({ timeScale: args.timeScale, templates: [], log, env });
	const points: Array<Record<string, unknown>> = [];
	try {
		const types = stack.nodeTypes;
		const pcToHs = (await stack.n8n.api.createWorkflow(
			withCredentials(
				{ ...loadTemplate('partner-central-to-hubspot.json'), nodes: loadTemplate('partner-central-to-hubspot.json').nodes.map((n) => (n.name === 'AWS Opportunity Poll' ? { ...n, disabled: true } : n)) },
				types,
				stack.credentials,
			),
		)) as { id: string };
		await stack.n8n.api.publishWorkflow(pcToHs.id); // n8n publishes a workflow only after the sub-workflows it calls
		const recon = loadTemplate('reconciliation.json');
		const configured: WorkflowJson = {
			...recon,
			nodes: recon.nodes.map((n) => {
				if (n.name !== 'Settings') return n;
				const list = (n.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments;
				return { ...n, parameters: { ...n.parameters, assignments: { assignments: list.map((a) => (a.name === 'partnerCentralToHubSpotWorkflowId' ? { ...a, value: pcToHs.id } : a.name === 'batchSize' ? { ...a, value: args.batchSize } : a)) } } };
			}),
		};
		const reconWf = (await stack.n8n.api.createWorkflow(withCredentials(configured, types, stack.credentials))) as { id: string };
		await stack.n8n.api.publishWorkflow(reconWf.id);
		const drive = await driver(stack, reconWf.id);
		const pairs: Array<{ dealId: string; opportunityId: string }> = [];
		// Warm-up: n8n loads nodes, SDK clients and its task runner on first use; measured growth starts after it.
		pairs.push(...seedPairs(stack, 0, 100));
		const warm = await runOnce(stack, drive);
		log(`warm-up (100 pairs): ${round(warm.seconds, 1)} s, RSS ${warm.baselineMb} MB -> +${warm.peakGrowthMb} MB`);
		for (const size of [...args.sizes].sort((a, b) => a - b)) {
			const seedStart = Date.now();
			pairs.push(...seedPairs(stack, pairs.length, size));
			const drift = addDrift(stack, pairs, args.drift);
			log(`${size} pairs seeded in ${round((Date.now() - seedStart) / 1000, 1)} s; drift: ${drift.hubspot} close dates changed in HubSpot, ${drift.partnerCentral} in Partner Central`);
			const pcRec = new PcRecorder(stack.sims);
			const hsBefore = hubspotCounters(stack.sims);
			const r = await runOnce(stack, drive);
			const pc = summarisePc(pcRec.calls);
			const hs = diffCounters(hubspotCounters(stack.sims), hsBefore);
			const hsWrites = Object.entries(hs.byCategory)
				.filter(([k]) => !/search|read|get|list/i.test(k))
				.reduce((n, [, v]) => n + v, 0);
			const point = {
				size,
				seconds: round(r.seconds, 1),
				dealsPerSecond: round(size / r.seconds, 1),
				partnerCentral: { calls: pc.total, perDeal: round(pc.total / size, 3), reads: pc.readsOk, writes: pc.writesOk, throttled: pc.throttled, byOperation: pc.byOperation },
				hubspot: { calls: hs.total, perDeal: round(hs.total / size, 3), writesApprox: hsWrites, byCategory: hs.byCategory, byStatus: hs.byStatus },
				memory: { baselineMb: r.baselineMb, peakGrowthMb: r.peakGrowthMb },
				drift,
				summary: r.summary,
			};
			points.push(point);
			log(JSON.stringify(point));
		}
	} catch (error) {
		// What n8n said last (a crash or an out-of-memory shows there), then the error.
		const logFile = (stack.n8n.process as unknown as { logFile?: string }).logFile;
		if (logFile && fs.existsSync(logFile)) log(`n8n log (end):\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
		throw error;
	} finally {
		await stack.stop();
	}
	const rows: Row[] = [];
	for (const p of points as Array<{ size: number; seconds: number; partnerCentral: { perDeal: number; writes: number; throttled: number }; hubspot: { perDeal: number; calls: number }; memory: { peakGrowthMb: number }; summary: Record<string, unknown> }>) {
		rows.push({ metric: `${p.size}: wall time (s)`, value: p.seconds });
		rows.push({ metric: `${p.size}: Partner Central calls per deal`, value: p.partnerCentral.perDeal });
		rows.push({ metric: `${p.size}: Partner Central writes / throttles`, value: `${p.partnerCentral.writes} / ${p.partnerCentral.throttled}` });
		rows.push({ metric: `${p.size}: HubSpot calls per deal`, value: p.hubspot.perDeal });
		rows.push({ metric: `${p.size}: n8n peak RSS growth (MB)`, value: p.memory.peakGrowthMb, target: '<= 256', met: p.memory.peakGrowthMb <= 256 });
		rows.push({ metric: `${p.size}: repaired (to AWS / to HubSpot)`, value: `${String(p.summary.hubspotToPartnerCentralRepairs ?? '?')} / ${String(p.summary.sharedFieldsToHubSpot ?? '?')}` });
	}
	printTable(`Reconciliation (time scale ${args.timeScale}, drift ${args.drift}, page size ${args.batchSize})`, rows);
	const file = writeResult(args.heapMb > 0 ? `reconciliation-heap${args.heapMb}` : args.batchSize === 100 ? 'reconciliation' : `reconciliation-page${args.batchSize}`, `npm run bench:reconciliation -- ${argv.join(' ')}`.trim(), { args, machine: machine(), points }, rows);
	log(`Result: ${file}`);
	return 0;
}

if (require.main === module) {
	runReconciliation(process.argv.slice(2))
		.then((code) => process.exit(code))
		.catch((error: unknown) => {
			console.error(error);
			process.exit(1);
		});
}
