/**
 * Template "AWS Partner Central: error handling" on real n8n: a template that fails in production (here AWS
 * Partner Central to HubSpot, started by an EventBridge event, while HubSpot refuses tasks) starts the error
 * workflow, which records the failure on the deal (note, sync status error, last error): the deal is on the retry
 * list that reconciliation drains.
 */
import { webhookUrl, waitFor } from '../harness';
import { dumpExecutions, importTemplate, partnerCentralEvent, postEvent, startTemplatesEnv, type TemplatesEnv } from './env';
import { addDeal, notesOn, opportunityFixture, startWorld, summaryFixture, tasksOn, type World } from './world';

jest.setTimeout(10 * 60 * 1000);

describe('template: error handling', () => {
	let world: World;
	let t: TemplatesEnv;
	let eventUrl: string;

	beforeAll(async () => {
		world = await startWorld();
		t = await startTemplatesEnv(world);
		const errorWf = await importTemplate(t, 'error-handling.json', { publish: true });
		// As the setup note says: switch to the event trigger (webhook mode) and choose the error workflow.
		const pcToHs = await importTemplate(t, 'partner-central-to-hubspot.json', {
			settings: { errorWorkflow: errorWf.id },
			edit: (wf) => ({
				...wf,
				nodes: wf.nodes.map((n) => (n.name === 'AWS Opportunity Event (alternative)' ? { ...n, disabled: false } : n)),
			}),
			publish: true,
		});
		eventUrl = webhookUrl(t.env.baseUrl, pcToHs.json, 'AWS Opportunity Event (alternative)', t.types);
	});

	afterAll(async () => {
		await t?.env.stop();
		await world?.close();
	});

	it('a failed sync lands on the deal: note, sync status error, the reason', async () => {
		const deal = addDeal(world, { dealname: '#AWS Will fail', aws_opportunity_id: 'O7001', aws_review_status: 'Submitted', aws_sync_status: 'synced' });
		world.opportunities.set('O7001', opportunityFixture('O7001', { LifeCycle: { ReviewStatus: 'Action Required', ReviewComments: 'Add the use case.' } }));
		world.summaries.set('O7001', summaryFixture('O7001'));
		world.hubspotOutage = { remaining: 1000, paths: /^POST \/crm\/v3\/objects\/tasks$/ };

		await postEvent(eventUrl, partnerCentralEvent('Opportunity Updated', { opportunity: { identifier: 'O7001' } }));

		await waitFor(async () => world.deals.get(deal.id)!.properties.aws_sync_status === 'error', {
			timeoutMs: 60_000,
			what: 'the error workflow to mark the deal',
		}).catch(async (error: unknown) => {
			await dumpExecutions(t);
			throw error;
		});
		world.hubspotOutage = { remaining: 0, paths: /./ };
		const p = world.deals.get(deal.id)!.properties;
		expect(p.aws_last_error).toContain('Task: Answer AWS');
		expect(p.aws_review_status).toBe('Submitted'); // the failed run did not write the deal
		const failureNotes = notesOn(world, deal.id).filter((n) => String(n.properties.hs_note_body).includes('sync failed'));
		expect(failureNotes).toHaveLength(1);
		expect(String(failureNotes[0].properties.hs_note_body)).toContain('AWS Partner Central to HubSpot');
		expect(tasksOn(world, deal.id)).toHaveLength(0);
	});
});
