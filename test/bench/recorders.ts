/**
 * What the benchmarks count: every Partner Central call the simulator answered (its own log, which keeps only the
 * last 5,000 entries, is tapped so nothing is missed) and HubSpot's call counters, in windows.
 */
import type { N8nApi } from '../e2e/harness';
import { defaultQuotas } from '../simulators/partnerCentral/quotas';
import type { BenchSims as Simulators } from './stack';

export interface PcCall {
	operation: string;
	status: number;
	errorType?: string;
	/** Real time (ms since epoch) the answer was logged. */
	at: number;
	/** Simulated time of the answer. */
	simAt: number;
}

/** The operations that share Partner Central's write quota (as the simulator enforces it, C7). */
export const PC_WRITE_OPERATIONS = new Set(defaultQuotas().write.operations);

export class PcRecorder {
	calls: PcCall[] = [];

	constructor(private readonly sims: Simulators) {
		const sim = sims.partnerCentral.sim as unknown as { log: (e: Record<string, unknown>) => void };
		const original = sim.log.bind(sim);
		sim.log = (entry) => {
			this.calls.push({
				operation: String(entry.operation),
				status: Number(entry.status),
				errorType: entry.errorType as string | undefined,
				at: Date.now(),
				simAt: sims.clock.now(),
			});
			original(entry);
		};
	}

	reset(): void {
		this.calls = [];
	}

	since(at: number): PcCall[] {
		return this.calls.filter((c) => c.at >= at);
	}
}

export interface PcSummary {
	total: number;
	ok: number;
	writesOk: number;
	readsOk: number;
	throttled: number;
	failed: number;
	byOperation: Record<string, number>;
	/** Successful writes per simulated second between the first and last successful write. */
	writeRatePerSimSecond: number;
}

export function summarisePc(calls: PcCall[]): PcSummary {
	const byOperation: Record<string, number> = {};
	for (const c of calls) byOperation[c.operation] = (byOperation[c.operation] ?? 0) + 1;
	const ok = calls.filter((c) => c.status === 200);
	const writes = ok.filter((c) => PC_WRITE_OPERATIONS.has(c.operation));
	let rate = 0;
	if (writes.length > 1) {
		const span = (writes[writes.length - 1].simAt - writes[0].simAt) / 1000;
		// N writes spread over N-1 intervals.
		rate = span > 0 ? (writes.length - 1) / span : 0;
	}
	return {
		total: calls.length,
		ok: ok.length,
		writesOk: writes.length,
		readsOk: ok.length - writes.length,
		throttled: calls.filter((c) => c.errorType === 'ThrottlingException').length,
		failed: calls.filter((c) => c.status !== 200).length,
		byOperation,
		writeRatePerSimSecond: rate,
	};
}

export interface HubSpotCounters {
	total: number;
	byCategory: Record<string, number>;
	byStatus: Record<string, number>;
}

export function hubspotCounters(sims: Simulators): HubSpotCounters {
	const c = sims.hubspot.counters() as unknown as HubSpotCounters;
	return JSON.parse(JSON.stringify({ total: c.total, byCategory: c.byCategory, byStatus: c.byStatus })) as HubSpotCounters;
}

export function diffCounters(after: HubSpotCounters, before: HubSpotCounters): HubSpotCounters {
	const sub = (a: Record<string, number>, b: Record<string, number>) => {
		const out: Record<string, number> = {};
		for (const [k, v] of Object.entries(a)) if (v - (b[k] ?? 0)) out[k] = v - (b[k] ?? 0);
		return out;
	};
	return { total: after.total - before.total, byCategory: sub(after.byCategory, before.byCategory), byStatus: sub(after.byStatus, before.byStatus) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function round(n: number, digits = 3): number {
	const f = 10 ** digits;
	return Math.round(n * f) / f;
}

export function mb(bytes: number): number {
	return round(bytes / 1024 / 1024, 1);
}

/** Node and message of each failed execution of a workflow (what a benchmark reports when something failed). */
export async function failedExecutionErrors(api: N8nApi, workflowId: string): Promise<Array<{ id: string; node?: string; message?: string }>> {
	const out: Array<{ id: string; node?: string; message?: string }> = [];
	for (const e of await api.executions(workflowId)) {
		if (e.status !== 'error' && e.status !== 'crashed') continue;
		const full = await api.execution(e.id);
		const rd = full.data?.resultData;
		out.push({ id: e.id, node: rd?.lastNodeExecuted, message: String(rd?.error?.message ?? e.status).slice(0, 300) });
	}
	return out;
}
