/**
 * Node tests against the HubSpot simulator: starts it once per file (in-process, free port), resets it and the
 * process-wide limiters before each test, and runs the HubSpot for Partner Central node with the fake context.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { HubSpotPartnerCentral } from '../../../../nodes/HubSpotPartnerCentral/HubSpotPartnerCentral.node';
import { resetLimiters } from '../../../../nodes/shared/hubspot/limiter';
import type { HubSpotSimulator } from '../../../simulators/hubspot';
import { startHubSpotSimulator } from '../../../simulators/hubspot';
import type { FakeContext, ParamValue } from './fakeContext';
import { createFakeContext, credentialsFor } from './fakeContext';

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	token?: string;
}

export interface SimulatorRun {
	/** The simulator of the current file (set in beforeAll). */
	sim(): HubSpotSimulator;
	run(params: Record<string, ParamValue>, opts?: RunOptions): Promise<{ out: INodeExecutionData[]; ctx: FakeContext }>;
}

/** Call at the top of a test file: registers the hooks and returns the runner. */
export function useHubSpotSimulator(rateLimitPer10s = 190): SimulatorRun {
	let sim: HubSpotSimulator;
	beforeAll(async () => {
		sim = await startHubSpotSimulator({ port: 0, rateLimitPer10s });
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		sim.reset();
		resetLimiters();
	});
	return {
		sim: () => sim,
		async run(params, opts = {}) {
			const ctx = createFakeContext({
				credentials: credentialsFor(sim.url, opts.token ?? sim.token, rateLimitPer10s),
				params,
				items: opts.items,
				continueOnFail: opts.continueOnFail,
			});
			const [out] = await new HubSpotPartnerCentral().execute.call(ctx);
			return { out, ctx };
		},
	};
}
