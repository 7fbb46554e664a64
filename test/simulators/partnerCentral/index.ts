/**
 * In-process Partner Central Selling API simulator (AWS JSON 1.0, SigV4, STS AssumeRole, admin API).
 * Usage: const pc = await startPartnerCentralSimulator({ port: 0 }); new PartnerCentralSellingClient({ endpoint: pc.url, ... }).
 */
import { createServer } from 'node:http';
import { SimClock, type RunningSimulator } from '../common/clock';
import { closeServer, listen } from '../common/http';
import { loadSnapshot, snapshotOf } from './admin';
import type { SqsEnqueuer } from './events';
import { createRequestListener } from './server';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, PcSim } from './sim';

export { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, PcSim } from './sim';
export type { EventEnvelope, EventSink } from './events';

export interface PartnerCentralSimulatorOptions {
	/** 0 = any free port (default). */
	port?: number;
	host?: string;
	clock?: SimClock;
	/** SQS simulator (or anything with enqueue) for SQS event sinks. */
	sqs?: SqsEnqueuer;
	/** Initial state snapshot (as returned by GET /__admin/snapshot). */
	snapshot?: Record<string, unknown>;
}

export interface PartnerCentralSimulator extends RunningSimulator {
	sim: PcSim;
	clock: SimClock;
	region: 'us-east-1';
	credentials: { accessKeyId: string; secretAccessKey: string };
	/** Runs due scheduled work (tasks, expiries, event retries) now. */
	tick(): Promise<void>;
	snapshot(): Record<string, unknown>;
}

export async function startPartnerCentralSimulator(opts: PartnerCentralSimulatorOptions = {}): Promise<PartnerCentralSimulator> {
	const clock = opts.clock ?? new SimClock();
	const sim = new PcSim(clock, opts.sqs);
	if (opts.snapshot) loadSnapshot(sim, opts.snapshot);
	const server = createServer(createRequestListener(sim));
	server.keepAliveTimeout = 1000;
	const host = opts.host ?? '127.0.0.1';
	const port = await listen(server, opts.port ?? 0, host);
	return {
		url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
		port,
		sim,
		clock,
		region: 'us-east-1',
		credentials: { accessKeyId: DEFAULT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY },
		tick: () => sim.scheduler.tick(),
		snapshot: () => snapshotOf(sim),
		close: async () => {
			sim.scheduler.stop();
			await closeServer(server);
		},
	};
}
