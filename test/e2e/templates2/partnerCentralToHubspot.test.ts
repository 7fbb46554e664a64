/**
 * Template "AWS Partner Central to HubSpot" on real n8n: AWS's review outcome, seller, engagement score and next
 * steps reach the linked deal; an Action Required review gives the deal owner exactly one task; repeats write
 * nothing; a HubSpot failure leaves the deal unwritten so the next run completes it, still with one task.
 */
import { driverFor, importTemplate, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import { addDeal, notesOn, opportunityFixture, startWorld, summaryFixture, tasksOn, type World } from './world';

jest.setTimeout(10 * 60 * 1000);

describe('template: AWS Partner Central to HubSpot', () => {
	let world: World;
	let t: TemplatesEnv;
	let drive: Driver;

	beforeAll(async () => {
		world = await startWorld();
		t = await startTemplatesEnv(world);
		const template = await importTemplate(t, 'partner-central-to-hubspot.json', { publish: true });
		drive = await driverFor(t, template.id, 'PC to HubSpot');
	});

	afterAll(async () => {
		await t?.env.stop();
		await world?.close();
	});

	it('brings an Action Required review, the AWS seller and the score to the deal, with exactly one task', async () => {
		const deal = addDeal(world, {
			dealname: '#AWS Data lake migration',
			description: 'Rep wording kept in HubSpot',
			aws_opportunity_id: 'O1001',
			aws_review_status: 'Submitted',
		});
		world.opportunities.set(
			'O1001',
			opportunityFixture('O1001', {
				LifeCycle: { ReviewStatus: 'Action Required', ReviewComments: 'Please add the customer website and a clearer use case.' },
			}),
		);
		world.summaries.set(
			'O1001',
			summaryFixture('O1001', {
				Insights: { EngagementScore: 'High' },
				OpportunityTeam: [{ FirstName: 'Ana', LastName: 'Seller', Email: 'ana@amazon.example', BusinessTitle: 'AWSAccountOwner' }],
			}),
		);

		// The same change announced twice in one batch (event + poll overlap) is handled once.
		const r = await drive.run([{ opportunityId: 'O1001' }, { opportunityId: 'O1001' }]);
		expect(r.status).toBe(200);

		const p = world.deals.get(deal.id)!.properties;
		expect(p.aws_review_status).toBe('Action Required');
		expect(p.aws_review_comments).toBe('Please add the customer website and a clearer use case.');
		expect(p.aws_engagement_score).toBe('High');
		expect(p.aws_seller_name).toBe('Ana Seller');
		expect(p.aws_seller_email).toBe('ana@amazon.example');
		expect(p.aws_next_steps).toBe('Intro call with the AWS account team');
		expect(p.aws_involvement_type).toBe('Co-Sell');
		expect(p.aws_visibility).toBe('Full');
		expect(p.aws_stage).toBe('Qualified');
		expect(p.aws_inbound_fingerprint).toBeTruthy();
		// HubSpot-owned fields untouched.
		expect(p.dealname).toBe('#AWS Data lake migration');
		expect(p.description).toBe('Rep wording kept in HubSpot');

		const tasks = tasksOn(world, deal.id);
		expect(tasks).toHaveLength(1);
		expect(tasks[0].properties.hs_task_subject).toContain('AWS needs action');
		expect(tasks[0].properties.hs_task_body).toContain('Please add the customer website');
		expect(tasks[0].properties.hubspot_owner_id).toBe('77');
		const due = Date.parse(String(tasks[0].properties.hs_timestamp));
		expect(due - Date.now()).toBeGreaterThan(1.5 * 86_400_000);
		expect(due - Date.now()).toBeLessThan(2.5 * 86_400_000);

		const notes = notesOn(world, deal.id);
		expect(notes).toHaveLength(1);
		const note = String(notes[0].properties.hs_note_body);
		expect(note).toContain('Action Required');
		expect(note).toContain('AWS seller assigned: Ana Seller');
		expect(note).toContain('engagement score: High');

		// Nothing goes back to AWS.
		expect(world.pcWrites()).toEqual([]);
	});

	it('writes nothing when the same change comes again (echo or repeat)', async () => {
		const before = world.hsWrites().length;
		const r = await drive.run([{ opportunityId: 'O1001' }]);
		expect(r.status).toBe(200);
		expect(world.hsWrites().length).toBe(before);
		expect(world.tasks.filter((x) => x.dealIds?.length)).toHaveLength(1);
	});

	it('updates changed comments without a second task while the review stays Action Required', async () => {
		const deal = [...world.deals.values()].find((d) => d.properties.aws_opportunity_id === 'O1001')!;
		const o = world.opportunities.get('O1001')!;
		(o.LifeCycle as Record<string, unknown>).ReviewComments = 'Website received; still need the use case.';
		await drive.run([{ opportunityId: 'O1001' }]);
		expect(world.deals.get(deal.id)!.properties.aws_review_comments).toBe('Website received; still need the use case.');
		expect(tasksOn(world, deal.id)).toHaveLength(1);
	});

	it('ignores opportunities no deal is linked to', async () => {
		world.opportunities.set('O2002', opportunityFixture('O2002'));
		const before = world.hsWrites().length;
		const r = await drive.run([{ opportunityId: 'O2002' }]);
		expect(r.status).toBe(200);
		expect(world.hsWrites().length).toBe(before);
	});

	it('a failed task leaves the deal unwritten; the next run creates the task once and writes the deal', async () => {
		const deal = addDeal(world, { dealname: '#AWS Second', aws_opportunity_id: 'O3003', aws_review_status: 'In review' });
		world.opportunities.set(
			'O3003',
			opportunityFixture('O3003', { LifeCycle: { ReviewStatus: 'Action Required', ReviewComments: 'Add the AWS account ID.' } }),
		);
		world.summaries.set('O3003', summaryFixture('O3003'));
		world.hubspotOutage = { remaining: 50, paths: /^POST \/crm\/v3\/objects\/tasks$/ };
		const failed = await drive.run([{ opportunityId: 'O3003' }]);
		world.hubspotOutage = { remaining: 0, paths: /./ };
		expect(failed.status).toBeGreaterThanOrEqual(500);
		expect(tasksOn(world, deal.id)).toHaveLength(0);
		expect(world.deals.get(deal.id)!.properties.aws_review_status).toBe('In review');

		const ok = await drive.run([{ opportunityId: 'O3003' }]);
		expect(ok.status).toBe(200);
		expect(world.deals.get(deal.id)!.properties.aws_review_status).toBe('Action Required');
		expect(tasksOn(world, deal.id)).toHaveLength(1);
		expect(tasksOn(world, deal.id)[0].properties.hs_task_body).toContain('Add the AWS account ID.');
	});
});
