/**
 * Chaos, crash (issue 9): n8n is killed (SIGKILL, a power cut) while "HubSpot deals to AWS Partner Central" is
 * creating opportunities, under 10 % faults on both APIs. The deals of the killed execution are left without an
 * opportunity (HubSpot had its 200 for the webhook delivery; the webhook is the only trigger here, so nothing
 * re-delivers them). After the restart, new deals sync live, and one run of the reconciliation template repairs the
 * rest: its sweep links an opportunity whose create had reached AWS before the kill (matched by the partner
 * opportunity ID) and creates the missing ones with the live sync's deterministic ClientToken. End: every deal synced
 * to exactly one opportunity, no duplicate anywhere (scenario.ts, checkFinalState).
 *
 * Measured 2026-11-24 with the old chaos test: a SIGKILL mid-run lost 15 of 30 in-flight deals (no reconciliation).
 *
 * Not covered, because the product does not recover it yet: referrals whose intake execution is killed. Invitations it
 * had accepted are ACCEPTED with no HubSpot deal, the others stay PENDING with none, and neither the referral poll
 * (which emits an invitation once) nor "Check HubSpot Decisions" nor reconciliation brings them back (reproduced
 * with a restart that ended a running intake: 5 of 10 referrals ACCEPTED without a deal).
 *
 * Part of `npm test` (about 70 s after n8n is up; measured 66 s on this loaded machine: 12 of 24 deals interrupted,
 * reconciliation created 10 and linked 2 whose create had reached AWS; 24 opportunities, no duplicate). Sizes:
 * CHAOS_CRASH_DEALS (24).
 */
import {
	callCounts,
	checkFinalState,
	clearFaults,
	createDeals,
	executionSummary,
	importReconciliation,
	injectFaults,
	pcSuccesses,
	progress,
	restartMidRun,
	startChaos,
	waitForQuiet,
	type ChaosWorld,
	type Reconciliation,
} from './scenario';
import { waitFor } from '../harness';

jest.setTimeout(30 * 60 * 1000);

const DEALS = Number(process.env.CHAOS_CRASH_DEALS ?? 24);
const FAULT_RATE = 0.1;

describe('chaos (crash): SIGKILL mid-run, restart, one reconciliation run: nothing lost or duplicated', () => {
	let w: ChaosWorld | undefined;
	let reconciliation: Reconciliation;

	beforeAll(async () => {
		w = await startChaos({
			deals: DEALS,
			referrals: 0,
			faultRate: FAULT_RATE,
			timeScale: 5,
			restarts: 1,
			restartKind: 'crash',
			convergeTimeoutMs: 10 * 60_000,
			dealPoll: false,
		});
		reconciliation = await importReconciliation(w);
	});

	afterAll(async () => {
		await w?.stack.stop();
	});

	it(`${DEALS} deals: the ones a SIGKILL interrupted are created once by reconciliation, the others sync live`, async () => {
		const world = w!;
		const t0 = Date.now();
		await injectFaults(world.stack, FAULT_RATE);
		const half = Math.ceil(DEALS / 2);
		await createDeals(world, 0, half);
		// Kill n8n once the execution for the first deals is creating opportunities (some reached AWS, some not).
		await restartMidRun(world, 'crash', ['hubspotToPartnerCentral'], {
			until: async () => (await pcSuccesses(world, 'CreateOpportunity')) >= 2,
		});
		await createDeals(world, half, DEALS);
		const secondHalf = new Set(world.dealIds.slice(half));
		await waitFor(
			async () => {
				const p = progress(world);
				world.log(`crash run: ${p.dealsSynced}/${DEALS} deals synced before reconciliation`);
				return p.dealsSynced >= secondHalf.size;
			},
			{ what: 'the deals created after the restart synced live', timeoutMs: 10 * 60_000, intervalMs: 3000 },
		);
		await waitForQuiet(world);
		const lost = DEALS - progress(world).dealsSynced;
		const createdBeforeRepair = await pcSuccesses(world, 'CreateOpportunity');
		world.log(`crash run: ${lost} deals without an opportunity link after the crash; ${createdBeforeRepair} successful creates so far`);
		// The kill interrupted real work: without reconciliation these deals would stay unsynced.
		expect(lost).toBeGreaterThan(0);

		await clearFaults(world.stack);
		const summary = await reconciliation.run({ sweepGraceMinutes: 0 });
		await waitForQuiet(world);
		const report = checkFinalState(world);
		console.log(
			`chaos crash: ${DEALS} deals, ${lost} interrupted by SIGKILL, repaired by one reconciliation run in ${Math.round((Date.now() - t0) / 1000)} s in all; ` +
				`reconciliation ${JSON.stringify(summary).slice(0, 600)}; calls ${JSON.stringify(await callCounts(world.stack))}; ` +
				`executions ${JSON.stringify(await executionSummary(world))}; final ${JSON.stringify({ ...report, problems: report.problems.slice(0, 20) })}`,
		);
		expect(report.problems).toEqual([]);
		expect(report.opportunities).toBe(DEALS);
	});
});
