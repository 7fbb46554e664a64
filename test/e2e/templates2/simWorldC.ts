/**
 * Helpers for the reverse-sync and reconciliation scenarios, on top of simWorld.ts (the shared simulators):
 *
 *   seedLinkedDeal(w, {deal, opportunity})   a tagged deal with its company (companyId returned), and its opportunity in Partner Central
 *                                            (PartnerOpportunityIdentifier HUBSPOT-<deal id>), linked, in step
 *   seedTaggedDeal(w, deal)                  a tagged deal with its company, never sent to AWS
 *   repEdit(w, dealId, props)                a rep edits the deal in HubSpot's UI (sends webhooks when subscribed)
 *   sendPartnerCentralEvents(w, url)         an EventBridge rule -> API destination to the event trigger's URL
 *   sendHubSpotWebhooks(w, url, props)       the HubSpot app's subscriptions (deal creation + these property changes)
 *   opportunitiesNaming(w, dealId)           opportunities whose partner ID names the deal (duplicates show here)
 *   lifeCycle(w, id)                         the opportunity's LifeCycle as the simulator stores it
 */
import { waitFor } from '../harness';
import { E2E_EVENT_API_KEY } from './env';
import { createOpportunity, opportunity, seedDeal, type Json, type SimWorld } from './simWorld';

export const COMPANY = {
	name: 'Acme Analytics',
	domain: 'acme.example.com',
	website: 'https://acme.example.com',
	industry: 'COMPUTER_SOFTWARE',
	country: 'United States',
	state: 'WA',
	city: 'Seattle',
	zip: '98101',
};

export function nextYearDate(monthDay = '06-30'): string {
	return `${new Date().getUTCFullYear() + 1}-${monthDay}`;
}

/** Deal properties matching simWorld's opportunityInput() (what the HubSpot-to-AWS template would send). */
export function dealInStep(over: Record<string, string> = {}): Record<string, string> {
	return {
		dealname: '#AWS Data lake migration',
		description: 'Acme runs nightly batch reports on an overloaded on-premises warehouse.',
		amount: '60000',
		closedate: `${nextYearDate()}T00:00:00.000Z`,
		dealstage: 'qualifiedtobuy',
		aws_delivery_models: 'SaaS or PaaS',
		aws_use_case: 'Migration/Database Migration',
		...over,
	};
}

export function seedTaggedDeal(w: SimWorld, deal: Record<string, string> = {}): string {
	return seedDeal(w, dealInStep(deal), { company: COMPANY }).id;
}

export async function seedLinkedDeal(
	w: SimWorld,
	opts: { deal?: Record<string, string>; opportunity?: Json } = {},
): Promise<{ dealId: string; opportunityId: string; companyId: string }> {
	const seeded = seedDeal(w, dealInStep(opts.deal), { company: COMPANY });
	const dealId = seeded.id;
	const opportunityId = await createOpportunity(w, {
		PartnerOpportunityIdentifier: `HUBSPOT-${dealId}`,
		LifeCycle: { Stage: 'Qualified', TargetCloseDate: nextYearDate() },
		...(opts.opportunity ?? {}),
	});
	// What the HubSpot-to-AWS workflow wrote back after creating it (an API write: no webhook to our own app).
	w.hubspot.core.world.update('deals', dealId, { aws_opportunity_id: opportunityId, aws_catalog: 'Sandbox', aws_sync_status: 'synced' }, { changeSource: 'INTEGRATION' });
	return { dealId, opportunityId, companyId: seeded.companyId! };
}

/** A rep edits the deal in HubSpot (CRM_UI change source: webhooks go out to subscribed apps). */
export function repEdit(w: SimWorld, dealId: string, properties: Record<string, string>): void {
	w.hubspot.ui.update('deals', dealId, properties);
}

async function registered(url: string, headers: Record<string, string> = {}): Promise<void> {
	await waitFor(
		async () => {
			const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
			await r.text();
			return r.status !== 404;
		},
		{ timeoutMs: 30_000, intervalMs: 250, what: `webhook ${url} registered` },
	);
}

/** EventBridge: Opportunity Created/Updated events go to the event trigger's URL with the API key. */
export async function sendPartnerCentralEvents(w: SimWorld, url: string): Promise<void> {
	await registered(url, { 'x-api-key': 'probe-without-the-key' });
	w.pc.sim.events.removeSink();
	w.pc.sim.events.addSink({ type: 'http', url, headers: { 'x-api-key': E2E_EVENT_API_KEY }, detailTypes: ['Opportunity Created', 'Opportunity Updated'], maxAttempts: 1 });
}

/** The HubSpot app's subscriptions: deal creation and changes of these properties, sent to `url`. */
export async function sendHubSpotWebhooks(w: SimWorld, url: string, propertyNames: string[]): Promise<void> {
	await registered(url);
	const hooks = w.hubspot.core.webhooks;
	for (const s of [...hooks.subscriptions]) hooks.unsubscribe(s.id);
	w.hubspot.webhooks.subscribe({ eventType: 'deal.creation', targetUrl: url });
	for (const propertyName of propertyNames) w.hubspot.webhooks.subscribe({ eventType: 'deal.propertyChange', propertyName, targetUrl: url });
}

export function opportunitiesNaming(w: SimWorld, dealId: string): string[] {
	return Object.values(w.pc.sim.state.opportunities)
		.filter((o) => o.data.PartnerOpportunityIdentifier === `HUBSPOT-${dealId}`)
		.map((o) => o.Id);
}

export function lifeCycle(w: SimWorld, id: string): Record<string, string> {
	return (opportunity(w, id).data.LifeCycle ?? {}) as Record<string, string>;
}
