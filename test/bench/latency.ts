/**
 * Benchmark 2, real-time latency: reps create tagged deals at a steady rate; HubSpot delivers signed webhooks to
 * template 1 (as shipped, webhook trigger); latency = from the webhook delivery that carries the deal's creation to
 * the opportunity's creation in Partner Central. Both simulators run at real speed (timeScale 1), so the simulator's
 * clocks and n8n's agree and the quota is the real 1 write per second.
 */
import { mb, round, sleep } from './recorders';
import type { Row } from './report';
import { MemorySampler, startBenchStack } from './stack';
import { pcOpportunities, taggedDealProperties } from './world';

export interface LatencyResult {
	deals: number;
	ratePerSecond: number;
	created: number;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
	simulatorMedianMs: number;
	n8nPeakRssMb: number;
	rows: Row[];
}

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runLatency(opts: { deals: number; ratePerSecond: number; log: (m: string) => void }): Promise<LatencyResult> {
	const { deals: n, ratePerSecond, log } = opts;
	const stack = await startBenchStack({ timeScale: 1, templates: ['hubspotToPartnerCentral'], log });
	try {
		const { sims, hubspot } = stack;
		await hubspot.put('webhooks/settings', { targetUrl: stack.hubspotWebhookUrl });
		await hubspot.post('webhooks/subscriptions', { eventType: 'deal.creation', active: true });
		const company = await hubspot.post<{ id: string }>('ui/companies/create', {
			properties: { name: 'Latency Labs', domain: 'latency.example', country: 'United States', state: 'Oregon', city: 'Portland', zip: '97201', address: '1 River St', industry: 'COMPUTER_SOFTWARE' },
		});
		const contact = await hubspot.post<{ id: string }>('ui/contacts/create', {
			properties: { firstname: 'Lee', lastname: 'Tency', email: 'lee@latency.example', jobtitle: 'CTO' },
			associations: [{ toType: 'companies', toId: company.id, primary: true }],
		});
		const memory = new MemorySampler(() => stack.n8nPids()).start();
		const dealIds: string[] = [];
		log(`Creating ${n} tagged deals at ${ratePerSecond}/s...`);
		const started = Date.now();
		for (let i = 0; i < n; i++) {
			const due = started + (i * 1000) / ratePerSecond;
			if (due > Date.now()) await sleep(due - Date.now());
			const d = await hubspot.post<{ id: string }>('ui/deals/create', {
				properties: taggedDealProperties('Latency deal', i),
				associations: [
					{ toType: 'companies', toId: company.id, primary: true },
					{ toType: 'contacts', toId: contact.id },
				],
			});
			dealIds.push(d.id);
		}
		const deadline = Date.now() + 180_000;
		const byPartnerId = () => new Map(pcOpportunities(sims).map((o) => [String(o.data.PartnerOpportunityIdentifier ?? ''), o]));
		while (Date.now() < deadline && dealIds.some((id) => !byPartnerId().has(`HUBSPOT-${id}`))) await sleep(500);
		const peak = memory.stop();
		// First delivery that carried each deal's creation event.
		const delivered = new Map<string, number>();
		for (const d of sims.hubspot.webhooks.deliveries()) {
			let events: Array<{ objectId?: number | string; subscriptionType?: string }> = [];
			try {
				events = JSON.parse(d.body) as typeof events;
			} catch {
				continue;
			}
			const at = Date.parse(d.at);
			for (const e of events) {
				if (e.subscriptionType !== 'deal.creation') continue;
				const id = String(e.objectId);
				if (!delivered.has(id) || at < delivered.get(id)!) delivered.set(id, at);
			}
		}
		const opps = byPartnerId();
		const latencies: number[] = [];
		for (const id of dealIds) {
			const opp = opps.get(`HUBSPOT-${id}`) as { CreatedDate?: number } | undefined;
			const at = delivered.get(id);
			if (opp?.CreatedDate !== undefined && at !== undefined) latencies.push(Number(opp.CreatedDate) - at);
		}
		latencies.sort((a, b) => a - b);
		const simDurations = (sims.partnerCentral.sim as unknown as { requestLog: Array<{ operation: string; durationMs: number }> }).requestLog
			.filter((r) => r.operation === 'CreateOpportunity')
			.map((r) => r.durationMs)
			.sort((a, b) => a - b);
		const simMedian = percentile(simDurations, 50) || 0;
		const p50 = percentile(latencies, 50);
		const p95 = percentile(latencies, 95);
		const rows: Row[] = [
			{ metric: 'deals / opportunities created', value: `${n} / ${latencies.length}`, target: `${n} / ${n}`, met: latencies.length === n },
			{ metric: 'p50 webhook delivery -> opportunity created (ms)', value: round(p50, 0), target: `<= 500 + simulator (${round(simMedian, 0)} ms)`, met: p50 <= 500 + simMedian },
			{ metric: 'p95 (ms)', value: round(p95, 0) },
			{ metric: 'max (ms)', value: round(latencies[latencies.length - 1] ?? NaN, 0) },
			{ metric: 'simulator CreateOpportunity median (ms)', value: round(simMedian, 1) },
			{ metric: 'n8n peak RSS (MB)', value: mb(peak) },
		];
		return { deals: n, ratePerSecond, created: latencies.length, p50Ms: p50, p95Ms: p95, maxMs: latencies[latencies.length - 1] ?? NaN, simulatorMedianMs: simMedian, n8nPeakRssMb: mb(peak), rows };
	} finally {
		await stack.stop();
	}
}
