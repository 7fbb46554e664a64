/**
 * Chaos, full run (issue 9; opt-in: `npm run test:chaos`, which sets PC_CHAOS=1): 500 deals and 100 referrals through
 * both sync templates on real n8n while both APIs fail about 15 % of their calls (5xx, 429 and ThrottlingException,
 * 4 s answers, connection resets) plus a burst every 20 s (the next 3 calls on each API throttled), with two graceful
 * n8n restarts, each while deal and referral executions are
 * running. 0 lost, 0 duplicated, and both simulators end as a run without faults does (scenario.ts, checkFinalState).
 *
 * Scaled clock: Partner Central's write quota is 1 per second, so 500 creates and 100 acceptances take more than ten
 * minutes of quota alone. The run uses the simulators' scaled clock (SimClock timeScale, CHAOS_TIME_SCALE, default
 * 10): Partner Central's quotas, task durations and review delays run 10 times faster, and the credential's Writes
 * per Second is set to the scaled quota (10/s). HubSpot runs at real speed with its real 100 requests / 10 s limit.
 *
 * Sizes: CHAOS_DEALS (500), CHAOS_REFERRALS (100), CHAOS_FAULT_RATE (0.15), CHAOS_RESTARTS (2).
 *
 * Last run (2026-11-24 22:17, `PC_CHAOS=1 npx jest --selectProjects e2e --runInBand --testPathPatterns
 * test/e2e/chaos/faultInjectionFull`, on the shared 2-core machine while other engineers' n8n suites ran, load ~10:
 * wall times are pessimistic): PASSED. 500/500 deals synced, 100/100 referrals linked; 600 opportunities (one per
 * deal and per referral, none duplicated), 600 HubSpot deals, 101 companies and 101 contacts (one per referral plus
 * the deals' own), every invitation ACCEPTED. Faults: 786 of 4,706 Partner Central calls (16.7 %) and 310 of 1,734
 * HubSpot calls (17.9 %), bursts included. Restarts: 2 graceful, with 15 and 13 executions running, which n8n
 * finished in 110 s and 234 s. Converged 638 s after the first deal; 646 s test body, 684 s with start-up.
 * Executions: deals 219 success + 2 error, referrals 17 success. Known, not counted as lost: 5 of 100 "referral
 * accepted" notes missing (a note create that failed is not repeated: HubSpot notes have no idempotency key), and 77
 * "this deal change was not sent to AWS" notes on referral deals (the deal template's poll picks up the deals the
 * referral template creates and marks them as sync errors; the 2 error executions were such notes failing under
 * faults). Two earlier runs without bursts passed too (converged in 751 s and 904 s; 600/600/101/101).
 */
import {
	callCounts,
	checkFinalState,
	clearFaults,
	createDeals,
	createReferrals,
	executionSummary,
	injectFaults,
	restartMidRun,
	startBursts,
	startChaos,
	waitForConvergence,
	waitForQuiet,
	type ChaosWorld,
} from './scenario';

const DEALS = Number(process.env.CHAOS_DEALS ?? 500);
const REFERRALS = Number(process.env.CHAOS_REFERRALS ?? 100);
const FAULT_RATE = Number(process.env.CHAOS_FAULT_RATE ?? 0.15);
const RESTARTS = Number(process.env.CHAOS_RESTARTS ?? 2);
const TIME_SCALE = Number(process.env.CHAOS_TIME_SCALE ?? 10);
const CONVERGE_MS = 75 * 60_000;

jest.setTimeout(CONVERGE_MS + 30 * 60_000);

const ENABLED = process.env.PC_CHAOS === '1';
if (!ENABLED) console.log('chaos full run (500 deals, 100 referrals, 2 restarts) skipped: opt-in with `npm run test:chaos`');
const describeFull = ENABLED ? describe : describe.skip;

describeFull('chaos (full): faults on both APIs and n8n restarts mid-run, nothing lost or duplicated', () => {
	let w: ChaosWorld | undefined;

	beforeAll(async () => {
		w = await startChaos({
			deals: DEALS,
			referrals: REFERRALS,
			faultRate: FAULT_RATE,
			timeScale: TIME_SCALE,
			restarts: RESTARTS,
			restartKind: 'graceful',
			convergeTimeoutMs: CONVERGE_MS,
		});
	});

	afterAll(async () => {
		await w?.stack.stop();
	});

	it(`syncs ${DEALS} deals and ${REFERRALS} referrals exactly once under ${Math.round(FAULT_RATE * 100)} % faults with ${RESTARTS} graceful restarts mid-run`, async () => {
		const world = w!;
		const t0 = Date.now();
		await injectFaults(world.stack, FAULT_RATE);
		const stopBursts = startBursts(world.stack);
		// Waves of new deals and referrals, with a restart after each but the last, while both templates are busy.
		const waves = RESTARTS + 1;
		for (let k = 0; k < waves; k++) {
			await createDeals(world, Math.floor((DEALS * k) / waves), Math.floor((DEALS * (k + 1)) / waves));
			await createReferrals(world, Math.floor((REFERRALS * k) / waves), Math.floor((REFERRALS * (k + 1)) / waves));
			world.log(`wave ${k + 1}/${waves} created at ${Math.round((Date.now() - t0) / 1000)} s`);
			if (k < waves - 1) await restartMidRun(world, 'graceful', ['hubspotToPartnerCentral', 'awsReferralsToHubSpot']);
		}

		await waitForConvergence(world, CONVERGE_MS);
		const converged = Date.now();
		stopBursts();
		await clearFaults(world.stack);
		await waitForQuiet(world);
		const report = checkFinalState(world);
		const calls = await callCounts(world.stack);
		console.log(
			`chaos full: ${DEALS} deals, ${REFERRALS} referrals, ${Math.round(FAULT_RATE * 100)} % faults, ${world.restartsDone} graceful restarts, clock x${TIME_SCALE}; ` +
				`converged after ${Math.round((converged - t0) / 1000)} s, ${Math.round((Date.now() - t0) / 1000)} s in all; calls ${JSON.stringify(calls)}; ` +
				`executions ${JSON.stringify(await executionSummary(world))}; final ${JSON.stringify({ ...report, problems: report.problems.slice(0, 30) })}`,
		);
		expect(world.restartsDone).toBe(RESTARTS);
		expect(calls.pcFaulted).toBeGreaterThan(0);
		expect(calls.hubspotFaulted).toBeGreaterThan(0);
		expect(report.problems).toEqual([]);
		expect(report.opportunities).toBe(DEALS + REFERRALS);
	});
});
