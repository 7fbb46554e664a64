/**
 * Template "HubSpot company and contact changes to AWS" on real n8n (with Reconciliation, whose per-deal step it
 * uses): a company's new address is merged into the opportunity of every associated linked deal that AWS lets us
 * edit now; the deal whose opportunity is under review gets the change queued; unlinked deals are skipped.
 */
import { configure, driverFor, dumpExecutions, importTemplate, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import { addCompany, addDeal, opportunityFixture, startWorld, summaryFixture, type World } from './world';

jest.setTimeout(10 * 60 * 1000);


describe('template: company and contact changes', () => {
	let world: World;
	let t: TemplatesEnv;
	let drive: Driver;

	beforeAll(async () => {
		world = await startWorld();
		t = await startTemplatesEnv(world);
		const cred = t.creds.hubSpotPartnerCentralApi;
		const pcToHs = await importTemplate(t, 'partner-central-to-hubspot.json', { publish: true });
		const recon = await importTemplate(t, 'reconciliation.json', {
			edit: configure({ partnerCentralToHubSpotWorkflowId: pcToHs.id, hubspotApiUrl: world.hs.url }, cred),
			publish: true,
		});
		const template = await importTemplate(t, 'company-contact-changes.json', {
			edit: configure({ reconciliationWorkflowId: recon.id, hubspotApiUrl: world.hs.url }, cred),
			publish: true,
		});
		drive = await driverFor(t, template.id, 'Company changes');
	});

	afterAll(async () => {
		await t?.env.stop();
		await world?.close();
	});

	it('merges the new address into editable opportunities and queues it for the one under review', async () => {
		const editable = addDeal(world, { dealname: '#AWS Editable', aws_opportunity_id: 'O9001', closedate: '2027-06-30T00:00:00.000Z' });
		const reviewing = addDeal(world, { dealname: '#AWS Reviewing', aws_opportunity_id: 'O9002', closedate: '2027-06-30T00:00:00.000Z' });
		const unlinked = addDeal(world, { dealname: 'Not co-sold' });
		world.opportunities.set('O9001', opportunityFixture('O9001', { LifeCycle: { ReviewStatus: 'Pending Submission' } }));
		world.opportunities.set('O9002', opportunityFixture('O9002', { LifeCycle: { ReviewStatus: 'In review' } }));
		world.summaries.set('O9001', summaryFixture('O9001'));
		const company = addCompany(
			world,
			{ name: 'Acme Analytics', domain: 'acme.example.com', website: 'https://acme.example.com', country: 'United States', state: 'OR', city: 'Portland', zip: '97201', address: '1 River Way' },
			[editable.id, reviewing.id, unlinked.id],
		);
		const before = world.updates.length;

		const r = await drive.run([{ objectType: 'company', objectId: company.id }]);
		if (r.status !== 200) await dumpExecutions(t);
		expect(r.status).toBe(200);

		const updates = world.updates.slice(before);
		expect(updates.map((u) => u.id)).toEqual(['O9001']);
		const account = ((world.opportunities.get('O9001')!.Customer as Record<string, unknown>).Account as Record<string, unknown>);
		expect((account.Address as Record<string, unknown>).City).toBe('Portland');
		expect((account.Address as Record<string, unknown>).PostalCode).toBe('97201');
		// Merge-safe: what HubSpot does not own stays on the opportunity.
		expect((world.opportunities.get('O9001')!.Project as Record<string, unknown>).CustomerUseCase).toBe('Migration/Database Migration');
		expect(world.deals.get(reviewing.id)!.properties.aws_update_queued).toBe('true');
		expect(world.deals.get(reviewing.id)!.properties.aws_sync_status).toBe('queued');
		expect(((world.opportunities.get('O9002')!.Customer as Record<string, unknown>).Account as Record<string, unknown>).Address).toMatchObject({ City: 'Seattle' });
		expect(world.deals.get(unlinked.id)!.properties.aws_sync_status).toBeUndefined();
	});
});
