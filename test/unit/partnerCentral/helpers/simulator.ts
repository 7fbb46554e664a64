import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AwsPartnerCentral } from '../../../../nodes/AwsPartnerCentral/AwsPartnerCentral.node';
import { SimClock } from '../../../simulators/common/clock';
import { startPartnerCentralSimulator, type PartnerCentralSimulator } from '../../../simulators/partnerCentral';
import { createExecuteContext, type FakeContextOptions } from './fakeContext';
import { localCredentials } from './setup';

/** Simulated time runs this much faster than real time (async tasks finish in ~50 ms real). */
export const TIME_SCALE = 100;

export async function startSimulator(): Promise<PartnerCentralSimulator> {
	return await startPartnerCentralSimulator({ port: 0, clock: new SimClock(TIME_SCALE) });
}

const node = new AwsPartnerCentral();

/** Run the node once with these parameters against the simulator; returns the output items' JSON. */
export async function runNode(
	pc: PartnerCentralSimulator,
	parameters: IDataObject,
	extra: Partial<FakeContextOptions> = {},
): Promise<IDataObject[]> {
	const out = await node.execute.call(
		createExecuteContext({
			parameters,
			// Simulated quotas run TIME_SCALE times faster (writes 100/s, reads 1000/s real): pace below them.
			credentials: localCredentials(pc.url, { catalog: 'AWS', writesPerSecond: 50, readsPerSecond: 500 }),
			...extra,
		}),
	);
	return (out[0] as INodeExecutionData[]).map((i) => i.json);
}

/** Operations the simulator answered with HTTP 200. */
export function succeededOperations(pc: PartnerCentralSimulator): Set<string> {
	return new Set(pc.sim.requestLog.filter((r) => r.status === 200).map((r) => r.operation));
}
