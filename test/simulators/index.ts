/**
 * Starts the Partner Central, HubSpot and SQS simulators together with ONE SimClock. The SQS simulator accepts the
 * same AWS keys as Partner Central (incl. AssumeRole temporary keys) and receives Partner Central SQS event sinks.
 */
import { SimClock } from './common/clock';
import { type HubSpotSimulator, startHubSpotSimulator } from './hubspot/index';
import { type PartnerCentralSimulator, startPartnerCentralSimulator } from './partnerCentral/index';
import { type SqsSimulatorHandle, startSqsSimulator } from './sqs/index';

export { startPartnerCentralSimulator } from './partnerCentral/index';
export { startSqsSimulator } from './sqs/index';
export { startHubSpotSimulator } from './hubspot/index';
export { SimClock } from './common/clock';

export interface SimulatorsOptions {
	/** Simulated time speed-up (quotas, task durations, invitation expiry, HubSpot windows). Default 1. */
	timeScale?: number;
	/** 0 = free port (default). */
	ports?: { partnerCentral?: number; hubspot?: number; sqs?: number };
	host?: string;
	/** Partner Central state snapshot to load (GET /__admin/snapshot format). */
	partnerCentralSnapshot?: Record<string, unknown>;
	hubspotToken?: string;
}

export interface Simulators {
	clock: SimClock;
	partnerCentral: PartnerCentralSimulator;
	hubspot: HubSpotSimulator;
	sqs: SqsSimulatorHandle;
	urls: { partnerCentral: string; hubspot: string; sqs: string };
	close(): Promise<void>;
}

export async function startSimulators(opts: SimulatorsOptions = {}): Promise<Simulators> {
	const clock = new SimClock(opts.timeScale ?? 1);
	const ports = opts.ports ?? {};
	const ref: { pc?: PartnerCentralSimulator } = {};
	const sqs = await startSqsSimulator({
		port: ports.sqs ?? 0,
		host: opts.host,
		clock,
		lookupSecret: (id) => {
			const key = ref.pc?.sim.keys[id];
			if (!key || key.denied) return undefined;
			if (key.expiresAt !== undefined && ref.pc!.sim.now() >= key.expiresAt) return undefined;
			return key.secretAccessKey;
		},
	});
	const partnerCentral = await startPartnerCentralSimulator({ port: ports.partnerCentral ?? 0, host: opts.host, clock, sqs, snapshot: opts.partnerCentralSnapshot });
	ref.pc = partnerCentral;
	const hubspot = await startHubSpotSimulator({ port: ports.hubspot ?? 0, host: opts.host, clock, token: opts.hubspotToken });
	return {
		clock,
		partnerCentral,
		hubspot,
		sqs,
		urls: { partnerCentral: partnerCentral.url, hubspot: hubspot.url, sqs: sqs.url },
		close: async () => {
			await Promise.all([partnerCentral.close(), hubspot.close(), sqs.close()]);
		},
	};
}
