/**
 * Entry of `npm run bench` (test/bench/run.js). Runs the chosen benchmarks one after the other, prints a table for
 * each and writes test/bench/results/<name>.json. See docs/benchmarks.md.
 */
import { runBackfill } from './backfill';
import { runIdle } from './idle';
import { runLatency } from './latency';
import { runNaive } from './naive';
import { runReferrals } from './referrals';
import { printTable, writeResult, type Row } from './report';

const ALL = ['backfill', 'latency', 'referrals', 'idle'] as const;

interface Args {
	only: string[];
	deals: number;
	timeScale: number;
	idleCycles: number;
	naiveDeals: number;
	writePace: number;
	latencyDeals: number;
	latencyRate: number;
	invitations: number;
	naive: boolean;
}

function parseArgs(argv: string[]): Args | undefined {
	const args: Args = { only: [...ALL], deals: 1000, timeScale: 5, idleCycles: 3, naiveDeals: 100, writePace: 1, latencyDeals: 200, latencyRate: 0.8, invitations: 50, naive: true };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => inline ?? argv[++i];
		if (flag === '--help' || flag === '-h') return undefined;
		else if (flag === '--only') args.only = value().split(',');
		else if (flag === '--deals') args.deals = Number(value());
		else if (flag === '--time-scale') args.timeScale = Number(value());
		else if (flag === '--no-naive') args.naive = false;
		else if (flag === '--invitations') args.invitations = Number(value());
		else if (flag === '--latency-deals') args.latencyDeals = Number(value());
		else if (flag === '--latency-rate') args.latencyRate = Number(value());
		else if (flag === '--write-pace') args.writePace = Number(value());
		else if (flag === '--naive-deals') args.naiveDeals = Number(value());
		else if (flag === '--idle-cycles') args.idleCycles = Number(value());
		else throw new Error(`Unknown option ${flag} (see --help)`);
	}
	return args;
}

const HELP = `npm run bench -- [options]
  --only backfill,latency,referrals,idle   benchmarks to run (default: all). "backfill" also measures the naive peer design.
  --deals N                deals in the backfill (default 1000)
  --time-scale S           Partner Central simulated seconds per real second (default 5); ratios are to the scaled quota
  --write-pace F           the credential's Writes per Second as a fraction of the quota (default 1 = as shipped)
  --no-naive               skip the naive peer design (e.g. when repeating the backfill with another pace)
  --naive-deals M          deals the naive peer design syncs (default min(N, 100); per-deal figures compared)
  --latency-deals D        deals created for the latency benchmark (default 200)
  --latency-rate R         deals created per second (default 0.8, under the 1 write/s quota)
  --invitations M          pending AWS referrals for the referral-intake benchmark (default 50)
  --idle-cycles C          poll cycles measured by the idle benchmark (default 3; n8n polls at most once a minute)`;

export async function main(argv: string[]): Promise<number> {
	const args = parseArgs(argv);
	if (!args) {
		console.log(HELP);
		return 0;
	}
	const log = (m: string) => console.log(`[bench] ${m}`);
	const command = `npm run bench -- ${argv.join(' ')}`.trim();
	let allMet = true;
	const check = (rows: Row[]) => {
		for (const r of rows) if (r.met === false) allMet = false;
	};

	if (args.only.includes('backfill')) {
		log(`Backfill: ${args.deals} deals, Partner Central clock x${args.timeScale}, credential pace ${args.writePace} x quota`);
		const b = await runBackfill({ deals: args.deals, timeScale: args.timeScale, writePace: args.writePace, log });
		if (args.naive) log('Naive peer design on the same data and quotas');
		// The naive design is slow by nature (HubSpot's 10-second limit at ~11 calls per deal): a sample of the deals.
		const nv = args.naive ? await runNaive({ deals: Math.min(args.deals, args.naiveDeals), timeScale: args.timeScale, log }) : undefined;
		const rows: Row[] = [
			{ metric: 'deals synced / opportunities / duplicates', value: `${b.synced} / ${b.opportunities} / ${b.duplicates}`, target: `${b.deals} / ${b.deals} / 0`, met: b.synced === b.deals && b.opportunities === b.deals && b.duplicates === 0 },
			{ metric: 'write rate / scaled write quota', value: b.writeRateToQuota, target: '>= 0.95', met: b.writeRateToQuota >= 0.95 },
			{ metric: 'throttling errors that reached the workflow', value: b.throttlesSurfaced, target: '0', met: b.throttlesSurfaced === 0 },
			{ metric: 'ThrottlingException answers from the simulator', value: b.throttlesFromSimulator },
			{ metric: 'failed executions / executions', value: `${b.failedExecutions} / ${b.executions}`, target: '0 failed', met: b.failedExecutions === 0 },
			{ metric: 'HubSpot calls per deal', value: b.hubspotCallsPerDeal, target: '<= 0.05', met: b.hubspotCallsPerDeal <= 0.05 },
			{ metric: 'HubSpot calls by kind', value: Object.entries(b.hubspotByCategory).map(([k, v]) => `${k} ${v}`).join(', ') },
			{ metric: 'Partner Central calls per deal', value: b.pcCallsPerDeal, target: '1.0', met: b.pcCallsPerDeal <= 1.0 },
			{ metric: 'Partner Central writes per deal', value: b.pcWritesPerDeal },
			{ metric: 'wall time (s), incl. wait for first poll', value: b.wallSeconds },
			{ metric: 'Partner Central phase (s)', value: b.writePhaseSeconds },
			{ metric: 'median real ms between writes / paced interval', value: `${b.writeGapMedianMs} / ${b.pacedIntervalMs}` },
			{ metric: 'n8n peak RSS (MB) / at start', value: `${b.n8nPeakRssMb} / ${b.n8nBaselineRssMb}` },
		];
		if (nv)
			rows.push(
				{ metric: 'naive: deals / created / failed', value: `${nv.deals} / ${nv.created} / ${nv.failedDeals}` },
				{ metric: 'naive: HubSpot calls per deal (ratio)', value: `${nv.hubspotCallsPerDeal} (${ratio(nv.hubspotCallsPerDeal, b.hubspotCallsPerDeal)}x)` },
				{ metric: 'naive: Partner Central calls per deal (ratio)', value: `${nv.pcCallsPerDeal} (${ratio(nv.pcCallsPerDeal, b.pcCallsPerDeal)}x)` },
				{ metric: 'naive: throttles at simulator / surfaced / HubSpot 429', value: `${nv.throttlesFromSimulator} / ${nv.throttlesSurfaced} / ${nv.hubspot429}` },
				{ metric: 'naive: write rate / quota', value: nv.writeRateToQuota },
				{ metric: 'naive: wall time (s)', value: nv.wallSeconds },
			);
		printTable(`Backfill: ${args.deals} deals, Partner Central quota scaled x${args.timeScale}, credential Writes per Second = ${args.writePace} x quota`, rows);
		check(rows);
		const name = ['backfill', args.writePace === 1 ? '' : `pace-${args.writePace}`, args.timeScale === 5 ? '' : `x${args.timeScale}`];
		log(`Result: ${writeResult(name.filter(Boolean).join('-'), command, { backfill: b, naive: nv }, rows)}`);
	}

	if (args.only.includes('latency')) {
		log(`Real-time latency: ${args.latencyDeals} deals at ${args.latencyRate}/s`);
		const r = await runLatency({ deals: args.latencyDeals, ratePerSecond: args.latencyRate, log });
		printTable(`Real-time latency: ${args.latencyDeals} deals at ${args.latencyRate}/s (real time, real quotas)`, r.rows);
		check(r.rows);
		log(`Result: ${writeResult(args.latencyRate === 0.8 ? 'latency' : `latency-${args.latencyRate}`, command, r, r.rows)}`);
	}

	if (args.only.includes('referrals')) {
		log(`Referral intake: ${args.invitations} pending invitations`);
		const r = await runReferrals({ invitations: args.invitations, log });
		printTable(`Referral intake: ${args.invitations} pending AWS referrals to HubSpot deals`, r.rows);
		check(r.rows);
		log(`Result: ${writeResult('referrals', command, r, r.rows)}`);
	}

	if (args.only.includes('idle')) {
		log(`Idle cost: ${args.idleCycles} poll cycles with nothing new`);
		const r = await runIdle({ cycles: args.idleCycles, log });
		const rows: Row[] = r.rows;
		printTable('Idle cost per poll cycle', rows);
		check(rows);
		log(`Result: ${writeResult('idle', command, r, rows)}`);
	}
	if (!allMet) log('Some targets are not met (see the tables and docs/benchmarks.md).');
	return 0;
}

function ratio(a: number, b: number): string {
	return b > 0 ? (a / b).toFixed(1) : 'n/a';
}
