/**
 * Template "HubSpot deal deleted or merged: no orphan opportunity" on real n8n against the simulators, driven by
 * HubSpot's own webhooks (a rep deletes or merges deals in the HubSpot UI): a deleted deal's opportunity is closed
 * as Closed Lost with the reason from Settings (policy closeLost) or only tagged for review (policy flag); one AWS
 * will not let change now (under review) is flagged instead; a merge moves the link to the surviving deal and points
 * the opportunity's partner ID at it (AWS freezes that ID after approval: then only the HubSpot link moves), never
 * creating a second opportunity or leaving one without a deal.
 */
import { randomUUID } from 'node:crypto';

import { webhookUrl, waitFor } from '../harness';
import { configure, dumpExecutions, importTemplate, startTemplatesEnv, type TemplatesEnv } from './env';
import { archivedDeal, awsReview, createOpportunity, dealProps, mark, opportunity, pcWrites, reviewStatus, seedDeal, startSimWorld, submitToAws, type SimWorld } from './simWorld';
import { liveDealsLinkedTo, routeHubSpotWebhooks, settledExecutions } from './simWorldB';

jest.setTimeout(10 * 60 * 1000);

const DEAL_EVENTS = ['deal.deletion', 'deal.merge'];

describe('template: deal deleted or merged (simulators, HubSpot webhooks)', () => {
	let w: SimWorld;
	let t: TemplatesEnv;
	const copies: Record<'closeLost' | 'flag', { id: string; url: string }> = {} as never;

	const stage = (id: string) => String((opportunity(w, id).data.LifeCycle as Record<string, unknown>).Stage);
	const tags = (id: string) => Object.fromEntries(opportunity(w, id).Tags.map((x) => [x.Key, x.Value]));
	/** A linked deal whose opportunity exists in Partner Central (created through the API, optionally reviewed). */
	const linkedDeal = async (name: string, review?: 'Submitted' | 'Approved') => {
		const oppId = await createOpportunity(w);
		if (review) await submitToAws(w, oppId);
		if (review === 'Approved') await awsReview(w, oppId, 'Approved');
		const deal = seedDeal(w, { dealname: name, aws_opportunity_id: oppId, aws_opportunity_arn: opportunity(w, oppId).Arn });
		return { oppId, dealId: deal.id };
	};
	const until = async (what: string, ok: () => boolean) => {
		await waitFor(async () => ok(), { timeoutMs: 60_000, intervalMs: 250, what }).catch(async (e: unknown) => {
			await dumpExecutions(t);
			throw e;
		});
	};
	/** Waits for the template's next execution (one per webhook delivery) to finish. */
	const nextRun = async (copy: 'closeLost' | 'flag', act: () => unknown) => {
		const before = (await t.env.api.executions(copies[copy].id, false)).length;
		act();
		await settledExecutions(t, copies[copy].id, before + 1);
	};

	beforeAll(async () => {
		w = await startSimWorld();
		t = await startTemplatesEnv(w);
		const cred = t.creds.hubSpotPartnerCentralApi;
		for (const policy of ['closeLost', 'flag'] as const) {
			const settings = configure({ policy }, cred);
			// The second copy's webhook gets its own ID, as n8n gives a copied workflow.
			const wf = await importTemplate(t, 'deal-deleted-or-lost.json', {
				edit: (json) => {
					const edited = settings(json);
					return policy === 'closeLost' ? edited : { ...edited, nodes: edited.nodes.map((n) => (n.webhookId ? { ...n, webhookId: randomUUID() } : n)) };
				},
				publish: true,
			});
			copies[policy] = { id: wf.id, url: webhookUrl(t.env.baseUrl, wf.json, 'HubSpot Deal Webhook', t.types) };
		}
		await routeHubSpotWebhooks(w, copies.closeLost.url, DEAL_EVENTS);
	});

	afterAll(async () => {
		await t?.env.stop();
		await w?.close();
	});

	it("closes a deleted deal's approved opportunity as Closed Lost with the reason from Settings, nothing else changed", async () => {
		const { oppId, dealId } = await linkedDeal('#AWS Gone', 'Approved');
		const before = mark(w);
		const data = JSON.stringify({ Customer: opportunity(w, oppId).data.Customer, Project: opportunity(w, oppId).data.Project });
		w.hubspot.ui.delete('deals', dealId);
		await until('opportunity closed lost', () => stage(oppId) === 'Closed Lost');
		const life = opportunity(w, oppId).data.LifeCycle as Record<string, unknown>;
		expect(life.ClosedLostReason).toBe('Other');
		expect(reviewStatus(w, oppId)).toBe('Approved');
		// Merge-safe: customer and project are what they were.
		expect(JSON.stringify({ Customer: opportunity(w, oppId).data.Customer, Project: opportunity(w, oppId).data.Project })).toBe(data);
		expect(pcWrites(w, before)).toEqual(['UpdateOpportunity']);
		expect(archivedDeal(w, dealId)?.archived).toBe(true);
	});

	it('an opportunity under AWS review cannot be closed now: it is flagged for review instead, not left behind', async () => {
		const { oppId, dealId } = await linkedDeal('#AWS Gone while in review', 'Submitted');
		const before = mark(w);
		await nextRun('closeLost', () => w.hubspot.ui.delete('deals', dealId));
		expect(tags(oppId)).toMatchObject({ 'hubspot-deal': 'deleted' });
		expect(stage(oppId)).toBe('Qualified');
		expect(reviewStatus(w, oppId)).toBe('Submitted');
		expect(pcWrites(w, before)).toEqual(['TagResource']);
	});

	it('ignores a deleted deal that had no opportunity', async () => {
		const deal = seedDeal(w, { dealname: 'Never co-sold' });
		const before = mark(w);
		await nextRun('closeLost', () => w.hubspot.ui.delete('deals', deal.id));
		expect(pcWrites(w, before)).toEqual([]);
	});

	it('a merge moves the link to the surviving deal and the opportunity points at it: no orphan, no second opportunity', async () => {
		const survivor = seedDeal(w, { dealname: '#AWS Survivor' });
		const { oppId, dealId: mergedId } = await linkedDeal('#AWS Merged away');
		const opportunities = Object.keys(w.pc.sim.state.opportunities).length;
		const before = mark(w);
		w.hubspot.ui.merge('deals', survivor.id, mergedId);
		await until('partner ID points at the survivor', () => opportunity(w, oppId).data.PartnerOpportunityIdentifier === `HUBSPOT-${survivor.id}`);
		expect(dealProps(w, survivor.id)).toMatchObject({ aws_opportunity_id: oppId, aws_opportunity_arn: opportunity(w, oppId).Arn });
		expect(liveDealsLinkedTo(w, oppId)).toEqual([survivor.id]);
		expect(archivedDeal(w, mergedId)?.archived).toBe(true);
		expect(Object.keys(w.pc.sim.state.opportunities)).toHaveLength(opportunities);
		expect(pcWrites(w, before)).toEqual(['UpdateOpportunity']);
		expect(stage(oppId)).toBe('Qualified');
	});

	it('after approval AWS freezes the partner ID: the merge still moves the link in HubSpot, the opportunity stays open', async () => {
		const survivor = seedDeal(w, { dealname: '#AWS Survivor 2' });
		const { oppId, dealId: mergedId } = await linkedDeal('#AWS Approved, merged away', 'Approved');
		const partnerId = opportunity(w, oppId).data.PartnerOpportunityIdentifier;
		const before = mark(w);
		await nextRun('closeLost', () => w.hubspot.ui.merge('deals', survivor.id, mergedId));
		expect(dealProps(w, survivor.id).aws_opportunity_id).toBe(oppId);
		expect(liveDealsLinkedTo(w, oppId)).toEqual([survivor.id]);
		expect(opportunity(w, oppId).data.PartnerOpportunityIdentifier).toBe(partnerId);
		expect(stage(oppId)).toBe('Qualified');
		expect(pcWrites(w, before)).toEqual([]);
	});

	it("a deal merged into one with another opportunity: the merged deal's opportunity is closed like a deleted deal's", async () => {
		const kept = await linkedDeal('#AWS Keeps its own');
		const gone = await linkedDeal('#AWS Merged into the other');
		const before = mark(w);
		w.hubspot.ui.merge('deals', kept.dealId, gone.dealId);
		await until("merged deal's opportunity closed lost", () => stage(gone.oppId) === 'Closed Lost');
		expect(dealProps(w, kept.dealId).aws_opportunity_id).toBe(kept.oppId);
		expect(stage(kept.oppId)).toBe('Qualified');
		expect(liveDealsLinkedTo(w, gone.oppId)).toEqual([]);
		expect(pcWrites(w, before)).toEqual(['UpdateOpportunity']);
	});

	it('with policy flag, a deleted deal only tags its opportunity for review', async () => {
		await routeHubSpotWebhooks(w, copies.flag.url, DEAL_EVENTS);
		const { oppId, dealId } = await linkedDeal('#AWS Gone too', 'Approved');
		const before = mark(w);
		await nextRun('flag', () => w.hubspot.ui.delete('deals', dealId));
		expect(tags(oppId)).toMatchObject({ 'hubspot-deal': 'deleted' });
		expect(stage(oppId)).toBe('Qualified');
		expect(pcWrites(w, before)).toEqual(['TagResource']);
	});
});
