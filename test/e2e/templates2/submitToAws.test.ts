/**
 * Template "Submit HubSpot deals to AWS" on real n8n: the submit checkbox -> checked -> default solution associated
 * -> StartEngagementFromOpportunityTask waited -> written back; every failure (not ready, task failed, not linked)
 * -> a note with the reasons, sync status error and the checkbox cleared.
 */
import { driverFor, importTemplate, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import { addDeal, notesOn, opportunityFixture, startWorld, type World } from './world';

jest.setTimeout(10 * 60 * 1000);

const pending = { LifeCycle: { ReviewStatus: 'Pending Submission', Stage: 'Qualified' } };

describe('template: Submit HubSpot deals to AWS', () => {
	let world: World;
	let t: TemplatesEnv;
	let drive: Driver;

	beforeAll(async () => {
		world = await startWorld();
		t = await startTemplatesEnv(world);
		const template = await importTemplate(t, 'submit-to-aws.json', { publish: true });
		drive = await driverFor(t, template.id, 'Submit');
	});

	afterAll(async () => {
		await t?.env.stop();
		await world?.close();
	});

	it('associates the default solution, submits, waits for the task and writes the result back', async () => {
		const deal = addDeal(world, { dealname: '#AWS Submit me', aws_opportunity_id: 'O5001', aws_submit_request: 'true', aws_review_status: 'Pending Submission' });
		world.opportunities.set('O5001', opportunityFixture('O5001', pending));
		world.nextTaskOutcome = { status: 'COMPLETE' };

		const r = await drive.run([{ dealId: deal.id }, { dealId: deal.id }]);
		expect(r.status).toBe(200);

		expect(world.pcWrites()).toEqual(['AssociateOpportunity', 'StartEngagementFromOpportunityTask']);
		expect(world.opportunities.get('O5001')!.RelatedEntityIdentifiers).toEqual({ Solutions: ['S-1234567'] });
		const p = world.deals.get(deal.id)!.properties;
		expect(p.aws_submit_request).toBe('false');
		expect(p.aws_review_status).toBe('Submitted');
		expect(p.aws_engagement_id).toMatch(/^eng-/);
		expect(p.aws_sync_status).toBe('synced');
		expect(p.aws_submission_date).toBeTruthy();
		expect(notesOn(world, deal.id).map((n) => n.properties.hs_note_body).join(' ')).toContain('Submitted to AWS');
	});

	it('does nothing for a deal whose checkbox is not ticked', async () => {
		const deal = addDeal(world, { dealname: '#AWS Not yet', aws_opportunity_id: 'O5002', aws_submit_request: 'false' });
		world.opportunities.set('O5002', opportunityFixture('O5002', pending));
		const writes = world.pcWrites().length;
		const r = await drive.run([{ dealId: deal.id }]);
		expect(r.status).toBe(200);
		expect(world.pcWrites().length).toBe(writes);
		expect(notesOn(world, deal.id)).toHaveLength(0);
	});

	it('an opportunity that is not ready: note with the reasons, checkbox cleared, nothing sent', async () => {
		const deal = addDeal(world, { dealname: '#AWS Not ready', aws_opportunity_id: 'O5003', aws_submit_request: 'true' });
		world.opportunities.set('O5003', opportunityFixture('O5003', { LifeCycle: { ReviewStatus: 'Pending Submission', Stage: 'Prospect' } }));
		const writes = world.pcWrites().length;
		const r = await drive.run([{ dealId: deal.id }]);
		expect(r.status).toBe(200);
		expect(world.pcWrites().length).toBe(writes);
		const p = world.deals.get(deal.id)!.properties;
		expect(p.aws_submit_request).toBe('false');
		expect(p.aws_sync_status).toBe('error');
		expect(p.aws_last_error).toBeTruthy();
		const notes = notesOn(world, deal.id);
		expect(notes).toHaveLength(1);
		expect(notes[0].properties.hs_note_body).toContain('Not submitted to AWS');
		expect(notes[0].properties.hs_note_body).toContain('Prospect');
	});

	it('a task AWS fails: note with its reason code and message, checkbox cleared', async () => {
		const deal = addDeal(world, { dealname: '#AWS Refused', aws_opportunity_id: 'O5004', aws_submit_request: 'true', aws_solution_ids: 'S-1234567' });
		world.opportunities.set('O5004', opportunityFixture('O5004', pending));
		world.nextTaskOutcome = { status: 'FAILED', reasonCode: 'OpportunitySubmissionFailed', message: 'The customer website could not be verified' };
		const r = await drive.run([{ dealId: deal.id }]);
		world.nextTaskOutcome = { status: 'COMPLETE' };
		expect(r.status).toBe(200);
		const p = world.deals.get(deal.id)!.properties;
		expect(p.aws_submit_request).toBe('false');
		expect(p.aws_sync_status).toBe('error');
		const body = String(notesOn(world, deal.id)[0]?.properties.hs_note_body);
		expect(body).toContain('OpportunitySubmissionFailed');
		expect(body).toContain('The customer website could not be verified');
	});

	it('a deal with no opportunity yet: note saying so, checkbox cleared', async () => {
		const deal = addDeal(world, { dealname: 'Untagged deal', aws_submit_request: 'true' });
		const r = await drive.run([{ dealId: deal.id }]);
		expect(r.status).toBe(200);
		expect(world.deals.get(deal.id)!.properties.aws_submit_request).toBe('false');
		expect(String(notesOn(world, deal.id)[0]?.properties.hs_note_body)).toContain('no AWS opportunity yet');
	});
});
