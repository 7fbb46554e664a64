/**
 * Benchmark 4, idle cost: API calls per poll cycle when nothing is new. The shipped templates with every poll and
 * schedule set to once a minute (the shortest n8n allows; users pick 5-15 minutes), the HubSpot deal poll switched
 * on, nothing changing in either system. Each trigger's calls per cycle are compared to one call per event type it
 * watches.
 */
import type { WorkflowJson } from '../e2e/harness';
import { diffCounters, hubspotCounters, PcRecorder, round, sleep } from './recorders';
import type { Row } from './report';
import { startBenchStack } from './stack';
import { taggedDealsSeed } from './world';

const EVERY_MINUTE_POLL = { item: [{ mode: 'everyMinute' }] };
const EVERY_MINUTE_SCHEDULE = { interval: [{ field: 'minutes', minutesInterval: 1 }] };

function everyMinute(_key: string, wf: WorkflowJson): WorkflowJson {
	return {
		...wf,
		nodes: wf.nodes.map((n) => {
			if (n.name === 'HubSpot Deal Poll (alternative)') return { ...n, disabled: false, parameters: { ...n.parameters, pollTimes: EVERY_MINUTE_POLL } };
			if (n.disabled) return n;
			if (n.parameters.pollTimes) return { ...n, parameters: { ...n.parameters, pollTimes: EVERY_MINUTE_POLL } };
			if (n.type === 'n8n-nodes-base.scheduleTrigger') return { ...n, parameters: { ...n.parameters, rule: EVERY_MINUTE_SCHEDULE } };
			return n;
		}),
	};
}

export interface IdleResult {
	cycles: number;
	seconds: number;
	hubspotPerCycle: Record<string, number>;
	pcPerCycle: Record<string, number>;
	executions: number;
	rows: Row[];
}

export async function runIdle(opts: { cycles: number; log: (m: string) => void }): Promise<IdleResult> {
	const { log } = opts;
	const stack = await startBenchStack({
		timeScale: 1,
		templates: ['hubspotToPartnerCentral', 'awsReferralsToHubSpot', 'partner-central-to-hubspot.json'],
		adjust: everyMinute,
		log,
		beforeN8n: async (_sims, admins) => {
			// Existing data that is not new: it must not be read again on every cycle.
			await admins.hubspot.post('seed', taggedDealsSeed(20));
		},
	});
	try {
		const { sims } = stack;
		// The first cycle of each trigger sets its cursor: measure from the second minute on.
		log('Letting each trigger run its first (cursor-setting) cycle...');
		await sleep(70_000);
		const pcRec = new PcRecorder(sims);
		const hsBefore = hubspotCounters(sims);
		const started = Date.now();
		const execsBefore = (await stack.n8n.api.executions()).length;
		log(`Measuring ${opts.cycles} idle minute(s)...`);
		await sleep(opts.cycles * 60_000);
		const seconds = (Date.now() - started) / 1000;
		const cycles = seconds / 60;
		const hs = diffCounters(hubspotCounters(sims), hsBefore);
		const pcByOp: Record<string, number> = {};
		for (const c of pcRec.calls) pcByOp[c.operation] = (pcByOp[c.operation] ?? 0) + 1;
		const per = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v / cycles, 2)]));
		const hubspotPerCycle = per(hs.byCategory);
		const pcPerCycle = per(pcByOp);
		const executions = (await stack.n8n.api.executions()).length - execsBefore;
		// Expected, per minute: the deal poll's one search; the opportunity poll's two event types (opportunity
		// changes, AWS summary changes); the referral poll's one (new invitations); the two schedules' one list each.
		const search = hubspotPerCycle['objects.search'] ?? 0;
		const listOpp = pcPerCycle.ListOpportunities ?? 0;
		const listInv = pcPerCycle.ListEngagementInvitations ?? 0;
		const pcTotal = Object.values(pcPerCycle).reduce((a, b) => a + b, 0);
		const hsTotal = Object.values(hubspotPerCycle).reduce((a, b) => a + b, 0);
		const rows: Row[] = [
			{ metric: 'idle minutes measured', value: round(cycles, 2) },
			{ metric: 'HubSpot deal poll: searches per cycle', value: search, target: '1 (one event type)', met: search <= 1.05 },
			{ metric: 'HubSpot calls per minute, all workflows', value: round(hsTotal, 2), target: '1', met: hsTotal <= 1.05 },
			{ metric: 'Partner Central: ListOpportunities per minute', value: listOpp, target: '3 (opportunity poll: changes + AWS summaries; Retry Queued Updates schedule)', met: listOpp <= 3.05 },
			{ metric: 'Partner Central: ListEngagementInvitations per minute', value: listInv, target: '2 (referral poll; Check HubSpot Decisions schedule)', met: listInv <= 2.05 },
			{ metric: 'Partner Central calls per minute, all workflows', value: round(pcTotal, 2), target: '5', met: pcTotal <= 5.05 },
			// Schedule triggers start an execution every cycle by design (they list, then filter); poll triggers must not.
			{ metric: 'executions started per minute while idle', value: round(executions / cycles, 2), target: '2 (the two schedules; none from polls)', met: executions / cycles <= 2.05 },
		];
		return { cycles: round(cycles, 2), seconds: round(seconds, 1), hubspotPerCycle, pcPerCycle, executions, rows };
	} finally {
		await stack.stop();
	}
}
