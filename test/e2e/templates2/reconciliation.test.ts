/**
 * Template "AWS Partner Central: reconciliation" on real n8n, with "AWS Partner Central to HubSpot" and the error
 * workflow imported as the setup notes say: a first run converges, a run with no drift writes nothing on either
 * side, drift on each side is repaired in the owner's direction, a missing link is added, a queued update is
 * re-applied once the opportunity is editable (and left alone while the review lasts), and a failure recorded by the
 * error workflow is retried.
 */
import { waitFor, webhookUrl } from '../harness';
import { configure, driverFor, dumpExecutions, importTemplate, partnerCentralEvent, postEvent, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import { addDeal, opportunityFixture, notesOn, startWorld, summaryFixture, tasksOn, type HsRecord, type World } from './world';

jest.setTimeout(15 * 60 * 1000);

type Summary = Record<string, unknown> & { drift: boolean; text: string };

/** Deal fields matching the opportunity fixture (HubSpot-owned side in step with Partner Central). */
const same = {
	description: 'Acme runs nightly batch reports on an overloaded on-premises warehouse.',
	amount: '60000',
	closedate: '2027-06-30T00:00:00.000Z',
	dealstage: 'qualifiedtobuy',
};

describe('template: reconciliation', () => {
	let world: World;
	let t: TemplatesEnv;
	let reconcile: Driver;
	let eventUrl: string;
	let linked: HsRecord;
	let logDeal: HsRecord;

	const run = async (): Promise<Summary> => {
		const r = await reconcile.run([{}]);
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
		world = await startWorld();
		t = await startTemplatesEnv(world);
		const errorWf = await importTemplate(t, 'error-handling.json', { publish: true });
		const pcToHs = await importTemplate(t, 'partner-central-to-hubspot.json', {
			settings: { errorWorkflow: errorWf.id },
			edit: (wf) => ({
				...wf,
				nodes: wf.nodes.map((n) => (n.name === 'AWS Opportunity Event (alternative)' ? { ...n, disabled: false } : n)),
			}),
			publish: true,
		});
		eventUrl = webhookUrl(t.env.baseUrl, pcToHs.json, 'AWS Opportunity Event (alternative)', t.types);
		logDeal = addDeal(world, { dealname: 'Sync log' });
		// Setup steps from the sticky note: the sub-workflow's ID, the summary deal, the HubSpot credential in the
		// HTTP Request nodes (here also the HubSpot address, since HubSpot is the local world).
		const setUp = configure(
			{ partnerCentralToHubSpotWorkflowId: pcToHs.id, hubspotApiUrl: world.hs.url, summaryDealId: logDeal.id },
			t.creds.hubSpotPartnerCentralApi,
		);
		const recon = await importTemplate(t, 'reconciliation.json', { settings: { errorWorkflow: errorWf.id }, edit: setUp, publish: true });
		reconcile = await driverFor(t, recon.id, 'Reconciliation');

		linked = addDeal(world, { ...same, dealname: '#AWS Data lake migration', aws_opportunity_id: 'O8001' });
		world.opportunities.set('O8001', opportunityFixture('O8001', { PartnerOpportunityIdentifier: `HUBSPOT-${linked.id}`, LifeCycle: { ReviewStatus: 'Approved' } }));
		world.summaries.set('O8001', summaryFixture('O8001'));
	});

	afterAll(async () => {
		await t?.env.stop();
		await world?.close();
	});

	it('a first run converges; the next run finds no drift and writes nothing anywhere', async () => {
		const first = await run();
		expect(first.opportunitiesChecked).toBe(1);
		expect(world.deals.get(linked.id)!.properties.aws_review_status).toBe('Approved');

		const pcWrites = world.pcWrites().length;
		const hsWrites = world.hsWrites().length;
		const notes = world.notes.length;
		const second = await run();
		expect(second.drift).toBe(false);
		expect(second.text).toContain('no drift');
		expect(second.dealsChecked).toBe(1);
		expect(world.pcWrites().length).toBe(pcWrites);
		expect(world.hsWrites().length).toBe(hsWrites);
		expect(world.notes.length).toBe(notes);
	});

	it('repairs drift on each side in the owner direction and notes the summary', async () => {
		// AWS changed its side without an event reaching n8n; the rep moved the close date without a webhook.
		const o = world.opportunities.get('O8001')!;
		world.summaries.set('O8001', summaryFixture('O8001', { Insights: { EngagementScore: 'High' } }));
		world.deals.get(linked.id)!.properties.closedate = '2027-09-30T00:00:00.000Z';
		const updatesBefore = world.updates.length;
		const s = await run();
		expect(s.drift).toBe(true);
		expect(world.deals.get(linked.id)!.properties.aws_engagement_score).toBe('High');
		expect(world.updates.length).toBe(updatesBefore + 1);
		expect((o.LifeCycle as Record<string, unknown>).TargetCloseDate).toBe('2027-09-30');
		expect(notesOn(world, logDeal.id).at(-1)?.properties.hs_note_body).toContain('Reconciliation');
	});

	it('links a deal an opportunity names but that lacks the link', async () => {
		const unlinked = addDeal(world, { dealname: '#AWS Second project' });
		world.opportunities.set('O8002', opportunityFixture('O8002', { PartnerOpportunityIdentifier: `HUBSPOT-${unlinked.id}`, LifeCycle: { ReviewStatus: 'Approved' } }));
		const s = await run();
		expect(s.linked).toBe(1);
		const p = world.deals.get(unlinked.id)!.properties;
		expect(p.aws_opportunity_id).toBe('O8002');
		expect(p.aws_review_status).toBe('Approved');
	});

	it('queues a HubSpot change while AWS reviews, and re-applies it once the opportunity is editable again', async () => {
		const deal = addDeal(world, { ...same, dealname: '#AWS Data lake migration', aws_opportunity_id: 'O8005' });
		world.opportunities.set('O8005', opportunityFixture('O8005', { PartnerOpportunityIdentifier: `HUBSPOT-${deal.id}`, LifeCycle: { ReviewStatus: 'Approved' } }));
		await run(); // converge
		world.deals.get(deal.id)!.properties.closedate = '2027-12-31T00:00:00.000Z';
		(world.opportunities.get('O8005')!.LifeCycle as Record<string, unknown>).ReviewStatus = 'In review';
		const before = world.updates.length;
		const queued = await run();
		expect(queued.queued).toBe(1);
		expect(world.updates.length).toBe(before);
		expect(world.deals.get(deal.id)!.properties.aws_update_queued).toBe('true');
		// A second run during the review writes nothing about this deal.
		const aboutDeal = () => world.hsWrites().filter((r) => JSON.stringify(r.body ?? '').includes(`"${deal.id}"`)).length;
		const writesBefore = aboutDeal();
		await run();
		expect(aboutDeal()).toBe(writesBefore);
		expect(world.deals.get(deal.id)!.properties.aws_update_queued).toBe('true');

		(world.opportunities.get('O8005')!.LifeCycle as Record<string, unknown>).ReviewStatus = 'Approved';
		const applied = await run();
		expect(applied.hubspotToPartnerCentralRepairs).toBe(1);
		expect(world.updates.at(-1)?.id).toBe('O8005');
		expect((world.opportunities.get('O8005')!.LifeCycle as Record<string, unknown>).TargetCloseDate).toBe('2027-12-31');
		expect(world.deals.get(deal.id)!.properties.aws_update_queued).toBe('false');
		expect(world.deals.get(deal.id)!.properties.aws_sync_status).toBe('synced');
	});

	it('a failure recorded by the error workflow is retried by the next run', async () => {
		const deal = addDeal(world, {
			...same,
			dealname: '#AWS Data lake migration',
			aws_opportunity_id: 'O8003',
			aws_review_status: 'Submitted',
			aws_sync_status: 'synced',
		});
		world.opportunities.set('O8003', opportunityFixture('O8003', { LifeCycle: { ReviewStatus: 'Action Required', ReviewComments: 'Add the use case.' } }));
		world.summaries.set('O8003', summaryFixture('O8003'));
		world.hubspotOutage = { remaining: 1000, paths: /^POST \/crm\/v3\/objects\/tasks$/ };
		await postEvent(eventUrl, partnerCentralEvent('Opportunity Updated', { opportunity: { identifier: 'O8003' } }));
		await waitFor(async () => world.deals.get(deal.id)!.properties.aws_sync_status === 'error', { timeoutMs: 60_000, what: 'the error workflow' }).catch(
			async (error: unknown) => {
				await dumpExecutions(t);
				throw error;
			},
		);
		world.hubspotOutage = { remaining: 0, paths: /./ };
		expect(tasksOn(world, deal.id)).toHaveLength(0);

		const s = await run();
		expect(s.retried).toBe(1);
		const p = world.deals.get(deal.id)!.properties;
		// Off the retry list: synced by the retry pass (the HubSpot pass may then queue HubSpot-side differences that
		// AWS does not accept while the review says Action Required).
		expect(p.aws_sync_status).not.toBe('error');
		expect(p.aws_last_error).toBe('');
		expect(p.aws_review_status).toBe('Action Required');
		expect(tasksOn(world, deal.id)).toHaveLength(1);
	});
});
