/**
 * The other side of the wire for the Templates-2 scenarios: the shared, faithful simulators (test/simulators:
 * Partner Central + STS with SigV4, model validation, business rules, edit windows, quotas; HubSpot with search,
 * associations, property validation, rate limits, webhooks), started in-process on ONE SimClock, so a scenario seeds
 * and reads state directly and n8n's nodes call them over HTTP exactly as they call AWS and HubSpot.
 *
 *   const w = await startSimWorld();                 // w.pc (url, sim, tick), w.hubspot (url, seed, state, ui...)
 *   const t = await startTemplatesEnv(w);            // env.ts: n8n + credentials pointed at w
 *
 * Helpers (all take the world first):
 *   seedDeal(w, props, {company, contacts})   a deal as a rep entered it (+ primary company, contacts), no events
 *   dealProps(w, id) / archivedDeal(w, id)     the deal's properties as HubSpot stores them (live / deleted)
 *   notesOf(w, dealId) / tasksOf(w, dealId)    note bodies / task records associated with the deal
 *   createOpportunity(w, overrides)            an opportunity created through the API with the simulator's keys
 *                                              (validated like AWS does; Pending Submission) -> its Id
 *   associateSolution(w, id, solutionId)       AssociateOpportunity through the API
 *   addSolution(w, id)                         another Active solution in the Sandbox catalog
 *   submitToAws(w, id)                         StartEngagementFromOpportunityTask through the API, the task run to
 *                                              COMPLETE (clock moved): ReviewStatus Submitted, engagement created
 *   awsReview(w, id, outcome, comments)        AWS's reviewer: Approved / Action Required / Rejected (moves to
 *                                              In review first, as AWS does)
 *   awsSummary(w, id, {seller, score, ...})    AWS changes its side: seller (AWSAccountOwner), engagement score,
 *                                              next steps, AWS stage (GetAwsOpportunitySummary, Opportunity Updated)
 *   partnerCentralEdit(w, id, changes)         someone edits the opportunity in the Partner Central UI
 *   eventDestination(w, url, headers)          EventBridge rule + API destination: Opportunity events POSTed to n8n
 *   failNextEngagementTask(w, id)              the next StartEngagementFromOpportunityTask on `id` fails at AWS:
 *                                              a Partner Central UI user clears the customer website while the
 *                                              task runs, so AWS's asynchronous validation fails it
 *                                              (OpportunityValidationFailed, "Customer.Account.WebsiteUrl: ...")
 *   opportunity(w, id)                         the simulator's record (data, LastModifiedDate, RelatedEntityIdentifiers)
 *   pcWrites(w, since) / hubspotWrites(w, since) / mark(w)   accepted write calls from the request logs since a mark
 *   hubspotOutage(w, path, method)             HubSpot answers 503 on that path until the returned function is called
 */
import { randomUUID } from 'node:crypto';

import {
	AssociateOpportunityCommand,
	CreateOpportunityCommand,
	PartnerCentralSellingClient,
	StartEngagementFromOpportunityTaskCommand,
	type CreateOpportunityCommandInput,
} from '@aws-sdk/client-partnercentral-selling';

import { startSimulators, type Simulators } from '../../simulators';
import type { HubSpotSimulator } from '../../simulators/hubspot';
import type { PartnerCentralSimulator } from '../../simulators/partnerCentral';
import { setAwsSummary, setReviewOutcome, uiEdit } from '../../simulators/partnerCentral/awsSide';
import { waitFor } from '../harness';
import { awsDealPropertiesSeed } from '../harness/stack';

export type Json = Record<string, unknown>;

/** Catalog the scenarios use (the Sandbox catalog allows simulating reviews, C5). */
export const CATALOG = 'Sandbox';
/** The Sandbox's default solution (C5), also the templates' default in Settings. */
export const DEFAULT_SOLUTION = 'S-1234567';
/** An owner the HubSpot simulator knows (deal owner of seeded deals). */
export const DEAL_OWNER = '75480001';

export interface SimWorld {
	sims: Simulators;
	pc: PartnerCentralSimulator;
	hubspot: HubSpotSimulator;
	/** Partner Central SDK client with the simulator's keys (what a partner's own script would use). */
	client: PartnerCentralSellingClient;
	close(): Promise<void>;
}

const PC_WRITES = new Set([
	'CreateOpportunity',
	'UpdateOpportunity',
	'AssociateOpportunity',
	'DisassociateOpportunity',
	'StartEngagementFromOpportunityTask',
	'SubmitOpportunity',
	'AssignOpportunity',
	'TagResource',
	'UntagResource',
]);

/**
 * Starts the three simulators on one clock. `awsProperties` (default true): the aws_* deal properties exist, as after
 * the setup template ran; false for the setup scenario itself.
 */
export async function startSimWorld(opts: { timeScale?: number; awsProperties?: boolean } = {}): Promise<SimWorld> {
	const sims = await startSimulators({ timeScale: opts.timeScale ?? 1 });
	if (opts.awsProperties !== false) sims.hubspot.seed(awsDealPropertiesSeed() as never);
	const client = new PartnerCentralSellingClient({
		endpoint: sims.partnerCentral.url,
		region: 'us-east-1',
		credentials: sims.partnerCentral.credentials,
		maxAttempts: 10, // the simulator enforces the write quota (1/s, C7); the SDK backs off and retries
	});
	return {
		sims,
		pc: sims.partnerCentral,
		hubspot: sims.hubspot,
		client,
		close: async () => {
			client.destroy();
			await sims.close();
		},
	};
}

// ---------------------------------------------------------------- HubSpot

export interface SeededDeal {
	id: string;
	companyId?: string;
	contactIds: string[];
}

/** A deal (owner set, default pipeline) with an optional primary company and contacts; seeding sends no webhooks. */
export function seedDeal(
	w: SimWorld,
	properties: Record<string, string>,
	related: { company?: Record<string, string>; contacts?: Array<Record<string, string>> } = {},
): SeededDeal {
	const ref = `deal-${randomUUID()}`;
	const contacts = (related.contacts ?? []).map((p, i) => ({ ref: `${ref}-contact-${i}`, properties: p }));
	const company = related.company ? [{ ref: `${ref}-company`, properties: related.company }] : [];
	const result = w.hubspot.seed({
		objects: {
			companies: company,
			contacts,
			deals: [
				{
					ref,
					properties: { pipeline: 'default', dealstage: 'qualifiedtobuy', hubspot_owner_id: DEAL_OWNER, ...properties },
					associations: [...company.map((c) => ({ to: c.ref, primary: true })), ...contacts.map((c) => ({ to: c.ref }))],
				},
			],
		},
	});
	return {
		id: result.refs[ref].id,
		companyId: company.length ? result.refs[company[0].ref].id : undefined,
		contactIds: contacts.map((c) => result.refs[c.ref].id),
	};
}

/** The live deal's stored properties (throws when it does not exist or was deleted). */
export function dealProps(w: SimWorld, id: string): Record<string, string> {
	const rec = w.hubspot.core.world.find('deals', id);
	if (!rec) throw new Error(`HubSpot simulator has no live deal ${id}`);
	return rec.properties;
}

/** A deal's record even when deleted (archived) or merged away. */
export function archivedDeal(w: SimWorld, id: string): { archived: boolean; properties: Record<string, string> } | undefined {
	return w.hubspot.core.world.store('deals').get(id);
}

function associated(w: SimWorld, dealId: string, type: 'notes' | 'tasks') {
	const world = w.hubspot.core.world;
	return [...world.associationsOf('deals', dealId).keys()]
		.filter((k) => k.startsWith(`${type}|`))
		.map((k) => world.find(type, k.split('|')[1]))
		.filter((r): r is NonNullable<typeof r> => !!r)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Bodies of the notes associated with the deal, oldest first. */
export function notesOf(w: SimWorld, dealId: string): string[] {
	return associated(w, dealId, 'notes').map((n) => n.properties.hs_note_body ?? '');
}

/** Tasks associated with the deal (properties: hs_task_subject, hs_task_body, hs_timestamp, hubspot_owner_id...). */
export function tasksOf(w: SimWorld, dealId: string): Array<Record<string, string>> {
	return associated(w, dealId, 'tasks').map((t) => t.properties);
}

/** HubSpot answers 503 (SERVICE_UNAVAILABLE) on `path` (glob or ^regex) until the returned function is called. */
export function hubspotOutage(w: SimWorld, path: string, method?: string): () => void {
	const rule = w.hubspot.addFault({
		kind: 'error',
		status: 503,
		path,
		...(method ? { method } : {}),
		body: { status: 'error', message: 'Service unavailable', category: 'SERVICE_UNAVAILABLE' },
	});
	return () => void w.hubspot.core.faults.remove(rule.id);
}

// ---------------------------------------------------------------- Partner Central

/** A complete opportunity as a partner creates it (passes AWS's submission checks once a solution is associated). */
export function opportunityInput(overrides: Json = {}): CreateOpportunityCommandInput {
	const base: Json = {
		Catalog: CATALOG,
		ClientToken: randomUUID(),
		PartnerOpportunityIdentifier: `HUBSPOT-${Date.now() % 1_000_000}`,
		OpportunityType: 'Net New Business',
		PrimaryNeedsFromAws: ['Co-Sell - Deal Support'],
		NationalSecurity: 'No',
		Origin: 'Partner Referral',
		Customer: {
			Account: {
				CompanyName: 'Acme Analytics',
				WebsiteUrl: 'https://acme.example.com',
				Industry: 'Software and Internet',
				Address: { CountryCode: 'US', StateOrRegion: 'Washington', City: 'Seattle', PostalCode: '98101' },
			},
		},
		Project: {
			Title: 'Data lake migration',
			CustomerBusinessProblem: 'Acme runs nightly batch reports on an overloaded on-premises warehouse.',
			CustomerUseCase: 'Migration/Database Migration',
			DeliveryModels: ['SaaS or PaaS'],
			SalesActivities: ['Initialized discussions with customer'],
			ExpectedCustomerSpend: [{ Amount: '5000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
		},
		LifeCycle: { Stage: 'Qualified', TargetCloseDate: nextYear() },
	};
	return deepMerge(base, overrides) as unknown as CreateOpportunityCommandInput;
}

/** CreateOpportunity through the API (SigV4, validation, business rules): the opportunity's Id. */
export async function createOpportunity(w: SimWorld, overrides: Json = {}): Promise<string> {
	const out = await w.client.send(new CreateOpportunityCommand(opportunityInput(overrides)));
	return out.Id!;
}

export async function associateSolution(w: SimWorld, id: string, solutionId = DEFAULT_SOLUTION): Promise<void> {
	await w.client.send(
		new AssociateOpportunityCommand({ Catalog: CATALOG, OpportunityIdentifier: id, RelatedEntityType: 'Solutions', RelatedEntityIdentifier: solutionId }),
	);
}

/** Another active solution in the Sandbox catalog (as if the partner had published it in Partner Central). */
export function addSolution(w: SimWorld, id: string, name = `Solution ${id}`): void {
	w.pc.sim.state.solutions.push({ Catalog: CATALOG, Id: id, Name: name, Status: 'Active', Category: 'Software Product', CreatedDate: w.pc.sim.now() });
}

/** The simulator's record of an opportunity. */
export function opportunity(w: SimWorld, id: string) {
	const o = w.pc.sim.state.opportunities[id];
	if (!o) throw new Error(`Partner Central simulator has no opportunity ${id}`);
	return o;
}

export function reviewStatus(w: SimWorld, id: string): string {
	return String((opportunity(w, id).data.LifeCycle as Json | undefined)?.ReviewStatus);
}

/** Moves simulated time on (task durations, review delays) and runs what became due. */
export async function advance(w: SimWorld, ms: number): Promise<void> {
	w.sims.clock.advance(ms);
	await w.pc.tick();
}

/** Submits as the partner would (solution associated first if none), and lets AWS's task finish: Submitted. */
export async function submitToAws(w: SimWorld, id: string): Promise<{ engagementId: string }> {
	if (!(opportunity(w, id).RelatedEntityIdentifiers.Solutions ?? []).length) await associateSolution(w, id);
	const task = await w.client.send(
		new StartEngagementFromOpportunityTaskCommand({ Catalog: CATALOG, ClientToken: randomUUID(), Identifier: id, AwsSubmission: { InvolvementType: 'Co-Sell', Visibility: 'Full' } }),
	);
	await advance(w, w.pc.sim.config.taskDurationMs);
	const done = w.pc.sim.state.tasks[task.TaskId!];
	if (done?.TaskStatus !== 'COMPLETE') throw new Error(`submission of ${id} did not complete: ${done?.TaskStatus} ${done?.Message ?? ''}`);
	return { engagementId: done.EngagementId! };
}

/** AWS's review outcome (Sandbox reviewers): the opportunity moves to In review first, as AWS does. */
export async function awsReview(w: SimWorld, id: string, outcome: 'Approved' | 'Action Required' | 'Rejected', comments?: string): Promise<void> {
	if (reviewStatus(w, id) === 'Submitted') await advance(w, w.pc.sim.config.reviewStartDelayMs);
	setReviewOutcome(w.pc.sim, { identifier: id, outcome, comments, reason: outcome === 'Rejected' ? comments : undefined });
}

/** AWS changes its side of the opportunity (GetAwsOpportunitySummary): seller, engagement score, next steps, stage. */
export function awsSummary(
	w: SimWorld,
	id: string,
	change: { seller?: { FirstName: string; LastName: string; Email: string }; engagementScore?: 'High' | 'Medium' | 'Low'; nextSteps?: string; stage?: string; involvementType?: string },
): void {
	const summary: Json = {};
	if (change.seller) summary.OpportunityTeam = [{ ...change.seller, BusinessTitle: 'AWSAccountOwner' }];
	if (change.engagementScore) summary.Insights = { EngagementScore: change.engagementScore };
	if (change.nextSteps || change.stage) summary.LifeCycle = { ...(change.stage ? { Stage: change.stage } : {}), ...(change.nextSteps ? { NextSteps: change.nextSteps } : {}) };
	if (change.involvementType) summary.InvolvementType = change.involvementType;
	setAwsSummary(w.pc.sim, { identifier: id, summary });
}

/** A Partner Central UI user edits the opportunity (deep-merge patch, null deletes). */
export function partnerCentralEdit(w: SimWorld, id: string, changes: Json): void {
	uiEdit(w.pc.sim, { identifier: id, changes });
}

/**
 * The next StartEngagementFromOpportunityTask accepted for `id` fails at AWS: right after AWS accepted the task, a
 * Partner Central UI user clears the customer's website, so AWS's asynchronous submission check (C6, run when the
 * task executes) fails the task with OpportunityValidationFailed naming Customer.Account.WebsiteUrl.
 */
export function failNextEngagementTask(w: SimWorld, id: string): void {
	const sim = w.pc.sim;
	const original = sim.log.bind(sim);
	sim.log = (entry) => {
		original(entry);
		if (entry.operation === 'StartEngagementFromOpportunityTask' && entry.status === 200 && sim.state.opportunities[id]) {
			const started = Object.values(sim.state.tasks).some((t) => t.OpportunityId === id && t.TaskStatus === 'IN_PROGRESS');
			if (!started) return;
			sim.log = original;
			uiEdit(sim, { identifier: id, changes: { Customer: { Account: { WebsiteUrl: null } } } });
		}
	};
}

/**
 * An EventBridge rule + API destination: Partner Central's events of these detail types (default Opportunity
 * Updated/Created) are POSTed to `url` with `headers` (the connection's API key), retried as EventBridge does (C8).
 * Returns a function that removes the rule.
 */
export function eventDestination(w: SimWorld, url: string, headers: Record<string, string>, detailTypes = ['Opportunity Created', 'Opportunity Updated']): () => void {
	const sink = w.pc.sim.events.addSink({ type: 'http', url, headers, detailTypes, catalogs: [CATALOG] });
	return () => w.pc.sim.events.removeSink(sink.id);
}

// ---------------------------------------------------------------- request logs

/** Positions in both request logs; pass to pcWrites/hubspotWrites to count only what came after. */
export function mark(w: SimWorld): { pc: number; hubspot: number } {
	const pcLog = w.pc.sim.requestLog;
	const hsLog = w.hubspot.core.requests;
	return { pc: pcLog.length ? pcLog[pcLog.length - 1].seq : 0, hubspot: hsLog.length ? hsLog[hsLog.length - 1].seq : 0 };
}

/** Partner Central write operations AWS accepted (status 200), in order. */
export function pcWrites(w: SimWorld, since = mark0): string[] {
	return w.pc.sim.requestLog.filter((r) => r.seq > since.pc && r.status === 200 && PC_WRITES.has(r.operation)).map((r) => r.operation);
}

/** HubSpot writes HubSpot accepted (2xx; searches and batch reads are reads), as "METHOD path". */
export function hubspotWrites(w: SimWorld, since = mark0): string[] {
	return w.hubspot.core.requests
		.filter((r) => r.seq > since.hubspot && r.status < 300 && r.method !== 'GET' && !/\/search$|\/batch\/read$/.test(r.path))
		.map((r) => `${r.method} ${r.path}`);
}

const mark0 = { pc: 0, hubspot: 0 };

/** Waits until a deal property has the wanted value (the template runs asynchronously after a webhook or event). */
export async function waitForDeal(w: SimWorld, id: string, ok: (p: Record<string, string>) => boolean, what: string, timeoutMs = 60_000): Promise<Record<string, string>> {
	return await waitFor(async () => (ok(dealProps(w, id)) ? dealProps(w, id) : null), { timeoutMs, intervalMs: 200, what });
}

function nextYear(): string {
	return `${new Date().getUTCFullYear() + 1}-06-30`;
}

function deepMerge(a: Json, b: Json): Json {
	const out: Json = { ...a };
	for (const [k, v] of Object.entries(b)) {
		const cur = out[k];
		out[k] =
			v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur) ? deepMerge(cur as Json, v as Json) : v;
	}
	return out;
}
