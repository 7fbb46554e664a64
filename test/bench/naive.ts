/**
 * Benchmark 6, the peer design: the same backfill done the naive way, as many hand-written integrations do it. Per
 * deal: one HubSpot read per property group (deal fields, the aws_* fields), the associations and each associated
 * record read one by one, the opportunity created at once (no pacing; the AWS SDK's default retries only), read
 * back, and one HubSpot write per changed property. No batching, no pacing; HubSpot 429s are retried after their
 * Retry-After. Same mapper, same simulators and quotas as benchmark 1.
 */
import {
	CreateOpportunityCommand,
	GetOpportunityCommand,
	PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';

import { DEFAULT_MAPPER_CONFIG, dealToOpportunity, type DealBundle, type HsObject } from '../../nodes/shared/mapping';
import { awsDealPropertiesSeed, SIM_HUBSPOT_TOKEN, SIM_PC_ACCESS_KEY, SIM_PC_SECRET } from '../e2e/harness/stack';
import { diffCounters, hubspotCounters, PcRecorder, round, sleep, summarisePc } from './recorders';
import { startBenchSimulators } from './stack';
import { taggedDealsSeed } from './world';

export interface NaiveResult {
	deals: number;
	timeScale: number;
	created: number;
	failedDeals: number;
	wallSeconds: number;
	writeRatePerSimSecond: number;
	writeRateToQuota: number;
	throttlesFromSimulator: number;
	throttlesSurfaced: number;
	hubspot429: number;
	hubspotCalls: number;
	hubspotCallsPerDeal: number;
	pcCalls: number;
	pcCallsPerDeal: number;
	pcByOperation: Record<string, number>;
}

const DEAL_GROUP = ['dealname', 'dealstage', 'pipeline', 'amount', 'closedate', 'description', 'deal_currency_code', 'hubspot_owner_id'];
const AWS_GROUP = ['aws_use_case', 'aws_delivery_models', 'aws_opportunity_id', 'aws_industry', 'aws_solution_ids', 'aws_primary_needs'];
const COMPANY_PROPS = ['name', 'domain', 'website', 'country', 'state', 'city', 'zip', 'address', 'industry'];
const CONTACT_PROPS = ['firstname', 'lastname', 'email', 'phone', 'jobtitle'];

export async function runNaive(opts: { deals: number; timeScale: number; log: (m: string) => void }): Promise<NaiveResult> {
	const { deals: n, timeScale, log } = opts;
	const sims = await startBenchSimulators(timeScale);
	try {
		const admin = async (p: string, body: unknown) => {
			const r = await fetch(`${sims.hubspot.url}/__admin/${p}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			if (!r.ok) throw new Error(`seed ${p}: ${r.status} ${await r.text()}`);
			return (await r.json()) as { refs: Record<string, { id: string }> };
		};
		await admin('seed', awsDealPropertiesSeed());
		const seeded = await admin('seed', taggedDealsSeed(n));
		const dealIds = Object.entries(seeded.refs)
			.filter(([ref]) => ref.startsWith('d'))
			.map(([, v]) => v.id);
		// HubSpot's 429 says when to come back (Retry-After): even a naive client waits that long, up to 5 times.
		const hs = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
			for (let attempt = 0; ; attempt++) {
				const r = await fetch(`${sims.hubspot.url}${p}`, {
					method,
					headers: { authorization: `Bearer ${SIM_HUBSPOT_TOKEN}`, 'content-type': 'application/json' },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
				if (r.status === 429 && attempt < 5) {
					await r.text();
					await sleep(Math.max(100, Number(r.headers.get('retry-after') ?? '1') * 1000));
					continue;
				}
				if (!r.ok) throw new Error(`HubSpot ${method} ${p}: ${r.status}`);
				return (await r.json()) as T;
			}
		};
		const client = new PartnerCentralSellingClient({
			region: 'us-east-1',
			endpoint: sims.partnerCentral.url,
			credentials: { accessKeyId: SIM_PC_ACCESS_KEY, secretAccessKey: SIM_PC_SECRET },
		});
		const pcRec = new PcRecorder(sims);
		const hsBefore = hubspotCounters(sims);
		const started = Date.now();
		let created = 0;
		let failedDeals = 0;
		let throttlesSurfaced = 0;
		for (const id of dealIds) {
			try {
				const a = await hs<HsObject>('GET', `/crm/v3/objects/deals/${id}?properties=${DEAL_GROUP.join(',')}`);
				const b = await hs<HsObject>('GET', `/crm/v3/objects/deals/${id}?properties=${AWS_GROUP.join(',')}`);
				const deal: HsObject = { id, properties: { ...a.properties, ...b.properties } };
				const companies: HsObject[] = [];
				const contacts: HsObject[] = [];
				const ca = await hs<{ results: Array<{ toObjectId: string | number }> }>('GET', `/crm/v4/objects/deals/${id}/associations/companies`);
				for (const x of ca.results)
					companies.push(await hs<HsObject>('GET', `/crm/v3/objects/companies/${x.toObjectId}?properties=${COMPANY_PROPS.join(',')}`));
				const pa = await hs<{ results: Array<{ toObjectId: string | number }> }>('GET', `/crm/v4/objects/deals/${id}/associations/contacts`);
				for (const x of pa.results)
					contacts.push(await hs<HsObject>('GET', `/crm/v3/objects/contacts/${x.toObjectId}?properties=${CONTACT_PROPS.join(',')}`));
				const bundle: DealBundle = { dealId: id, deal, primaryCompany: companies[0] ?? null, companies, contacts };
				const mapped = dealToOpportunity(bundle, DEFAULT_MAPPER_CONFIG, { now: new Date() });
				if (!mapped.valid) throw new Error(`invalid deal ${id}: ${mapped.summary}`);
				const out = await client.send(new CreateOpportunityCommand({ ...(mapped.request as object), Catalog: 'Sandbox' } as never));
				const opp = await client.send(new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: out.Id }));
				created++;
				const changes: Record<string, string> = {
					aws_opportunity_id: String(out.Id),
					aws_opportunity_arn: String(opp.Arn ?? ''),
					aws_review_status: String(opp.LifeCycle?.ReviewStatus ?? ''),
					aws_sync_status: 'synced',
					aws_last_sync_at: new Date().toISOString(),
				};
				for (const [k, v] of Object.entries(changes)) await hs('PATCH', `/crm/v3/objects/deals/${id}`, { properties: { [k]: v } });
			} catch (error) {
				failedDeals++;
				if (/thrott|rate exceeded|429/i.test(String((error as Error).name) + String((error as Error).message))) throttlesSurfaced++;
			}
		}
		const wall = (Date.now() - started) / 1000;
		const hsDiff = diffCounters(hubspotCounters(sims), hsBefore);
		const pc = summarisePc(pcRec.calls);
		log(`Naive design: ${created}/${n} created, ${failedDeals} failed, ${round(wall, 1)} s`);
		client.destroy();
		return {
			deals: n,
			timeScale,
			created,
			failedDeals,
			wallSeconds: round(wall, 1),
			writeRatePerSimSecond: round(pc.writeRatePerSimSecond),
			writeRateToQuota: round(pc.writeRatePerSimSecond),
			throttlesFromSimulator: pc.throttled,
			throttlesSurfaced,
			hubspot429: hsDiff.byStatus['429'] ?? 0,
			hubspotCalls: hsDiff.total,
			hubspotCallsPerDeal: round(hsDiff.total / n),
			pcCalls: pc.total,
			pcCallsPerDeal: round(pc.total / n),
			pcByOperation: pc.byOperation,
		};
	} finally {
		await sims.close();
	}
}
