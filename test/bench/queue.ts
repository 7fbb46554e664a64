/**
 * `npm run bench:queue`: template 1 on n8n in queue mode (PostgreSQL and Redis from Debian's packages, one main
 * process, 1 or 2 `n8n worker` processes), measured against the Partner Central write quota with and without the
 * credential's shared limiter (Redis). See docs/queue-mode.md.
 *
 * The load is a backfill that queue mode can spread: N tagged deals appear at once (a bulk import or bulk edit in
 * HubSpot), HubSpot delivers their events in webhook requests of `--batch` events each, and main puts one execution
 * per request on the queue, which the workers take. The Partner Central clock runs `--time-scale` times faster, the
 * credential's Writes per Second is set to that scaled quota (as a user sets it to the account's quota), and rates
 * are reported against it. One deployment serves every configuration: for each, fresh workers start (fresh
 * in-process pacing), the credential's Shared Rate Limit is set or cleared, N new deals arrive, the workers stop.
 */
import type { Execution } from '../e2e/harness';
import {
	queueModeEnv,
	startQueueStack,
	startWorkers,
	stopWorkers,
	updateCredential,
	type QueueStack,
	type QueueWorker,
} from '../e2e/harness/queueMode';
import { preparePackage } from '../e2e/harness/packageInstall';
import { queueServicesAvailable } from '../e2e/queue/services';
import { PcRecorder, round, sleep, summarisePc } from './recorders';
import { printTable, writeResult, type Row } from './report';
import type { BenchSims } from './stack';
import { hubspotDeals, taggedDealsSeed } from './world';

export interface QueueBenchConfig {
	workers: number;
	shared: boolean;
}

export interface QueueBenchResult extends QueueBenchConfig {
	deals: number;
	synced: number;
	opportunities: number;
	writeRateToQuota: number;
	writesOk: number;
	throttlesFromSimulator: number;
	throttlesSurfaced: number;
	failedExecutions: number;
	executions: number;
	executionsPerWorker: number[];
	pcCallsPerDeal: number;
	pcByOperation: Record<string, number>;
	throttledByOperation: Record<string, number>;
	/** HubSpot's webhook requests to n8n: all attempts, repeated attempts, and answers other than 2xx. */
	webhookRequests: number;
	webhookRetries: number;
	webhookFailures: Record<string, number>;
	wallSeconds: number;
}

interface Args {
	deals: number;
	timeScale: number;
	batch: number;
	webhookTimeoutMs: number;
	configs: QueueBenchConfig[];
}

const DEFAULT_CONFIGS: QueueBenchConfig[] = [
	{ workers: 1, shared: false },
	{ workers: 2, shared: false },
	{ workers: 1, shared: true },
	{ workers: 2, shared: true },
];

const HELP = `npm run bench:queue -- [options]
  --deals N        deals per configuration (default 60)
  --time-scale S   simulated seconds per real second (default 1: the real quota); rates are to the scaled quota. Higher scales
                   shrink the pacing margin (3 % of a slot) below the machine's timing jitter
  --batch B        events per HubSpot webhook request (default 5)
  --webhook-timeout MS  how long HubSpot waits for n8n's answer before sending again (default 30000; HubSpot: 5000)
  --configs LIST   e.g. 1,2,2s (workers; "s" = with the shared limiter). Default: 1,2,1s,2s`;

function parseArgs(argv: string[]): Args | undefined {
	const args: Args = { deals: 60, timeScale: 1, batch: 5, webhookTimeoutMs: 30_000, configs: DEFAULT_CONFIGS };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => inline ?? argv[++i];
		if (flag === '--help' || flag === '-h') return undefined;
		else if (flag === '--deals') args.deals = Number(value());
		else if (flag === '--time-scale') args.timeScale = Number(value());
		else if (flag === '--batch') args.batch = Number(value());
		else if (flag === '--webhook-timeout') args.webhookTimeoutMs = Number(value());
		else if (flag === '--configs')
			args.configs = value()
				.split(',')
				.map((c) => ({ workers: Number(c.replace(/s$/, '')), shared: c.endsWith('s') }));
		else throw new Error(`Unknown option ${flag} (see --help)`);
	}
	return args;
}

const label = (c: QueueBenchConfig) => `${c.workers} worker${c.workers > 1 ? 's' : ''}, ${c.shared ? 'shared limiter (Redis)' : 'no shared limiter'}`;

/** One configuration on the running deployment. */
async function measure(
	stack: QueueStack,
	config: QueueBenchConfig,
	opts: { deals: number; from: number; packageDir: string; log: (m: string) => void },
): Promise<QueueBenchResult> {
	const { log } = opts;
	const sims = stack.sims as unknown as BenchSims;
	const api = stack.n8n.api;
	const pcCred = stack.credentials.awsPartnerCentralApi;
	const workflowId = stack.workflows.hubspotToPartnerCentral!.id;
	await updateCredential(stack, pcCred.id, { sharedRateLimitUrl: config.shared ? stack.limiterRedisUrl : '' });
	const before = new Set((await api.executions(workflowId)).map((e) => String(e.id)));
	let workers: QueueWorker[] = [];
	try {
		workers = await startWorkers(config.workers, queueModeEnv(stack.services), { log, packageDir: opts.packageDir });
		const recorder = new PcRecorder(sims);
		const started = Date.now();
		const prefix = `Queue ${config.workers}${config.shared ? 's' : ''}`;
		await stack.hubspot!.post('seed', { ...taggedDealsSeed(opts.deals, opts.from, `#AWS ${prefix}`), emitEvents: true });
		log(`${label(config)}: ${opts.deals} tagged deals created; waiting for their opportunities...`);
		const mine = () => hubspotDeals(sims).filter((d) => String(d.properties.dealname ?? '').startsWith(`#AWS ${prefix} `));
		const deadline = started + 600_000;
		let lastLog = 0;
		let done = 0;
		// Also stop when the work is over without every deal done (an execution failed): nothing running, no new
		// execution for 30 s.
		let quiet = { count: -1, since: Date.now() };
		while (Date.now() < deadline) {
			const deals = mine();
			done = deals.filter((d) => d.properties.aws_sync_status === 'synced' || d.properties.aws_sync_status === 'error').length;
			if (done >= opts.deals) break;
			if (Date.now() - lastLog > 15_000) {
				lastLog = Date.now();
				log(`  ${done}/${opts.deals} deals done after ${Math.round((Date.now() - started) / 1000)} s`);
				const runs = (await api.executions(workflowId)).filter((e) => !before.has(String(e.id)));
				const idle = runs.length > 0 && runs.every((e) => e.status !== 'running' && e.status !== 'new');
				if (!idle || runs.length !== quiet.count) quiet = { count: runs.length, since: Date.now() };
				else if (Date.now() - quiet.since >= 30_000) {
					log(`  no execution running or starting for 30 s: ${opts.deals - done} deals not done`);
					break;
				}
			}
			await sleep(250);
		}
		const ended = Date.now();
		// The last executions finish writing their status.
		let runs: Execution[] = [];
		for (let i = 0; i < 120; i++) {
			runs = (await api.executions(workflowId)).filter((e) => !before.has(String(e.id)));
			if (runs.every((e) => e.status !== 'running' && e.status !== 'new')) break;
			await sleep(1000);
		}
		const deals = mine();
		const synced = deals.filter((d) => d.properties.aws_sync_status === 'synced' && d.properties.aws_opportunity_id);
		const throttledDeals = deals.filter((d) => /thrott|rate exceeded|too many requests/i.test(String(d.properties.aws_last_error ?? '')));
		const failed = runs.filter((e) => e.status !== 'success');
		let throttledRuns = 0;
		for (const e of failed) {
			const full = await api.execution(e.id);
			if (/thrott|rate exceeded/i.test(JSON.stringify(full.data?.resultData?.error ?? {}))) throttledRuns++;
		}
		const calls = recorder.calls.filter((c) => c.at <= ended);
		const pc = summarisePc(calls);
		const throttledByOperation: Record<string, number> = {};
		for (const c of calls)
			if (c.errorType === 'ThrottlingException') throttledByOperation[c.operation] = (throttledByOperation[c.operation] ?? 0) + 1;
		const ids = new Set(runs.map((e) => String(e.id)));
		const deliveries = sims.hubspot.webhooks.deliveries().filter((d) => Date.parse(d.at) >= started - 1000);
		const webhookFailures: Record<string, number> = {};
		for (const d of deliveries) {
			if (d.status && d.status < 300) continue;
			const why = d.status ? String(d.status) : (d.error ?? 'no answer');
			webhookFailures[why] = (webhookFailures[why] ?? 0) + 1;
		}
		return {
			...config,
			deals: opts.deals,
			synced: synced.length,
			opportunities: new Set(synced.map((d) => d.properties.aws_opportunity_id)).size,
			// Quota: 1 write per simulated second (C7); the clock runs timeScale times faster.
			writeRateToQuota: round(pc.writeRatePerSimSecond / 1),
			writesOk: pc.writesOk,
			throttlesFromSimulator: pc.throttled,
			throttlesSurfaced: throttledDeals.length + throttledRuns,
			failedExecutions: failed.length,
			executions: runs.length,
			executionsPerWorker: workers.map((w) => w.startedExecutions().filter((id) => ids.has(id)).length),
			pcCallsPerDeal: round(pc.total / opts.deals),
			pcByOperation: pc.byOperation,
			throttledByOperation,
			webhookRequests: deliveries.length,
			webhookRetries: deliveries.filter((d) => d.attemptNumber > 0).length,
			webhookFailures,
			wallSeconds: round((ended - started) / 1000, 1),
		};
	} finally {
		await stopWorkers(workers);
	}
}

export async function main(argv: string[]): Promise<number> {
	const args = parseArgs(argv);
	if (!args) {
		console.log(HELP);
		return 0;
	}
	const log = (m: string) => console.log(`[bench:queue] ${m}`);
	const gate = queueServicesAvailable(log);
	if (!gate.binaries) {
		console.log(`bench:queue skipped: PostgreSQL/Redis not available: ${gate.reason}`);
		return 0;
	}
	const t0 = Date.now();
	// One build of the package for every configuration (the checkout may change meanwhile).
	const packageDir = await preparePackage(log);
	// Main only at first (workers: 0); each configuration starts its own workers.
	const stack = await startQueueStack({
		timeScale: args.timeScale,
		workers: 0,
		templates: ['hubspotToPartnerCentral'],
		pcCredentialFields: { writesPerSecond: args.timeScale, readsPerSecond: 10 * args.timeScale },
		log,
	});
	const results: QueueBenchResult[] = [];
	try {
		// Deal creations only (the sync's own event filter and the other subscriptions are measured elsewhere), in
		// requests of `batch` events.
		// HubSpot gives n8n 5 s to answer a webhook request and sends it again otherwise; on a machine this loaded,
		// main sometimes answered later, and the repeated requests (duplicate executions, idempotent but spending
		// write slots) blurred the comparison. The simulator waits longer here (--webhook-timeout).
		await stack.hubspot!.put('webhooks/settings', { maxBatchSize: args.batch, timeoutMs: args.webhookTimeoutMs });
		await stack.hubspot!.del('webhooks/subscriptions');
		await stack.hubspot!.post('webhooks/subscriptions', { eventType: 'deal.creation', active: true });
		log(`Deployment up in ${Math.round((Date.now() - t0) / 1000)} s (main; PostgreSQL; Redis)`);
		let from = 0;
		for (const config of args.configs) {
			results.push(await measure(stack, config, { deals: args.deals, from, packageDir, log }));
			from += args.deals;
		}
	} finally {
		await stack.stop();
	}
	const rows: Row[] = [];
	for (const r of results) {
		const name = label(r);
		rows.push(
			{ metric: `${name}: deals synced / opportunities`, value: `${r.synced} / ${r.opportunities}`, target: `${r.deals} / ${r.deals}`, met: r.synced === r.deals && r.opportunities === r.deals },
			{ metric: `${name}: write rate / quota`, value: r.writeRateToQuota, target: '>= 0.95, <= 1', met: r.writeRateToQuota >= 0.95 && r.writeRateToQuota <= 1.0 },
			{ metric: `${name}: ThrottlingException answers (retried)`, value: `${r.throttlesFromSimulator}${r.throttlesFromSimulator ? ` ${JSON.stringify(r.throttledByOperation)}` : ''}` },
			{ metric: `${name}: throttles surfaced to workflows`, value: r.throttlesSurfaced, target: '0', met: r.throttlesSurfaced === 0 },
			{ metric: `${name}: failed executions / executions (per worker)`, value: `${r.failedExecutions} / ${r.executions} (${r.executionsPerWorker.join(' + ')})` },
			{ metric: `${name}: Partner Central calls per deal`, value: `${r.pcCallsPerDeal} ${JSON.stringify(r.pcByOperation)}` },
			{ metric: `${name}: webhook requests / repeated / not 2xx`, value: `${r.webhookRequests} / ${r.webhookRetries} / ${JSON.stringify(r.webhookFailures)}` },
			{ metric: `${name}: wall time (s)`, value: r.wallSeconds },
		);
	}
	const title = `Queue mode: ${args.deals} deals per configuration, webhook requests of ${args.batch} events, Partner Central quota scaled x${args.timeScale}`;
	printTable(title, rows);
	log(`Result: ${writeResult('queue', `npm run bench:queue -- ${argv.join(' ')}`.trim(), { args, installSeconds: gate.installSeconds, results }, rows)}`);
	log(`Total ${Math.round((Date.now() - t0) / 1000)} s`);
	return 0;
}

if (require.main === module) {
	main(process.argv.slice(2))
		.then((code) => process.exit(code))
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
