/**
 * Benchmark 1, backfill: N tagged deals that exist before the sync is switched on become opportunities. Template 1
 * as shipped, with the change its setup note describes for a backfill: the "HubSpot Deal Poll (alternative)"
 * trigger enabled with a Backfill Start before the deals. Real n8n, simulators with their quotas on.
 */
import type { WorkflowJson } from '../e2e/harness';
import { SAFETY_MARGIN } from '../../nodes/shared/partnerCentral/limiter';
import { diffCounters, hubspotCounters, mb, PC_WRITE_OPERATIONS, PcRecorder, round, sleep, summarisePc } from './recorders';
import { MemorySampler, startBenchStack } from './stack';
import { hubspotDeals, taggedDealsSeed } from './world';

export interface BackfillOptions {
	deals: number;
	timeScale: number;
	writePace?: number;
	log: (m: string) => void;
	timeoutMs?: number;
}

export interface BackfillResult {
	deals: number;
	timeScale: number;
	writePace: number;
	synced: number;
	opportunities: number;
	duplicates: number;
	wallSeconds: number;
	writePhaseSeconds: number;
	writeQuotaPerSimSecond: number;
	writeRatePerSimSecond: number;
	writeRateToQuota: number;
	throttlesFromSimulator: number;
	throttlesSurfaced: number;
	failedExecutions: number;
	executions: number;
	hubspotCalls: number;
	hubspotCallsPerDeal: number;
	hubspotByCategory: Record<string, number>;
	pcCalls: number;
	pcCallsPerDeal: number;
	pcWritesPerDeal: number;
	pcByOperation: Record<string, number>;
	n8nPeakRssMb: number;
	n8nBaselineRssMb: number;
	/** Median real ms between two successive Partner Central write attempts, and the limiter's base interval. */
	writeGapMedianMs: number;
	pacedIntervalMs: number;
}

/** HubSpot's clock runs this far behind n8n's in the benchmark (see BenchSims). */
export const HUBSPOT_LAG_MS = 3_600_000;

export function backfillTemplate(backfillFromIso: string) {
	return (_key: string, wf: WorkflowJson): WorkflowJson => ({
		...wf,
		nodes: wf.nodes.map((n) =>
			n.name === 'HubSpot Deal Poll (alternative)'
				? { ...n, disabled: false, parameters: { ...n.parameters, backfillFrom: backfillFromIso } }
				: n,
		),
	});
}

export async function runBackfill(opts: BackfillOptions): Promise<BackfillResult> {
	const { deals: n, timeScale, log } = opts;
	const backfillFrom = new Date(Date.now() - 2 * HUBSPOT_LAG_MS).toISOString();
	const stack = await startBenchStack({
		timeScale,
		writePace: opts.writePace,
		hubspotClockLagMs: HUBSPOT_LAG_MS,
		templates: ['hubspotToPartnerCentral'],
		adjust: backfillTemplate(backfillFrom),
		log,
		beforeN8n: async (_sims, admins) => {
			await admins.hubspot.post('seed', taggedDealsSeed(n));
			log(`Seeded ${n} tagged deals (each with a company and a contact)`);
		},
	});
	try {
		const { sims } = stack;
		const pcRec = new PcRecorder(sims);
		const hsBefore = hubspotCounters(sims);
		const memory = new MemorySampler(() => stack.n8nPids()).start();
		const baseline = memory.peak;
		const started = Date.now();
		log(`Waiting for the first poll (n8n polls once a minute) and the backfill of ${n} deals...`);
		const deadline = started + (opts.timeoutMs ?? (n / timeScale) * 3000 + 300_000);
		let synced = 0;
		let lastLog = 0;
		while (Date.now() < deadline) {
			synced = hubspotDeals(sims).filter((d) => d.properties.aws_opportunity_id && d.properties.aws_sync_status === 'synced').length;
			if (synced >= n) break;
			if (Date.now() - lastLog > 15_000) {
				lastLog = Date.now();
				log(`  ${synced}/${n} deals synced after ${Math.round((Date.now() - started) / 1000)} s`);
			}
			await sleep(250);
		}
		const ended = Date.now();
		const peak = memory.stop();
		// Let the last execution finish so its status counts.
		await sleep(2000);
		const hs = diffCounters(hubspotCounters(sims), hsBefore);
		const pcCalls = pcRec.calls.filter((c) => c.at <= ended);
		const pc = summarisePc(pcCalls);
		const firstPc = pcCalls.find((c) => c.status === 200);
		const lastPc = [...pcCalls].reverse().find((c) => c.status === 200);
		const execs = await stack.n8n.api.executions(stack.workflows.hubspotToPartnerCentral!.id, true);
		const failed = execs.filter((e) => e.status !== 'success' && e.status !== 'running' && e.status !== 'new');
		const throttlesSurfaced = failed.filter((e) => /thrott|rate exceeded|429/i.test(JSON.stringify(e.data ?? {}))).length;
		const oppIds = hubspotDeals(sims)
			.map((d) => d.properties.aws_opportunity_id)
			.filter((x): x is string => !!x);
		const opportunities = Object.keys(
			(sims.partnerCentral.sim as unknown as { state: { opportunities: Record<string, unknown> } }).state.opportunities,
		).length;
		const quota = 1; // writes per simulated second (C7)
		const writeAts = pcCalls.filter((c) => PC_WRITE_OPERATIONS.has(c.operation)).map((c) => c.at);
		const gaps = writeAts.slice(1).map((t, i) => t - writeAts[i]).sort((a, b) => a - b);
		return {
			deals: n,
			timeScale,
			writePace: opts.writePace ?? 1,
			synced,
			opportunities,
			duplicates: opportunities - new Set(oppIds).size,
			wallSeconds: round((ended - started) / 1000, 1),
			writePhaseSeconds: firstPc && lastPc ? round((lastPc.at - firstPc.at) / 1000, 1) : 0,
			writeQuotaPerSimSecond: quota,
			writeRatePerSimSecond: round(pc.writeRatePerSimSecond),
			writeRateToQuota: round(pc.writeRatePerSimSecond / quota),
			throttlesFromSimulator: pc.throttled,
			throttlesSurfaced,
			failedExecutions: failed.length,
			executions: execs.length,
			hubspotCalls: hs.total,
			hubspotCallsPerDeal: round(hs.total / n),
			hubspotByCategory: hs.byCategory,
			pcCalls: pc.total,
			pcCallsPerDeal: round(pc.total / n),
			pcWritesPerDeal: round(pc.writesOk / n),
			pcByOperation: pc.byOperation,
			n8nPeakRssMb: mb(peak),
			n8nBaselineRssMb: mb(baseline),
			writeGapMedianMs: gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0,
			pacedIntervalMs: round((1000 / (timeScale * quota * (opts.writePace ?? 1))) * (1 + SAFETY_MARGIN), 1),
		};
	} finally {
		await stack.stop();
	}
}
