/**
 * Template "HubSpot deal deleted or merged: no orphan opportunity" on real n8n: a deleted deal's opportunity is
 * closed as Closed Lost with the reason from Settings (policy closeLost) or only tagged for review (policy flag); a
 * merge moves the link to the surviving deal and points the opportunity's partner ID at it.
 */
import { randomUUID } from 'node:crypto';

import { configure, driverFor, dumpExecutions, importTemplate, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import { addDeal, archiveDeal, opportunityFixture, startWorld, type World } from './world';

jest.setTimeout(10 * 60 * 1000);


describe('template: deal deleted or merged', () => {
	let world: World;
	let t: TemplatesEnv;
	let closeLost: Driver;
	let flag: Driver;

	const ok = async (drive: Driver, items: Array<Record<string, unknown>>) => {
		const r = await drive.run(items);
		if (r.status !== 200) await dumpExecutions(t);
		expect(r.status).toBe(200);
	};

	beforeAll(async () => {
		world = await startWorld();
		t = await startTemplatesEnv(world);
		const cred = t.creds.hubSpotPartnerCentralApi;
		const a = await importTemplate(t, 'deal-deleted-or-lost.json', { edit: configure({ hubspotApiUrl: world.hs.url }, cred), publish: true });
		closeLost = await driverFor(t, a.id, 'Deleted: close lost');
		// A second copy with the other policy (its webhook gets its own ID, as n8n gives a copied workflow).
		const flagSettings = configure({ hubspotApiUrl: world.hs.url, policy: 'flag' }, cred);
		const b = await importTemplate(t, 'deal-deleted-or-lost.json', {
			edit: (wf) => {
				const edited = flagSettings(wf);
				return { ...edited, nodes: edited.nodes.map((n) => (n.webhookId ? { ...n, webhookId: randomUUID() } : n)) };
			},
			publish: true,
		});
		flag = await driverFor(t, b.id, 'Deleted: flag');
	});

	afterAll(async () => {
		await t?.env.stop();
		await world?.close();
	});

	it('closes a deleted deal\'s opportunity as Closed Lost with the reason from Settings', async () => {
		const deal = addDeal(world, { dealname: '#AWS Gone', aws_opportunity_id: 'O6001', aws_opportunity_arn: 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/opportunity/O6001' });
		world.opportunities.set('O6001', opportunityFixture('O6001', { LifeCycle: { ReviewStatus: 'Approved' } }));
		archiveDeal(world, deal.id);
		await ok(closeLost, [{ objectId: deal.id, objectType: 'deal', action: 'deletion' }]);
		const life = world.opportunities.get('O6001')!.LifeCycle as Record<string, unknown>;
		expect(life.Stage).toBe('Closed Lost');
		expect(life.ClosedLostReason).toBe('Other');
		// Merge-safe: the rest of the opportunity is kept.
		expect((world.opportunities.get('O6001')!.Project as Record<string, unknown>).Title).toBe('Data lake migration');
	});

	it('with policy flag, only tags the opportunity for review', async () => {
		const arn = 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/opportunity/O6002';
		const deal = addDeal(world, { dealname: '#AWS Gone too', aws_opportunity_id: 'O6002', aws_opportunity_arn: arn });
		world.opportunities.set('O6002', opportunityFixture('O6002', { LifeCycle: { ReviewStatus: 'Approved' } }));
		archiveDeal(world, deal.id);
		const updates = world.updates.length;
		await ok(flag, [{ objectId: deal.id, objectType: 'deal', action: 'deletion' }]);
		expect(world.tags.get(arn)).toEqual({ 'hubspot-deal': 'deleted' });
		expect(world.updates.length).toBe(updates);
		expect((world.opportunities.get('O6002')!.LifeCycle as Record<string, unknown>).Stage).toBe('Qualified');
	});

	it('ignores a deleted deal that had no opportunity', async () => {
		const deal = addDeal(world, { dealname: 'Never co-sold' });
		archiveDeal(world, deal.id);
		const writes = world.pcWrites().length;
		await ok(closeLost, [{ objectId: deal.id, objectType: 'deal', action: 'deletion' }]);
		expect(world.pcWrites().length).toBe(writes);
	});

	it('a merge moves the link to the surviving deal and the opportunity points at it', async () => {
		const survivor = addDeal(world, { dealname: '#AWS Survivor' });
		const merged = addDeal(world, { dealname: '#AWS Merged away', aws_opportunity_id: 'O6003', aws_opportunity_arn: 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/opportunity/O6003' });
		// Not yet submitted: AWS lets the partner ID change (after approval it is frozen and only the HubSpot link moves).
		world.opportunities.set('O6003', opportunityFixture('O6003', { PartnerOpportunityIdentifier: `HUBSPOT-${merged.id}`, LifeCycle: { ReviewStatus: 'Pending Submission' } }));
		archiveDeal(world, merged.id);
		await ok(closeLost, [{ objectId: survivor.id, objectType: 'deal', action: 'merge', mergedObjectIds: [Number(merged.id), Number(survivor.id)] }]);
		expect(world.deals.get(survivor.id)!.properties.aws_opportunity_id).toBe('O6003');
		expect(world.opportunities.get('O6003')!.PartnerOpportunityIdentifier).toBe(`HUBSPOT-${survivor.id}`);
		expect((world.opportunities.get('O6003')!.LifeCycle as Record<string, unknown>).Stage).toBe('Qualified');
	});
});
