/**
 * Template 1 (HubSpot deals to AWS Partner Central) on real n8n against the simulators. Deals are created and changed
 * the way a rep does it (HubSpot simulator "UI" admin actions); HubSpot delivers signed webhooks to the published
 * workflow; the assertions read both simulators' state.
 */
import { signedHeaders } from '../simulators/hubspot/signing';
import { waitFor, type Execution } from './harness';
import {
	everySeconds,
	hubspotCall,
	startStack,
	stopWithReport,
	withNodeParameters,
	TEMPLATE_FILES,
	type Stack,
} from './harness/stack';
import type { WorkflowJson } from './harness/n8nApi';

// The first e2e file to run may install the n8n runtime (cold: ~10 minutes).
jest.setTimeout(30 * 60 * 1000);

interface HsDeal {
	id: string;
	properties: Record<string, string | null>;
}
interface PcOpportunity {
	Id: string;
	LastModifiedDate: number;
	data: {
		PartnerOpportunityIdentifier?: string;
		Project?: {
			Title?: string;
			CustomerBusinessProblem?: string;
			ExpectedCustomerSpend?: Array<{ Amount?: string; TargetCompany?: string }>;
		};
		LifeCycle?: { ReviewStatus?: string; TargetCloseDate?: string };
	};
}

const SYNC_PROPS = [
	'dealname',
	'aws_opportunity_id',
	'aws_opportunity_arn',
	'aws_review_status',
	'aws_last_modified_date',
	'aws_sync_fingerprint',
	'aws_sync_status',
	'aws_last_error',
	'aws_update_queued',
];

/** Ops' own settings changed as the setup note allows: the retry schedule every 10 seconds instead of 10 minutes. */
function fastRetry(_key: string, wf: WorkflowJson): WorkflowJson {
	return withNodeParameters(wf, 'Retry Queued Updates', () => everySeconds(10));
}

describe(`template ${TEMPLATE_FILES.hubspotToPartnerCentral} in real n8n`, () => {
	let stack: Stack;
	let workflowId: string;
	let companyId: string;
	let contactId: string;

	const hs = <T>(method: string, path: string, body?: unknown): Promise<T> =>
		hubspotCall<T>(stack.sims!.hubspot.url, method, path, body);
	const deal = (id: string) => hs<HsDeal>('GET', `/crm/v3/objects/deals/${id}?properties=${SYNC_PROPS.join(',')}`);
	const notesOf = async (id: string): Promise<string[]> => {
		const assoc = await hs<{ results: Array<{ toObjectId: number | string }> }>(
			'GET',
			`/crm/v4/objects/deals/${id}/associations/notes`,
		);
		const bodies: string[] = [];
		for (const a of assoc.results) {
			const note = await hs<HsDeal>('GET', `/crm/v3/objects/notes/${a.toObjectId}?properties=hs_note_body`);
			bodies.push(String(note.properties.hs_note_body ?? ''));
		}
		return bodies;
	};
	const opportunities = async (): Promise<PcOpportunity[]> => {
		const s = await stack.pc!.get<{ state: { opportunities: Record<string, PcOpportunity> } }>('state');
		return Object.values(s.state.opportunities);
	};
	const pcCalls = async (operation: string): Promise<number> =>
		(await stack.pc!.get<{ requests: Array<{ status: number }> }>(`requests?operation=${operation}`)).requests.filter(
			(r) => r.status === 200,
		).length;
	/** AWS starts reviewing the opportunity (Submitted) and, with an outcome, ends the review. */
	const reviewAs = async (oppId: string, outcome?: 'Approved') => {
		await stack.pc!.post('opportunities/edit', { identifier: oppId, changes: { LifeCycle: { ReviewStatus: 'Submitted' } } });
		if (outcome) await stack.pc!.post('opportunities/review', { identifier: oppId, outcome });
	};
	const createDeal = async (properties: Record<string, string>): Promise<string> => {
		const d = await stack.hubspot!.post<{ id: string }>('ui/deals/create', {
			properties: {
				pipeline: 'default',
				dealstage: 'qualifiedtobuy',
				closedate: '2027-04-30',
				amount: '120000',
				...properties,
			},
			associations: [
				{ toType: 'companies', toId: companyId, primary: true },
				{ toType: 'contacts', toId: contactId },
			],
		});
		return d.id;
	};
	const editDeal = (id: string, properties: Record<string, string>) =>
		stack.hubspot!.post(`ui/deals/${id}/update`, { properties });
	const executions = async (): Promise<Execution[]> => await stack.n8n.api.executions(workflowId);
	const settled = async () =>
		await waitFor(async () => (await executions()).every((e) => e.status !== 'running' && e.status !== 'new'), {
			what: 'no running executions',
			timeoutMs: 120_000,
		});
	const synced = (id: string, timeoutMs = 120_000) =>
		waitFor(
			async () => {
				const d = await deal(id);
				return d.properties.aws_sync_status === 'synced' && d.properties.aws_opportunity_id ? d : undefined;
			},
			{ what: `deal ${id} synced`, timeoutMs },
		);

	beforeAll(async () => {
		stack = await startStack({
			templates: ['hubspotToPartnerCentral'],
			timeScale: 10,
			adjust: fastRetry,
			log: (m) => console.log(m),
		});
		workflowId = stack.workflows.hubspotToPartnerCentral!.id;
		const company = await stack.hubspot!.post<{ id: string }>('ui/companies/create', {
			properties: {
				name: 'Stark Industries',
				domain: 'stark.example',
				country: 'United States',
				state: 'New York',
				city: 'New York',
				zip: '10001',
				address: '200 Park Ave',
				industry: 'COMPUTER_SOFTWARE',
			},
		});
		companyId = company.id;
		const contact = await stack.hubspot!.post<{ id: string }>('ui/contacts/create', {
			properties: {
				firstname: 'Pepper',
				lastname: 'Potts',
				email: 'pepper@stark.example',
				phone: '+1 212 555 0199',
				jobtitle: 'CEO',
			},
			associations: [{ toType: 'companies', toId: companyId, primary: true }],
		});
		contactId = contact.id;
	});

	afterAll(async () => {
		await stopWithReport(stack, workflowId);
	});

	it('creates one opportunity for a tagged deal and writes the link back from its answer (1 call); ignores untagged deals', async () => {
		const before = await opportunities();
		const reads = await pcCalls('GetOpportunity');
		const tagged = await createDeal({
			dealname: '#AWS Stark data lake',
			description: 'Build a governed data lake on AWS for manufacturing telemetry analytics.',
			aws_use_case: 'Migration/Database Migration',
			aws_delivery_models: 'Professional Services',
		});
		const untagged = await createDeal({
			dealname: 'Stark support renewal',
			description: 'Yearly support renewal, not co-sell.',
		});
		const d = await synced(tagged);
		const after = await opportunities();
		expect(after.length).toBe(before.length + 1);
		const opp = after.find((o) => o.Id === d.properties.aws_opportunity_id)!;
		expect(opp).toBeDefined();
		expect(opp.data.Project?.Title).toBe('Stark data lake');
		expect(d.properties.aws_review_status).toBe('Pending Submission');
		expect(d.properties.aws_last_modified_date).toBeTruthy();
		expect(d.properties.aws_sync_fingerprint).toBeTruthy();
		await settled();
		// What CreateOpportunity answers is written back: no read of the new opportunity (its ARN follows with the
		// first update, which reads the opportunity anyway).
		expect(await pcCalls('GetOpportunity')).toBe(reads);
		expect(d.properties.aws_opportunity_arn ?? '').toBe('');
		expect((await deal(untagged)).properties.aws_opportunity_id ?? null).toBeNull();
		const failed = (await executions()).filter((e) => e.status !== 'success');
		expect(failed).toEqual([]);
	});

	it('puts a note listing what to fix on an invalid deal, sets sync status error, and writes nothing to AWS', async () => {
		await settled();
		const creates = await pcCalls('CreateOpportunity');
		const bad = await createDeal({ dealname: '#AWS Stark tiny', description: 'Short' });
		const d = await waitFor(
			async () => {
				const x = await deal(bad);
				return x.properties.aws_sync_status === 'error' ? x : undefined;
			},
			{ what: 'invalid deal marked error', timeoutMs: 120_000 },
		);
		expect(d.properties.aws_last_error).toBeTruthy();
		const notes = await notesOf(bad);
		expect(notes.length).toBe(1);
		expect(notes[0].toLowerCase()).toContain('delivery model');
		await settled();
		expect(await pcCalls('CreateOpportunity')).toBe(creates);
		expect(d.properties.aws_opportunity_id ?? null).toBeNull();
	});

	it('leaves AWS referral deals that are not accepted yet to the referral workflow: no opportunity, no note', async () => {
		await settled();
		const creates = await pcCalls('CreateOpportunity');
		const runsBefore = (await executions()).length;
		// As template 2 creates it: tagged, with the invitation ID, pending the rep's decision (and incomplete for a
		// create, so before the fix it got a "what to fix" note).
		const id = await createDeal({
			dealname: '#AWS Referral from AWS pending',
			description: 'Short',
			aws_invitation_id: 'engi-0000000000001',
			aws_invitation_status: 'PENDING',
			aws_referral_decision: 'pending',
		});
		await waitFor(async () => (await executions()).length > runsBefore, { what: 'the webhook execution of the referral deal' });
		await settled();
		const d = await deal(id);
		expect(d.properties.aws_sync_status ?? null).toBeNull();
		expect(d.properties.aws_opportunity_id ?? null).toBeNull();
		expect(await notesOf(id)).toEqual([]);
		expect(await pcCalls('CreateOpportunity')).toBe(creates);
	});

	it('makes one opportunity from duplicate webhook deliveries arriving at once', async () => {
		await settled();
		await stack.hubspot!.post('webhooks/pause');
		const id = await createDeal({
			dealname: '#AWS Stark robotics',
			description: 'Robotics fleet telemetry ingestion and dashboards on AWS IoT and analytics services.',
			aws_use_case: 'IOT',
			aws_delivery_models: 'SaaS or PaaS',
		});
		const settings = await stack.hubspot!.get<{ clientSecret: string; appId: string; portalId: number }>(
			'webhooks/settings',
		);
		const url = stack.hubspotWebhookUrl!;
		// The same change delivered several times (HubSpot retries; event ids are not unique): each its own request.
		const bodies = [1, 2, 3, 4].map((n) =>
			JSON.stringify([
				{
					eventId: 900000 + n,
					subscriptionId: 1,
					portalId: settings.portalId,
					appId: Number(settings.appId),
					occurredAt: Date.now() + n,
					subscriptionType: 'deal.creation',
					attemptNumber: n - 1,
					objectId: Number(id),
					changeSource: 'CRM_UI',
					changeFlag: 'CREATED',
				},
			]),
		);
		const answers = await Promise.all(
			bodies.map(async (body) => {
				const r = await fetch(url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						...signedHeaders(settings.clientSecret, url, body, Date.now()),
					},
					body,
				});
				return r.status;
			}),
		);
		expect(answers).toEqual([200, 200, 200, 200]);
		const d = await synced(id);
		await settled();
		const mine = (await opportunities()).filter((o) => o.data.Project?.Title === 'Stark robotics');
		expect(mine.map((o) => o.Id)).toEqual([d.properties.aws_opportunity_id]);
		await stack.hubspot!.del('webhooks/pending').catch(() => undefined);
		await stack.hubspot!.post('webhooks/resume');
	});

	it('does not bounce its own writes back (no echo loop): a write-back changes nothing in Partner Central', async () => {
		await settled();
		const updatesBefore = await pcCalls('UpdateOpportunity');
		const runsBefore = (await executions()).length;
		const oppsBefore = await opportunities();
		// Our write-back properties are not subscribed (as documented); subscribe to one anyway, as a misconfigured
		// app would, and write the way the sync does (API, our app): the trigger drops it, nothing changes at AWS.
		await stack.hubspot!.post('webhooks/subscriptions', {
			eventType: 'deal.propertyChange',
			propertyName: 'aws_sync_status',
			active: true,
		});
		const anyDeal = oppsBefore[0];
		const linked = await hs<{ results: HsDeal[] }>('POST', '/crm/v3/objects/deals/search', {
			filterGroups: [{ filters: [{ propertyName: 'aws_opportunity_id', operator: 'EQ', value: anyDeal.Id }] }],
			properties: ['aws_sync_status'],
		});
		await hs('PATCH', `/crm/v3/objects/deals/${linked.results[0].id}`, { properties: { aws_sync_status: 'synced' } });
		await new Promise((r) => setTimeout(r, 8000));
		await settled();
		expect(await pcCalls('UpdateOpportunity')).toBe(updatesBefore);
		const oppsAfter = await opportunities();
		expect(oppsAfter.map((o) => o.LastModifiedDate)).toEqual(oppsBefore.map((o) => o.LastModifiedDate));
		const newRuns = (await executions()).slice(0, (await executions()).length - runsBefore);
		for (const run of newRuns) {
			const full = await stack.n8n.api.execution(run.id);
			expect(Object.keys(full.data?.resultData.runData ?? {})).not.toContain('Update Opportunity');
		}
	});

	const burst = async (label: string, timeoutMs?: number) => {
		const ids = await Promise.all(
			['alpha', 'beta', 'gamma'].map((n) =>
				createDeal({
					dealname: `#AWS Stark ${label} ${n}`,
					description: `Burst test workload ${n}: analytics platform migration to AWS managed services.`,
					aws_use_case: 'Migration/Database Migration',
					aws_delivery_models: 'Professional Services',
				}),
			),
		);
		for (const id of ids) await synced(id, timeoutMs);
		await settled();
	};

	it('delays but does not fail work when Partner Central throttles a burst', async () => {
		await settled();
		const runsBefore = (await executions()).length;
		await stack.pc!.post('faults', { operation: 'CreateOpportunity', kind: 'throttle', remaining: 3 });
		await stack.pc!.post('faults', { operation: 'GetOpportunity', kind: 'throttle', remaining: 2 });
		try {
			await burst('pc burst');
		} finally {
			await stack.pc!.del('faults');
		}
		const throttled = (await stack.pc!.get<{ requests: Array<{ errorType?: string }> }>('requests')).requests.filter(
			(r) => String(r.errorType ?? '').includes('Throttling'),
		);
		expect(throttled.length).toBeGreaterThanOrEqual(1);
		const runs = await executions();
		expect(runs.slice(0, runs.length - runsBefore).filter((e) => e.status !== 'success')).toEqual([]);
	});

	// Found here: the HubSpot transport used to wait with n8n-workflow's `sleepWithAbort`, which n8n 2.40's
	// n8n-workflow does not export, so a 429 failed the node. test/unit/compat/n8nWorkflowExports.test.ts now guards
	// every n8n-workflow import against the hosts we run.
	it('delays but does not fail work when HubSpot answers 429', async () => {
		await settled();
		await stack.hubspot!.post('faults', { kind: 'rateLimit', path: '/crm/v3/objects/deals/batch/*', count: 2 });
		try {
			await burst('hs burst', 45_000);
		} finally {
			await stack.hubspot!.del('faults');
		}
	});

	it('queues an update refused during AWS review and applies it after approval', async () => {
		await settled();
		const id = await createDeal({
			dealname: '#AWS Stark review',
			description: 'Customer portal rebuild on AWS serverless with a managed identity layer.',
			aws_use_case: 'Migration/Database Migration',
			aws_delivery_models: 'Professional Services',
		});
		const d = await synced(id);
		const oppId = d.properties.aws_opportunity_id!;
		// AWS starts reviewing the opportunity.
		await reviewAs(oppId);
		// While AWS reviews, nothing may change; after approval the spend may (the business problem may not).
		await editDeal(id, { amount: '180000' });
		const queued = await waitFor(
			async () => {
				const x = await deal(id);
				return x.properties.aws_sync_status === 'queued' ? x : undefined;
			},
			{ what: 'update queued', timeoutMs: 120_000 },
		);
		expect(queued.properties.aws_update_queued).toBe('true');
		expect((await notesOf(id)).some((n) => n.includes('AWS is reviewing'))).toBe(true);
		const spend = (o?: PcOpportunity) =>
			o?.data.Project?.ExpectedCustomerSpend?.find((x) => x.TargetCompany === 'AWS')?.Amount;
		const before = (await opportunities()).find((o) => o.Id === oppId)!;
		expect(Number(spend(before))).toBe(10000);
		// AWS approves: the retry applies the queued change.
		await stack.pc!.post('opportunities/review', { identifier: oppId, outcome: 'Approved' });
		await waitFor(
			async () => {
				const x = await deal(id);
				return x.properties.aws_sync_status === 'synced' && x.properties.aws_update_queued === 'false';
			},
			{ what: 'queued update applied', timeoutMs: 180_000 },
		);
		const after = (await opportunities()).find((o) => o.Id === oppId)!;
		expect(Number(spend(after))).toBe(15000);
		expect(after.data.LifeCycle?.ReviewStatus).toBe('Approved');
		expect((await deal(id)).properties.aws_opportunity_arn).toContain(oppId);
	});

	it('after approval sends the editable change (close date) and leaves a frozen one (title) with one note, not queued', async () => {
		await settled();
		const id = await createDeal({
			dealname: '#AWS Stark approved',
			description: 'Data lake on AWS for the approved-opportunity scenario with governed sharing.',
			aws_use_case: 'Migration/Database Migration',
			aws_delivery_models: 'Professional Services',
		});
		const d = await synced(id);
		const oppId = d.properties.aws_opportunity_id!;
		await reviewAs(oppId, 'Approved');
		const before = (await opportunities()).find((o) => o.Id === oppId)!;
		expect(before.data.LifeCycle?.ReviewStatus).toBe('Approved');
		expect(before.data.Project?.Title).toBe('Stark approved');
		const updatesBefore = await pcCalls('UpdateOpportunity');
		// The rep moves the close date (editable after approval) and renames the deal (the title is frozen).
		await editDeal(id, { closedate: '2027-09-30', dealname: '#AWS Stark approved renamed' });
		const after = await waitFor(
			async () => {
				const o = (await opportunities()).find((x) => x.Id === oppId);
				return o?.data.LifeCycle?.TargetCloseDate === '2027-09-30' ? o : undefined;
			},
			{ what: 'close date sent', timeoutMs: 120_000 },
		);
		const frozen = 'does not allow these fields to change any more';
		const frozenNotes = await waitFor(
			async () => {
				const n = (await notesOf(id)).filter((x) => x.includes(frozen));
				return n.length ? n : undefined;
			},
			{ what: 'note naming the frozen field', timeoutMs: 120_000 },
		);
		await settled();
		expect(after.data.Project?.Title).toBe('Stark approved');
		expect(after.data.LifeCycle?.ReviewStatus).toBe('Approved');
		expect(await pcCalls('UpdateOpportunity')).toBe(updatesBefore + 1);
		const notes = await notesOf(id);
		expect(notes.filter((x) => x.includes(frozen))).toHaveLength(1);
		expect(frozenNotes[0]).toContain('Project.Title');
		expect(frozenNotes[0]).not.toContain('TargetCloseDate');
		expect(frozenNotes[0]).toContain('The other changes were sent to AWS.');
		expect(notes.some((x) => x.includes('AWS is reviewing'))).toBe(false);
		const x = await deal(id);
		expect(x.properties.aws_update_queued).not.toBe('true');
		expect(x.properties.aws_sync_status).toBe('synced');
		expect(x.properties.aws_review_status).toBe('Approved');
	});

	it('loses nothing when n8n restarts mid-flow: running work finishes, deliveries during the downtime arrive later', async () => {
		await settled();
		// Slow Partner Central down so the flow is running when n8n is told to stop.
		await stack.pc!.post('faults', { operation: 'CreateOpportunity', kind: 'latency', latencyMs: 4000, remaining: 1 });
		const first = await createDeal({
			dealname: '#AWS Stark restart one',
			description: 'Event-driven order processing on AWS for the restart scenario, phase one.',
			aws_use_case: 'Migration/Database Migration',
			aws_delivery_models: 'Professional Services',
		});
		// The webhook batch reaches n8n within ~0.1 s; CreateOpportunity then takes 4 s: stop n8n in the middle.
		await new Promise((r) => setTimeout(r, 1500));
		const restart = stack.n8n.restart();
		// While n8n is down, a rep creates another deal: HubSpot's delivery fails and is retried.
		await new Promise((r) => setTimeout(r, 500));
		const second = await createDeal({
			dealname: '#AWS Stark restart two',
			description: 'Event-driven order processing on AWS for the restart scenario, phase two.',
			aws_use_case: 'Migration/Database Migration',
			aws_delivery_models: 'Professional Services',
		});
		await restart;
		await synced(first);
		await synced(second);
		const titles = (await opportunities()).map((o) => o.data.Project?.Title);
		expect(titles.filter((t) => t === 'Stark restart one')).toHaveLength(1);
		expect(titles.filter((t) => t === 'Stark restart two')).toHaveLength(1);
	});
});
