/**
 * Template "Submit HubSpot deals to AWS" on real n8n against the simulators: the submit checkbox -> checked ->
 * solutions associated (the deal's property, else the default in Settings) -> StartEngagementFromOpportunityTask,
 * waited -> written back; every failure (not ready, task failed at AWS, not linked) -> a note with the reasons, sync
 * status error and the checkbox cleared.
 */
import { webhookUrl } from '../harness';
import { configure, driverFor, dumpExecutions, importTemplate, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import {
	addSolution,
	createOpportunity,
	DEFAULT_SOLUTION,
	dealProps,
	failNextEngagementTask,
	mark,
	notesOf,
	opportunity,
	pcWrites,
	reviewStatus,
	seedDeal,
	startSimWorld,
	waitForDeal,
	type SimWorld,
} from './simWorld';
import { routeHubSpotWebhooks } from './simWorldB';

jest.setTimeout(10 * 60 * 1000);

describe('template: Submit HubSpot deals to AWS (simulators)', () => {
	let w: SimWorld;
	let t: TemplatesEnv;
	let drive: Driver;

	const run = async (items: Array<Record<string, unknown>>) => {
		const r = await drive.run(items);
		if (r.status !== 200) await dumpExecutions(t);
		expect(r.status).toBe(200);
	};

	beforeAll(async () => {
		w = await startSimWorld();
		t = await startTemplatesEnv(w);
		// Settings as ops may set them: also submit when a deal reaches "Contract Sent".
		const edit = configure({ submitAtStage: 'contractsent' }, t.creds.hubSpotPartnerCentralApi);
		const template = await importTemplate(t, 'submit-to-aws.json', { edit, publish: true });
		drive = await driverFor(t, template.id, 'Submit');
		// HubSpot's app subscriptions point at the published trigger (signed webhooks, as in production).
		const hookUrl = webhookUrl(t.env.baseUrl, template.json, 'HubSpot Deal Webhook', t.types);
		await routeHubSpotWebhooks(w, hookUrl, ['deal.propertyChange'], ['aws_submit_request', 'dealstage']);
	});

	afterAll(async () => {
		await t?.env.stop();
		await w?.close();
	});

	it('associates the default solution, submits once, waits for the task and writes the result back', async () => {
		const oppId = await createOpportunity(w);
		const deal = seedDeal(w, { dealname: '#AWS Submit me', aws_opportunity_id: oppId, aws_submit_request: 'true', aws_review_status: 'Pending Submission' });
		const before = mark(w);

		await run([{ dealId: deal.id }, { dealId: deal.id }]); // the same deal twice: submitted once

		expect(pcWrites(w, before)).toEqual(['AssociateOpportunity', 'StartEngagementFromOpportunityTask']);
		const o = opportunity(w, oppId);
		expect(o.RelatedEntityIdentifiers.Solutions).toEqual([DEFAULT_SOLUTION]);
		expect(reviewStatus(w, oppId)).toBe('Submitted');
		expect(o.submission).toMatchObject({ InvolvementType: 'Co-Sell', Visibility: 'Full' });
		const p = dealProps(w, deal.id);
		expect(p.aws_submit_request).toBe('false');
		expect(p.aws_review_status).toBe('Submitted');
		expect(p.aws_engagement_id).toBe(o.engagementId);
		expect(p.aws_sync_status).toBe('synced');
		expect(p.aws_submission_date).toBeTruthy();
		const notes = notesOf(w, deal.id);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain('Submitted to AWS');
	});

	it("associates the deal's own solutions instead of the default", async () => {
		addSolution(w, 'S-0000042', 'Acme Data Platform');
		const oppId = await createOpportunity(w);
		const deal = seedDeal(w, { dealname: '#AWS Own solution', aws_opportunity_id: oppId, aws_submit_request: 'true', aws_solution_ids: 'S-0000042' });
		const before = mark(w);
		await run([{ dealId: deal.id }]);
		expect(pcWrites(w, before)).toEqual(['AssociateOpportunity', 'StartEngagementFromOpportunityTask']);
		expect(opportunity(w, oppId).RelatedEntityIdentifiers.Solutions).toEqual(['S-0000042']);
		expect(reviewStatus(w, oppId)).toBe('Submitted');
		expect(dealProps(w, deal.id).aws_sync_status).toBe('synced');
	});

	it('a rep ticks "Submit to AWS" in HubSpot: the signed webhook starts the submission', async () => {
		const oppId = await createOpportunity(w);
		const deal = seedDeal(w, { dealname: '#AWS Ticked in HubSpot', aws_opportunity_id: oppId, aws_review_status: 'Pending Submission' });
		w.hubspot.ui.update('deals', deal.id, { aws_submit_request: 'true' });
		const p = await waitForDeal(w, deal.id, (x) => x.aws_sync_status === 'synced' || x.aws_sync_status === 'error', 'the submission written back', 120_000).catch(async (e: unknown) => {
			await dumpExecutions(t);
			throw e;
		});
		expect(p.aws_sync_status).toBe('synced');
		expect(p.aws_submit_request).toBe('false');
		expect(reviewStatus(w, oppId)).toBe('Submitted');
	});

	it('a deal reaching the stage set in Settings is submitted without the checkbox', async () => {
		const oppId = await createOpportunity(w);
		const deal = seedDeal(w, { dealname: '#AWS Contract sent', aws_opportunity_id: oppId, aws_review_status: 'Pending Submission' });
		w.hubspot.ui.update('deals', deal.id, { dealstage: 'contractsent' });
		const p = await waitForDeal(w, deal.id, (x) => x.aws_sync_status === 'synced' || x.aws_sync_status === 'error', 'the submission written back', 120_000);
		expect(p.aws_sync_status).toBe('synced');
		expect(reviewStatus(w, oppId)).toBe('Submitted');
		expect(notesOf(w, deal.id).join(' ')).toContain('Submitted to AWS');
	});

	it('does nothing for a deal whose checkbox is not ticked', async () => {
		const oppId = await createOpportunity(w);
		const deal = seedDeal(w, { dealname: '#AWS Not yet', aws_opportunity_id: oppId, aws_submit_request: 'false' });
		const before = mark(w);
		await run([{ dealId: deal.id }]);
		expect(pcWrites(w, before)).toEqual([]);
		expect(reviewStatus(w, oppId)).toBe('Pending Submission');
		expect(notesOf(w, deal.id)).toHaveLength(0);
	});

	it('an opportunity that is not ready: note listing the reasons, checkbox cleared, nothing sent', async () => {
		const oppId = await createOpportunity(w, { LifeCycle: { Stage: 'Prospect' } });
		const deal = seedDeal(w, { dealname: '#AWS Not ready', aws_opportunity_id: oppId, aws_submit_request: 'true' });
		const before = mark(w);
		await run([{ dealId: deal.id }]);
		expect(pcWrites(w, before)).toEqual([]);
		expect(reviewStatus(w, oppId)).toBe('Pending Submission');
		const p = dealProps(w, deal.id);
		expect(p.aws_submit_request).toBe('false');
		expect(p.aws_sync_status).toBe('error');
		expect(p.aws_last_error).toBeTruthy();
		const notes = notesOf(w, deal.id);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain('Not submitted to AWS');
		expect(notes[0]).toContain('Prospect');
	});

	it("a task AWS fails: note with AWS's reason code and message, checkbox cleared, opportunity not submitted", async () => {
		const oppId = await createOpportunity(w);
		const deal = seedDeal(w, { dealname: '#AWS Refused', aws_opportunity_id: oppId, aws_submit_request: 'true' });
		failNextEngagementTask(w, oppId);
		const before = mark(w);
		await run([{ dealId: deal.id }]);
		expect(pcWrites(w, before)).toEqual(['AssociateOpportunity', 'StartEngagementFromOpportunityTask']);
		const task = Object.values(w.pc.sim.state.tasks).find((x) => x.OpportunityId === oppId);
		expect(task?.TaskStatus).toBe('FAILED');
		expect(reviewStatus(w, oppId)).toBe('Pending Submission');
		const p = dealProps(w, deal.id);
		expect(p.aws_submit_request).toBe('false');
		expect(p.aws_sync_status).toBe('error');
		expect(p.aws_engagement_id ?? '').toBe('');
		const notes = notesOf(w, deal.id);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain('OpportunityValidationFailed');
		expect(notes[0]).toContain('Customer.Account.WebsiteUrl');
	});

	it('one of two solutions AWS refuses: note with its reason, checkbox cleared, not submitted', async () => {
		const oppId = await createOpportunity(w);
		const deal = seedDeal(w, { dealname: '#AWS Unknown solution', aws_opportunity_id: oppId, aws_submit_request: 'true', aws_solution_ids: 'S-1234567, S-0000099' });
		const before = mark(w);
		await run([{ dealId: deal.id }]);
		expect(pcWrites(w, before)).toEqual(['AssociateOpportunity']); // S-1234567 only: S-0000099 does not exist (ResourceNotFound)
		expect(w.pc.sim.requestLog.filter((x) => x.seq > before.pc && x.operation === 'StartEngagementFromOpportunityTask')).toEqual([]);
		expect(reviewStatus(w, oppId)).toBe('Pending Submission');
		const p = dealProps(w, deal.id);
		expect(p.aws_submit_request).toBe('false');
		expect(p.aws_sync_status).toBe('error');
		const notes = notesOf(w, deal.id);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain('Not submitted to AWS');
		expect(notes[0]).toContain('S-0000099');
	});

	it('a deal with no opportunity yet: note saying so, checkbox cleared', async () => {
		const deal = seedDeal(w, { dealname: 'Untagged deal', aws_submit_request: 'true' });
		const before = mark(w);
		await run([{ dealId: deal.id }]);
		expect(pcWrites(w, before)).toEqual([]);
		expect(dealProps(w, deal.id).aws_submit_request).toBe('false');
		const notes = notesOf(w, deal.id);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain('no AWS opportunity yet');
	});
});
