/**
 * Template 2 (AWS referrals to HubSpot) on real n8n against the simulators. AWS sends referrals through the Partner
 * Central simulator's "AWS side" admin action; reps decide in HubSpot (simulator "UI" edits); the assertions read both
 * simulators' state.
 */
import {
	ListEngagementByAcceptingInvitationTasksCommand,
	PartnerCentralSellingClient,
	StartEngagementByAcceptingInvitationTaskCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { waitFor, type Execution } from './harness';
import {
	Admin,
	DEMO_PC_REFERRAL,
	everySeconds,
	hubspotCall,
	SIM_PC_ACCESS_KEY,
	SIM_PC_SECRET,
	stopWithReport,
	withNodeParameters,
	startStack,
	TEMPLATE_FILES,
	withSetting,
	type Stack,
} from './harness/stack';
import type { WorkflowJson } from './harness/n8nApi';

// The first e2e file to run may install the n8n runtime (cold: ~10 minutes).
jest.setTimeout(30 * 60 * 1000);

interface HsObject {
	id: string;
	properties: Record<string, string | null>;
}
interface PcInvitation {
	Id: string;
	Catalog: string;
	Status: string;
	RejectionReason?: string;
}
interface PcOpportunity {
	Id: string;
	invitationId?: string;
	data: { Project?: { Title?: string } };
}

const DEAL_PROPS = [
	'dealname',
	'aws_invitation_id',
	'aws_invitation_status',
	'aws_referral_decision',
	'aws_opportunity_id',
	'aws_sync_status',
];

/** Faster polling for the test, as ops may set it: every minute (n8n's shortest poll) instead of 5 minutes. */
function fastPolling(_key: string, wf: WorkflowJson): WorkflowJson {
	const polled = withNodeParameters(wf, 'AWS Referral Poll', (p) => ({
		...p,
		pollTimes: { item: [{ mode: 'everyMinute' }] },
	}));
	return withNodeParameters(polled, 'Check HubSpot Decisions', () => everySeconds(10));
}

describe(`template ${TEMPLATE_FILES.awsReferralsToHubSpot} in real n8n`, () => {
	let stack: Stack;
	let workflowId: string;
	let counter = 0;
	/** Referrals sent before the first poll, one per decision scenario (one poll serves them all). */
	let early: { pending: string; accept: string; reject: string };

	const hs = <T>(method: string, path: string, body?: unknown): Promise<T> =>
		hubspotCall<T>(stack.sims!.hubspot.url, method, path, body);
	const dealsOfInvitation = async (invitationId: string): Promise<HsObject[]> =>
		(
			await hs<{ results: HsObject[] }>('POST', '/crm/v3/objects/deals/search', {
				filterGroups: [{ filters: [{ propertyName: 'aws_invitation_id', operator: 'EQ', value: invitationId }] }],
				properties: DEAL_PROPS,
			})
		).results;
	const dealOf = (invitationId: string, check: (d: HsObject) => boolean, what: string) =>
		waitFor(
			async () => {
				const deals = await dealsOfInvitation(invitationId);
				return deals.length === 1 && check(deals[0]) ? deals[0] : undefined;
			},
			{ what, timeoutMs: 150_000, intervalMs: 1000 },
		);
	const associated = async (dealId: string, toType: string): Promise<string[]> =>
		(
			await hs<{ results: Array<{ toObjectId: number | string }> }>(
				'GET',
				`/crm/v4/objects/deals/${dealId}/associations/${toType}`,
			)
		).results.map((r) => String(r.toObjectId));
	const invitation = async (id: string): Promise<PcInvitation> => {
		const s = await stack.pc!.get<{ state: { invitations: Record<string, PcInvitation> } }>('state');
		return s.state.invitations[id];
	};
	const opportunities = async (): Promise<PcOpportunity[]> => {
		const s = await stack.pc!.get<{ state: { opportunities: Record<string, PcOpportunity> } }>('state');
		return Object.values(s.state.opportunities);
	};
	const referral = async (title: string, countryCode = 'US', monthly = '15000'): Promise<string> => {
		counter++;
		const body = JSON.parse(JSON.stringify(DEMO_PC_REFERRAL)) as typeof DEMO_PC_REFERRAL;
		body.opportunity.Project.Title = title;
		body.opportunity.Customer.Account.CompanyName = `${title} Inc`;
		body.opportunity.Customer.Account.WebsiteUrl = `https://referral-${counter}.example`;
		body.opportunity.Customer.Account.Address.CountryCode = countryCode;
		body.opportunity.Customer.Contacts[0].Email = `buyer${counter}@referral-${counter}.example`;
		body.opportunity.Project.ExpectedCustomerSpend[0].Amount = monthly;
		const created = await stack.pc!.post<{ Id: string }>('invitations', body);
		return created.Id;
	};
	const settled = async () =>
		await waitFor(
			async () =>
				(await stack.n8n.api.executions(workflowId)).every(
					(e: Execution) => e.status !== 'running' && e.status !== 'new',
				),
			{ what: 'no running executions', timeoutMs: 120_000 },
		);
	const setPolicy = async (policy: string, extra: Record<string, unknown> = {}) => {
		await settled();
		let wf = (await stack.n8n.api.getWorkflow(workflowId)) as WorkflowJson;
		wf = withSetting(wf, 'decisionPolicy', policy);
		for (const [k, v] of Object.entries(extra)) wf = withSetting(wf, k, v);
		await stack.n8n.api.updateWorkflow(workflowId, wf);
		await stack.n8n.api.publishWorkflow(workflowId);
	};

	beforeAll(async () => {
		stack = await startStack({
			templates: ['awsReferralsToHubSpot'],
			timeScale: 10,
			adjust: fastPolling,
			log: (m) => console.log(m),
		});
		workflowId = stack.workflows.awsReferralsToHubSpot!.id;
		early = {
			pending: await referral('Pending decision portal'),
			accept: await referral('Accepted by rep analytics'),
			reject: await referral('Rejected by rep'),
		};
	});

	afterAll(async () => {
		await stopWithReport(stack, workflowId);
	});

	it('waits for a HubSpot decision: a pending-referral deal with a note, nothing accepted yet', async () => {
		const inv = early.pending;
		const deal = await dealOf(inv, (d) => d.properties.aws_referral_decision === 'pending', 'pending-referral deal');
		expect(deal.properties.aws_invitation_status).toBe('PENDING');
		expect(deal.properties.dealname).toContain('#AWS');
		await waitFor(async () => (await associated(deal.id, 'notes')).length >= 1, { what: 'note on the pending deal' });
		expect((await invitation(inv)).Status).toBe('PENDING');
		expect((await opportunities()).filter((o) => o.invitationId === inv)).toEqual([]);
	});

	it('handles the three referrals of one poll as a batch: each gets its pending deal and its own note', async () => {
		for (const inv of [early.pending, early.accept, early.reject]) {
			const deal = await dealOf(inv, (d) => !!d.properties.aws_referral_decision, `deal of ${inv}`);
			await waitFor(async () => (await associated(deal.id, 'notes')).length >= 1, { what: `note on the deal of ${inv}` });
		}
		await settled();
		const runs = await stack.n8n.api.executions(workflowId);
		expect(runs.filter((e: Execution) => e.status !== 'success')).toEqual([]);
	});

	it('accepts when the rep decides "accept": opportunity created, company, contacts and deal upserted and associated, note', async () => {
		const inv = early.accept;
		const pending = await dealOf(inv, (d) => d.properties.aws_referral_decision === 'pending', 'pending-referral deal');
		await stack.hubspot!.post(`ui/deals/${pending.id}/update`, { properties: { aws_referral_decision: 'accept' } });
		const deal = await dealOf(inv, (d) => !!d.properties.aws_opportunity_id, 'accepted deal with opportunity id');
		expect(deal.id).toBe(pending.id);
		expect(deal.properties.aws_invitation_status).toBe('ACCEPTED');
		expect(deal.properties.dealname).toContain('#AWS');
		expect((await invitation(inv)).Status).toBe('ACCEPTED');
		const opps = (await opportunities()).filter((o) => o.Id === deal.properties.aws_opportunity_id);
		expect(opps).toHaveLength(1);
		await waitFor(async () => (await associated(deal.id, 'companies')).length === 1, { what: 'company associated' });
		await waitFor(async () => (await associated(deal.id, 'contacts')).length >= 1, { what: 'contact associated' });
		await waitFor(async () => (await associated(deal.id, 'notes')).length >= 2, { what: 'acceptance note' });
	});

	it('rejects the invitation with the reason when the rep decides "reject"', async () => {
		const inv = early.reject;
		const pending = await dealOf(inv, (d) => d.properties.aws_referral_decision === 'pending', 'pending-referral deal');
		await stack.hubspot!.post(`ui/deals/${pending.id}/update`, {
			properties: { aws_referral_decision: 'reject', aws_referral_rejection_reason: 'Unable to support' },
		});
		await dealOf(inv, (d) => d.properties.aws_invitation_status === 'REJECTED', 'deal marked rejected');
		const after = await invitation(inv);
		expect(after.Status).toBe('REJECTED');
		expect(after.RejectionReason).toBe('Unable to support');
		expect((await opportunities()).filter((o) => o.invitationId === inv)).toEqual([]);
	});

	it('accepts every referral at once with the "acceptAll" policy (one opportunity per invitation)', async () => {
		await setPolicy('acceptAll');
		const inv = await referral('Accept all platform');
		const deal = await dealOf(inv, (d) => !!d.properties.aws_opportunity_id, 'accepted deal');
		expect((await invitation(inv)).Status).toBe('ACCEPTED');
		await settled();
		expect((await opportunities()).filter((o) => o.Id === deal.properties.aws_opportunity_id)).toHaveLength(1);
	});

	it('accepts referrals that match the rules and leaves the others for a HubSpot decision', async () => {
		await setPolicy('rules', { ruleMinMonthlySpend: 10000, ruleCountries: 'US,CA' });
		const match = await referral('Rules match platform', 'US', '20000');
		const noMatch = await referral('Rules miss platform', 'BR', '20000');
		await dealOf(match, (d) => !!d.properties.aws_opportunity_id, 'matching referral accepted');
		await dealOf(noMatch, (d) => d.properties.aws_referral_decision === 'pending', 'non-matching referral waits');
		expect((await invitation(noMatch)).Status).toBe('PENDING');
	});

	it('SQS alternative: a referral event becomes a pending deal and its queue message is acknowledged (not redelivered)', async () => {
		const sqs = new Admin(stack.sims!.sqs!.url);
		type Queue = { url: string; arn: string; name: string; messages: Array<{ Body: string }> };
		const queueState = async (name: string): Promise<Queue> =>
			(await sqs.get<{ queues: Queue[] }>('state')).queues.find((q) => q.name === name)!;
		const dlq = await sqs.post<Queue>('queues', { name: 'referrals-e2e-dlq' });
		const queue = await sqs.post<Queue>('queues', {
			name: 'referrals-e2e',
			// Simulated seconds (this stack's clock runs x10): 6 s real, ten times what one execution takes here.
			attributes: { VisibilityTimeout: '60', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }) },
		});
		const sink = await stack.pc!.post<{ id: string }>('events/sinks', { type: 'sqs', queue: queue.url });
		try {
			await settled();
			// As the setup note says: the event trigger enabled with the queue URL, the poll disabled.
			let wf = (await stack.n8n.api.getWorkflow(workflowId)) as WorkflowJson;
			wf = withSetting(wf, 'decisionPolicy', 'hubspot');
			wf = withNodeParameters(wf, 'AWS Referral Event (alternative)', (p) => ({ ...p, queueUrl: queue.url, options: { waitTimeSeconds: 1 } }));
			wf = {
				...wf,
				nodes: wf.nodes.map((n) =>
					n.name === 'AWS Referral Event (alternative)' ? { ...n, disabled: false } : n.name === 'AWS Referral Poll' ? { ...n, disabled: true } : n,
				),
			};
			await stack.n8n.api.updateWorkflow(workflowId, wf);
			await stack.n8n.api.publishWorkflow(workflowId);

			const inv = await referral('Queued referral platform');
			const deal = await dealOf(inv, (d) => d.properties.aws_referral_decision === 'pending', 'pending deal from the SQS event');
			await waitFor(async () => (await associated(deal.id, 'notes')).length >= 1, { what: 'note on the SQS referral deal' });
			// Acknowledged: the message is gone (neither visible nor in flight) and never reaches the dead-letter queue,
			// also after twice the visibility timeout.
			const mine = (q: Queue) => q.messages.filter((m) => m.Body.includes(inv));
			await waitFor(async () => mine(await queueState('referrals-e2e')).length === 0, { what: 'message deleted', timeoutMs: 60_000 });
			await new Promise((r) => setTimeout(r, 13_000));
			expect(mine(await queueState('referrals-e2e'))).toHaveLength(0);
			expect(mine(await queueState('referrals-e2e-dlq'))).toHaveLength(0);
			await settled();
			expect(await dealsOfInvitation(inv)).toHaveLength(1);
			const runs = await stack.n8n.api.executions(workflowId, true);
			const acked = runs.filter((e: Execution) => (e.data?.resultData.runData['Acknowledge Event'] ?? []).length > 0);
			expect(acked).toHaveLength(1);
			expect(acked[0].status).toBe('success');
		} finally {
			await stack.pc!.del(`events/sinks?id=${sink.id}`).catch(() => undefined);
		}
	});

	it('repairs an invitation accepted in Partner Central whose intake was cut off: exactly one deal, a second check writes nothing', async () => {
		await settled();
		let wf = (await stack.n8n.api.getWorkflow(workflowId)) as WorkflowJson;
		// The simulator clock runs x10 ahead of n8n's (timeScale 10), so an acceptance task started "now" in Partner
		// Central lies in n8n's future; a grace of minus one day makes every completed acceptance old enough here.
		wf = withSetting(wf, 'repairGraceMinutes', -1440);
		await stack.n8n.api.updateWorkflow(workflowId, wf);
		await stack.n8n.api.publishWorkflow(workflowId);
		// The poll is disabled and the event sink removed since the SQS test: nothing takes the referral in, as when
		// the intake execution was cut off after StartEngagementByAcceptingInvitationTask.
		const inv = await referral('Cut off intake platform');
		const { Catalog } = await invitation(inv);
		const client = new PartnerCentralSellingClient({
			endpoint: stack.sims!.partnerCentral.url,
			region: 'us-east-1',
			credentials: { accessKeyId: SIM_PC_ACCESS_KEY, secretAccessKey: SIM_PC_SECRET },
			maxAttempts: 10,
		});
		await client.send(
			new StartEngagementByAcceptingInvitationTaskCommand({ Catalog, Identifier: inv, ClientToken: `cut-off-${inv}` }),
		);
		const task = await waitFor(
			async () => {
				const l = await client.send(
					new ListEngagementByAcceptingInvitationTasksCommand({ Catalog, EngagementInvitationIdentifier: [inv] }),
				);
				return l.TaskSummaries?.find((t) => t.TaskStatus === 'COMPLETE');
			},
			{ what: 'acceptance task complete' },
		);
		expect((await invitation(inv)).Status).toBe('ACCEPTED');

		const deal = await dealOf(inv, (d) => d.properties.aws_opportunity_id === task.OpportunityId, 'repaired deal');
		await waitFor(async () => (await associated(deal.id, 'companies')).length === 1, { what: 'company associated' });
		await waitFor(async () => (await associated(deal.id, 'contacts')).length >= 1, { what: 'contact associated' });
		await waitFor(async () => (await associated(deal.id, 'notes')).length === 1, { what: 'acceptance note' });
		await settled();
		const seen = Math.max(0, ...(await stack.n8n.api.executions(workflowId)).map((e: Execution) => Number(e.id)));

		// Two more checks: the deal is found, nothing is written.
		const later = await waitFor(
			async () => {
				const runs = (await stack.n8n.api.executions(workflowId, true)).filter(
					(e: Execution) =>
						Number(e.id) > seen &&
						e.status !== 'running' &&
						e.status !== 'new' &&
						(e.data?.resultData.runData['Accepted Invitations'] ?? []).length > 0,
				);
				return runs.length >= 2 ? runs : undefined;
			},
			{ what: 'two more checks', timeoutMs: 120_000 },
		);
		for (const e of later) {
			expect(e.status).toBe('success');
			expect(e.data?.resultData.runData['Upsert Deal']).toBeUndefined();
			expect(e.data?.resultData.runData['Find Acceptance Task']).toBeUndefined();
		}
		expect(await dealsOfInvitation(inv)).toHaveLength(1);
		expect(await associated(deal.id, 'notes')).toHaveLength(1);
		expect((await opportunities()).filter((o) => o.Id === task.OpportunityId)).toHaveLength(1);
		client.destroy();
	});
});
