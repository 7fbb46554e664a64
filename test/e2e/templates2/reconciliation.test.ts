/**
 * Template "AWS Partner Central: reconciliation" on real n8n against the shared simulators, with "AWS Partner Central
 * to HubSpot" and the error workflow imported as the setup notes say. A run with no drift writes nothing on either
 * side (the simulators' request logs); drift is repaired in the owner's direction both ways, shared fields decided one
 * by one; a missing link is added; a tagged deal that never reached AWS is created once (the sweep), and one whose
 * create reached AWS is linked, not created again; a queued update is re-applied once the opportunity is editable;
 * a field AWS froze for good (approved) does not keep a deal queued: its editable changes go, the frozen one is noted;
 * a failure recorded by the error workflow is retried by the next run.
 */
import { waitFor, webhookUrl } from '../harness';
import { configure, driverFor, dumpExecutions, importTemplate, partnerCentralEvent, postEvent, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import {
	advance,
	awsReview,
	awsSummary,
	createOpportunity,
	dealProps,
	hubspotOutage,
	hubspotWrites,
	mark,
	notesOf,
	opportunity,
	partnerCentralEdit,
	pcWrites,
	reviewStatus,
	seedDeal,
	startSimWorld,
	submitToAws,
	tasksOf,
	type SimWorld,
} from './simWorld';
import { lifeCycle, nextYearDate, opportunitiesNaming, repEdit, seedLinkedDeal, seedTaggedDeal } from './simWorldC';

jest.setTimeout(20 * 60 * 1000);

type Summary = Record<string, unknown> & { drift: boolean; text: string };

describe('template: reconciliation (simulators)', () => {
	let w: SimWorld;
	let t: TemplatesEnv;
	let reconcile: Driver;
	let eventUrl: string;
	let logDealId: string;

	const run = async (input: Record<string, unknown> = {}): Promise<Summary> => {
		const r = await reconcile.run([input]);
		if (r.status !== 200 || typeof (r.body as Summary[])[0]?.drift !== 'boolean') {
			console.log(JSON.stringify(r.body).slice(0, 3000));
			await dumpExecutions(t);
		}
		expect(r.status).toBe(200);
		const items = r.body as Summary[];
		expect(items).toHaveLength(1);
		return items[0];
	};

	beforeAll(async () => {
		w = await startSimWorld();
		t = await startTemplatesEnv(w);
		const errorWf = await importTemplate(t, 'error-handling.json', { publish: true });
		const pcToHs = await importTemplate(t, 'partner-central-to-hubspot.json', {
			settings: { errorWorkflow: errorWf.id },
			edit: (wf) => ({ ...wf, nodes: wf.nodes.map((n) => (n.name === 'AWS Opportunity Event (alternative)' ? { ...n, disabled: false } : n)) }),
			publish: true,
		});
		eventUrl = webhookUrl(t.env.baseUrl, pcToHs.json, 'AWS Opportunity Event (alternative)', t.types);
		logDealId = seedDeal(w, { dealname: 'Sync log' }).id;
		// Setup steps from the sticky note: the sub-workflow's ID (n8n's API gave it a new one) and the summary deal.
		const setUp = configure({ partnerCentralToHubSpotWorkflowId: pcToHs.id, summaryDealId: logDealId }, t.creds.hubSpotPartnerCentralApi);
		const recon = await importTemplate(t, 'reconciliation.json', { settings: { errorWorkflow: errorWf.id }, edit: setUp, publish: true });
		reconcile = await driverFor(t, recon.id, 'Reconciliation');
	});

	afterAll(async () => {
		await t?.env.stop();
		await w?.close();
	});

	let linked: { dealId: string; opportunityId: string };

	it('a first run converges; the next run finds no drift and writes nothing on either side', async () => {
		linked = await seedLinkedDeal(w);
		const first = await run();
		expect(first.dealsChecked).toBeGreaterThanOrEqual(1);
		expect(dealProps(w, linked.dealId).aws_review_status).toBe('Pending Submission');
		expect(dealProps(w, linked.dealId).aws_shared_fields_synced).toBeTruthy();

		const before = mark(w);
		const notes = notesOf(w, logDealId).length;
		const second = await run();
		expect(second.drift).toBe(false);
		expect(second.text).toContain('no drift');
		expect(second.dealsChecked).toBe(first.dealsChecked);
		expect(pcWrites(w, before)).toEqual([]);
		expect(hubspotWrites(w, before)).toEqual([]);
		expect(notesOf(w, logDealId)).toHaveLength(notes);
	});

	it('repairs drift in the owner direction both ways, shared fields one by one, and notes the summary', async () => {
		// AWS changed its side without an event reaching n8n; the rep moved the close date in HubSpot; a partner user
		// moved the stage in Partner Central. Close date: HubSpot only -> AWS. Stage: Partner Central only -> HubSpot.
		awsSummary(w, linked.opportunityId, { engagementScore: 'High' });
		repEdit(w, linked.dealId, { closedate: `${nextYearDate('09-30')}T00:00:00.000Z` });
		await advance(w, 1000);
		partnerCentralEdit(w, linked.opportunityId, { LifeCycle: { Stage: 'Technical Validation' } });
		const before = mark(w);
		const s = await run();
		expect(s.drift).toBe(true);
		const p = dealProps(w, linked.dealId);
		expect(p.aws_engagement_score).toBe('High');
		expect(p.dealstage).toBe('presentationscheduled');
		expect(lifeCycle(w, linked.opportunityId).TargetCloseDate).toBe(nextYearDate('09-30'));
		expect(lifeCycle(w, linked.opportunityId).Stage).toBe('Technical Validation');
		expect(pcWrites(w, before)).toEqual(['UpdateOpportunity']);
		expect(notesOf(w, logDealId).at(-1)).toContain('Reconciliation');

		// Converged: nothing more on either side.
		const after = mark(w);
		expect((await run()).drift).toBe(false);
		expect(pcWrites(w, after)).toEqual([]);
		expect(hubspotWrites(w, after)).toEqual([]);
	});

	it('changed on both sides: the later change wins (last writer)', async () => {
		repEdit(w, linked.dealId, { closedate: `${nextYearDate('10-31')}T00:00:00.000Z` });
		await advance(w, 5000);
		partnerCentralEdit(w, linked.opportunityId, { LifeCycle: { TargetCloseDate: nextYearDate('11-30') } });
		const before = mark(w);
		await run();
		expect(dealProps(w, linked.dealId).closedate).toBe(`${nextYearDate('11-30')}T00:00:00.000Z`);
		expect(lifeCycle(w, linked.opportunityId).TargetCloseDate).toBe(nextYearDate('11-30'));
		expect(pcWrites(w, before)).toEqual([]);
	});

	it('links a tagged deal whose opportunity reached AWS but never came back (crash), without creating another', async () => {
		const dealId = seedTaggedDeal(w, { dealname: '#AWS Second project' });
		const opportunityId = await createOpportunity(w, { PartnerOpportunityIdentifier: `HUBSPOT-${dealId}`, Project: { Title: 'Second project' } });
		const before = mark(w);
		const s = await run({ sweepGraceMinutes: 0 });
		expect(s.linked).toBe(1);
		expect(pcWrites(w, before)).not.toContain('CreateOpportunity');
		expect(opportunitiesNaming(w, dealId)).toEqual([opportunityId]);
		const p = dealProps(w, dealId);
		expect(p.aws_opportunity_id).toBe(opportunityId);
		expect(p.aws_sync_status).toBe('synced');
	});

	it('the sweep creates a tagged deal that never reached AWS once, and leaves fresh, invalid and referral deals alone', async () => {
		const missing = seedTaggedDeal(w, { dealname: '#AWS Third project' });
		const referral = seedTaggedDeal(w, { dealname: 'Referral #AWS', aws_invitation_id: 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement-invitation/engi-0000000000001' });
		const invalid = seedDeal(w, { dealname: '#AWS No company', amount: '1000' }).id;
		const fresh = seedTaggedDeal(w, { dealname: '#AWS Just created' });

		// Only the sweep, as after a crash: grace 0 takes every unlinked tagged deal.
		const before = mark(w);
		const s = await run({ passes: 'sweep', sweepGraceMinutes: 0 });
		expect(s.created).toBeGreaterThanOrEqual(1);
		expect(opportunitiesNaming(w, missing)).toHaveLength(1);
		expect(dealProps(w, missing).aws_opportunity_id).toBe(opportunitiesNaming(w, missing)[0]);
		expect(opportunitiesNaming(w, referral)).toHaveLength(0);
		expect(dealProps(w, invalid).aws_sync_status).toBe('invalid');
		expect(notesOf(w, invalid).at(-1)).toBeTruthy();
		expect(opportunitiesNaming(w, fresh)).toHaveLength(1); // grace 0: created too
		const creates = pcWrites(w, before).filter((op) => op === 'CreateOpportunity').length;

		// A second sweep finds nothing left to do.
		const again = mark(w);
		const s2 = await run({ passes: 'sweep', sweepGraceMinutes: 0 });
		expect(s2.created ?? 0).toBe(0);
		expect(pcWrites(w, again)).toEqual([]);
		expect(hubspotWrites(w, again)).toEqual([]);
		expect(creates).toBe(2);

		// With the default grace period a deal changed a moment ago is left to the live sync.
		const recent = seedTaggedDeal(w, { dealname: '#AWS Changed a moment ago' });
		const graced = await run({ passes: 'sweep' });
		expect(graced.created ?? 0).toBe(0);
		expect(opportunitiesNaming(w, recent)).toHaveLength(0);
		repEdit(w, recent, { dealname: 'Changed a moment ago (co-sell dropped)' }); // keeps the later runs' counts exact
	});

	it('queues a HubSpot change while AWS reviews, and re-applies it once the opportunity is editable again', async () => {
		const q = await seedLinkedDeal(w, { deal: { dealname: '#AWS Review project' }, opportunity: { Project: { Title: 'Review project' } } });
		await run(); // converge
		await submitToAws(w, q.opportunityId);
		await advance(w, w.pc.sim.config.reviewStartDelayMs);
		expect(reviewStatus(w, q.opportunityId)).toBe('In review');
		await run(); // the review status reaches HubSpot
		repEdit(w, q.dealId, { closedate: `${nextYearDate('12-31')}T00:00:00.000Z` });

		const before = mark(w);
		const queued = await run();
		expect(queued.queued).toBe(1);
		expect(pcWrites(w, before)).toEqual([]);
		expect(dealProps(w, q.dealId).aws_update_queued).toBe('true');

		// A second run during the review writes nothing.
		const during = mark(w);
		await run();
		expect(pcWrites(w, during)).toEqual([]);
		expect(hubspotWrites(w, during)).toEqual([]);

		await awsReview(w, q.opportunityId, 'Approved');
		const approved = mark(w);
		const applied = await run();
		expect(applied.hubspotToPartnerCentralRepairs).toBe(1);
		expect(pcWrites(w, approved)).toEqual(['UpdateOpportunity']);
		expect(lifeCycle(w, q.opportunityId).TargetCloseDate).toBe(nextYearDate('12-31'));
		const p = dealProps(w, q.dealId);
		expect(p.aws_update_queued).toBe('false');
		expect(p.aws_sync_status).toBe('synced');
		expect(p.aws_review_status).toBe('Approved');
	});

	it('approved: a field AWS froze for good no longer holds a queued deal back; the editable change goes, the frozen one does not', async () => {
		const a = await seedLinkedDeal(w, { deal: { dealname: '#AWS Approved project' }, opportunity: { Project: { Title: 'Approved project' } } });
		await run(); // converge
		await submitToAws(w, a.opportunityId);
		await awsReview(w, a.opportunityId, 'Approved');
		await run(); // the approval reaches HubSpot
		expect(dealProps(w, a.dealId).aws_review_status).toBe('Approved');
		const postalCode = () => ((opportunity(w, a.opportunityId).data.Customer as { Account: { Address: Record<string, string> } }).Account.Address.PostalCode);
		expect(postalCode()).toBe('98101');

		// Left queued by an earlier review; since then the company moved (postal code: frozen once approved) and the
		// rep moved the close date (still editable).
		w.hubspot.core.world.update('deals', a.dealId, { aws_update_queued: 'true', aws_sync_status: 'queued' }, { changeSource: 'INTEGRATION' });
		w.hubspot.ui.update('companies', a.companyId, { zip: '98402' });
		repEdit(w, a.dealId, { closedate: `${nextYearDate('08-31')}T00:00:00.000Z` });

		const before = mark(w);
		const s = await run();
		expect(pcWrites(w, before)).toEqual(['UpdateOpportunity']);
		expect(lifeCycle(w, a.opportunityId).TargetCloseDate).toBe(nextYearDate('08-31'));
		expect(postalCode()).toBe('98101');
		expect(dealProps(w, a.dealId)).toMatchObject({ aws_update_queued: 'false', aws_sync_status: 'synced' });
		expect(s.queued ?? 0).toBe(0);
		expect(s.frozen).toBe(1);
		expect(s.text).toContain('1 deals with fields AWS does not allow to change any more');
		const notes = notesOf(w, a.dealId);
		expect(notes.at(-1)).toMatch(/does not allow these fields to change any more.*postal code \(Customer\.Account\.Address\.PostalCode\).*other changes were sent/s);

		// The frozen difference stays; it is not drift the next run acts on.
		const after = mark(w);
		const again = await run();
		expect(again.drift).toBe(false);
		expect(pcWrites(w, after)).toEqual([]);
		expect(hubspotWrites(w, after)).toEqual([]);
		expect(notesOf(w, a.dealId)).toHaveLength(notes.length);
	});

	it('a failure recorded by the error workflow is retried by the next run', async () => {
		const f = await seedLinkedDeal(w, { deal: { dealname: '#AWS Failing project' }, opportunity: { Project: { Title: 'Failing project' } } });
		await run(); // converge
		await submitToAws(w, f.opportunityId);
		await awsReview(w, f.opportunityId, 'Action Required', 'Add the use case.');
		const restore = hubspotOutage(w, '/crm/v3/objects/tasks', 'POST');
		try {
			await postEvent(eventUrl, partnerCentralEvent('Opportunity Updated', { opportunity: { identifier: f.opportunityId } }));
			await waitFor(async () => dealProps(w, f.dealId).aws_sync_status === 'error', { timeoutMs: 90_000, what: 'the error workflow' }).catch(async (error: unknown) => {
				await dumpExecutions(t);
				throw error;
			});
		} finally {
			restore();
		}
		expect(tasksOf(w, f.dealId)).toHaveLength(0);

		const s = await run();
		expect(s.retried).toBe(1);
		const p = dealProps(w, f.dealId);
		expect(p.aws_sync_status).not.toBe('error');
		expect(p.aws_last_error ?? '').toBe('');
		expect(p.aws_review_status).toBe('Action Required');
		expect(tasksOf(w, f.dealId)).toHaveLength(1);
	});
});
