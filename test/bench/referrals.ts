/**
 * Benchmark 3, referral intake: M pending AWS referrals (engagement invitations) become HubSpot deals through
 * template 2 as shipped (default policy: a pending-referral deal with a note asking for a decision), its poll set to
 * every minute (the shortest n8n accepts). Reports API calls per invitation on both sides.
 */
import type { WorkflowJson } from '../e2e/harness';
import { DEMO_PC_REFERRAL } from '../e2e/harness/stack';
import { diffCounters, failedExecutionErrors, hubspotCounters, PcRecorder, round, sleep, summarisePc } from './recorders';
import type { Row } from './report';
import { startBenchStack } from './stack';
import { hubspotDeals } from './world';

function fastReferralPoll(_key: string, wf: WorkflowJson): WorkflowJson {
	return {
		...wf,
		nodes: wf.nodes.map((n) => {
			if (n.name === 'AWS Referral Poll')
				return { ...n, parameters: { ...n.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } } };
			return n;
		}),
	};
}

export interface ReferralsResult {
	invitations: number;
	deals: number;
	duplicates: number;
	seconds: number;
	pcCallsPerInvitation: number;
	hubspotCallsPerInvitation: number;
	pcByOperation: Record<string, number>;
	hubspotByCategory: Record<string, number>;
	failedExecutions: number;
	errors: Array<{ id: string; node?: string; message?: string }>;
	rows: Row[];
}

export async function runReferrals(opts: { invitations: number; log: (m: string) => void }): Promise<ReferralsResult> {
	const m = opts.invitations;
	const stack = await startBenchStack({ timeScale: 1, templates: ['awsReferralsToHubSpot'], adjust: fastReferralPoll, log: opts.log });
	try {
		const { sims, pc } = stack;
		// The poll's first cycle sets its cursor; referrals arrive after it.
		await sleep(65_000);
		const pcRec = new PcRecorder(sims);
		const hsBefore = hubspotCounters(sims);
		const started = Date.now();
		const ids: string[] = [];
		for (let i = 0; i < m; i++) {
			const body = JSON.parse(JSON.stringify(DEMO_PC_REFERRAL)) as typeof DEMO_PC_REFERRAL;
			body.opportunity.Project.Title = `Bench referral ${i} modernization`;
			body.opportunity.Customer.Account.CompanyName = `Bench Referral ${i} Inc`;
			body.opportunity.Customer.Account.WebsiteUrl = `https://bench-referral-${i}.example`;
			body.opportunity.Customer.Contacts[0].Email = `buyer${i}@bench-referral-${i}.example`;
			ids.push((await pc.post<{ Id: string }>('invitations', body)).Id);
		}
		opts.log(`${m} referrals sent; waiting for their HubSpot deals...`);
		const deadline = Date.now() + 300_000 + m * 2000;
		const dealsOf = () => hubspotDeals(sims).filter((d) => ids.includes(String(d.properties.aws_invitation_id)));
		while (Date.now() < deadline && new Set(dealsOf().map((d) => d.properties.aws_invitation_id)).size < m) await sleep(1000);
		const seconds = (Date.now() - started) / 1000;
		// Let the last execution finish (its note) before counting.
		await sleep(8000);
		const hs = diffCounters(hubspotCounters(sims), hsBefore);
		const pcs = summarisePc(pcRec.calls);
		const deals = dealsOf();
		const errors = await failedExecutionErrors(stack.n8n.api, stack.workflows.awsReferralsToHubSpot!.id);
		const failed = errors.length;
		for (const e of errors) opts.log(`failed execution ${e.id} at "${e.node}": ${e.message}`);
		const distinct = new Set(deals.map((d) => d.properties.aws_invitation_id)).size;
		const rows: Row[] = [
			{ metric: 'invitations / HubSpot deals / duplicates', value: `${m} / ${distinct} / ${deals.length - distinct}`, target: `${m} / ${m} / 0`, met: distinct === m && deals.length === m },
			{ metric: 'Partner Central calls per invitation', value: round(pcs.total / m) },
			{ metric: 'HubSpot calls per invitation', value: round(hs.total / m) },
			{ metric: 'failed executions', value: failed, target: '0', met: failed === 0 },
			{ metric: 'time to intake all (s, poll every minute)', value: round(seconds, 1) },
		];
		return {
			invitations: m,
			deals: deals.length,
			duplicates: deals.length - distinct,
			seconds: round(seconds, 1),
			pcCallsPerInvitation: round(pcs.total / m),
			hubspotCallsPerInvitation: round(hs.total / m),
			pcByOperation: pcs.byOperation,
			hubspotByCategory: hs.byCategory,
			failedExecutions: failed,
			errors,
			rows,
		};
	} finally {
		await stack.stop();
	}
}
