/**
 * Poll cycles with nothing new do not grow memory (issue 9: "1,000 poll cycles: no memory growth beyond noise"). Each
 * trigger's own poll() runs against its simulator (the HubSpot Deal Changes Trigger with 200 existing tagged deals;
 * the AWS Partner Central Trigger with 50 opportunities and a referral) with one static data object, as n8n keeps it
 * between checks; the heap is measured after garbage collection, with the simulators' request logs emptied first
 * (they are test infrastructure in the same process). POLL_CYCLES sets the number of cycles (default 1,000).
 *
 * HubSpot allows 5 searches per second per app, and the transport keeps to that; to run hundreds of checks in
 * seconds, the cycles rotate over several simulator tokens (each its own app and limiter). Each check still makes
 * exactly one search.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

import type { IDataObject } from 'n8n-workflow';

import { HubSpotDealChangesTrigger } from '../../../nodes/HubSpotDealChangesTrigger/HubSpotDealChangesTrigger.node';
import { taggedDealsSeed } from '../../bench/world';
import { awsDealPropertiesSeed, DEMO_PC_REFERRAL } from '../harness/stack';
import { SimClock } from '../../simulators/common/clock';
import { startHubSpotSimulator, type HubSpotSimulator } from '../../simulators/hubspot';
import { fakePollContext, realHttp } from '../../unit/hubspotTriggers/fakePollContext';
import { AwsPartnerCentralTrigger } from '../../../nodes/AwsPartnerCentralTrigger/AwsPartnerCentralTrigger.node';
import { startPartnerCentralSimulator, type PartnerCentralSimulator } from '../../simulators/partnerCentral';
import { createReferral, seedOpportunities } from '../../simulators/partnerCentral/awsSide';
import { pcCredentials, pollContext, resetCaches } from '../../unit/pcTriggers/helpers';

jest.setTimeout(5 * 60 * 1000);

const CYCLES = Number(process.env.POLL_CYCLES ?? 1000);
const TOKENS = 20;

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

describe(`${CYCLES} idle poll cycles of the HubSpot Deal Changes Trigger`, () => {
	let sim: HubSpotSimulator;

	beforeAll(async () => {
		// Existing deals older than the trigger's look-back (HubSpot's clock 10 minutes behind): nothing is new.
		sim = await startHubSpotSimulator({ port: 0, clock: new SimClock(1, Date.now() - 600_000) });
		sim.seed(awsDealPropertiesSeed() as never);
		sim.seed(taggedDealsSeed(200) as never);
		for (let t = 0; t < TOKENS; t++) sim.addToken(`poll-token-${t}`, '*');
		// The simulator counts searches per account; the tokens stand for separate accounts here.
		sim.setRateLimits({ searchPerSecond: 5 * TOKENS, per10s: 190 * TOKENS });
	});

	afterAll(async () => {
		await sim?.close();
	});

	it('makes one search per cycle, emits nothing, and keeps the heap and the cursor flat', async () => {
		const trigger = new HubSpotDealChangesTrigger();
		const staticData: IDataObject = {};
		const poll = async (cycle: number) => {
			const { ctx } = fakePollContext({
				params: { nameTag: '#AWS' },
				staticData,
				credentials: { accessToken: `poll-token-${cycle % TOKENS}`, baseUrl: sim.url, rateLimitPer10s: 190 },
				http: realHttp,
			});
			return await trigger.poll.call(ctx);
		};
		expect(await poll(0)).toBeNull(); // first check: the cursor starts now
		const warm = Math.min(50, Math.floor(CYCLES / 5));
		for (let i = 1; i <= warm; i++) expect(await poll(i)).toBeNull();
		sim.resetCounters();
		sim.core.requests = [];
		const before = heapAfterGc();
		const cursorBefore = JSON.stringify(staticData).length;
		for (let i = warm + 1; i <= CYCLES; i++) expect(await poll(i)).toBeNull();
		const counted = sim.counters() as unknown as { byCategory: Record<string, number>; byStatus: Record<string, number> };
		sim.core.requests = [];
		const after = heapAfterGc();
		// Answered searches (the simulator's per-second windows may still answer a rare 429, which the transport retries).
		const searches = (counted.byCategory['objects.search'] ?? 0) - (counted.byStatus['429'] ?? 0);
		const growthMb = (after - before) / 1024 / 1024;
		console.log(`poll memory: ${CYCLES - warm} cycles, heap ${(before / 1048576).toFixed(1)} -> ${(after / 1048576).toFixed(1)} MB (${growthMb.toFixed(2)} MB), ${searches} searches, cursor ${cursorBefore} -> ${JSON.stringify(staticData).length} bytes`);
		expect(searches).toBe(CYCLES - warm);
		expect(growthMb).toBeLessThan(4);
		expect(JSON.stringify(staticData).length).toBeLessThan(cursorBefore + 200);
	});
});

describe(`${CYCLES} idle poll cycles of the AWS Partner Central Trigger (opportunities and invitations)`, () => {
	let pc: PartnerCentralSimulator;

	beforeAll(async () => {
		pc = await startPartnerCentralSimulator({ port: 0 });
		resetCaches();
		// The quota is not what is measured here: the credential allows 1,000 reads/s and the simulator counts none.
		pc.sim.quotas.enabled = false;
		seedOpportunities(
			pc.sim,
			Array.from({ length: 50 }, (_, i) => ({ Catalog: 'Sandbox', Project: { Title: `Existing ${i}` } })),
		);
		createReferral(pc.sim, JSON.parse(JSON.stringify(DEMO_PC_REFERRAL)));
	});

	afterAll(async () => {
		await pc?.close();
		resetCaches();
	});

	it('makes one call per event type per cycle, emits nothing, and keeps the heap and the cursors flat', async () => {
		const trigger = new AwsPartnerCentralTrigger();
		const staticData: IDataObject = {};
		const poll = async () =>
			await trigger.poll.call(
				pollContext({
					parameters: { events: ['opportunityChanged', 'invitationCreated'], options: {} },
					credentials: { awsPartnerCentralApi: pcCredentials(pc.url, 'Sandbox') },
					staticData,
				}).ctx,
			);
		expect(await poll()).toBeNull(); // first check: the cursors start now
		const warm = Math.min(50, Math.floor(CYCLES / 5));
		for (let i = 1; i <= warm; i++) expect(await poll()).toBeNull();
		pc.sim.requestLog = [];
		const before = heapAfterGc();
		const stateBefore = JSON.stringify(staticData).length;
		for (let i = warm + 1; i <= CYCLES; i++) expect(await poll()).toBeNull();
		const calls = pc.sim.requestLog.filter((r) => r.status === 200).length;
		pc.sim.requestLog = [];
		const after = heapAfterGc();
		const growthMb = (after - before) / 1024 / 1024;
		console.log(`PC poll memory: ${CYCLES - warm} cycles, heap ${(before / 1048576).toFixed(1)} -> ${(after / 1048576).toFixed(1)} MB (${growthMb.toFixed(2)} MB), ${calls} calls, state ${stateBefore} -> ${JSON.stringify(staticData).length} bytes`);
		expect(calls).toBe(2 * (CYCLES - warm));
		expect(growthMb).toBeLessThan(4);
		expect(JSON.stringify(staticData).length).toBeLessThan(stateBefore + 200);
	});
});
