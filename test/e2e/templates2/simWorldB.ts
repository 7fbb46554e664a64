/**
 * Helpers for the company/contact, deleted-deal and engagement-activity scenarios, on top of simWorld.ts: the
 * simulators deliver to n8n the way the real services do (HubSpot webhook subscriptions pointed at the trigger's
 * production URL, signed; Partner Central events through an EventBridge-like HTTP target with the API key), and
 * small readers of the simulators' state.
 *
 *   await routeHubSpotWebhooks(w, url, ['deal.deletion', 'deal.merge'])    HubSpot sends these events to `url` only
 *   routePartnerCentralEvents(w, url, detailTypes)                        an EventBridge rule -> API destination
 *   liveDealsLinkedTo(w, opportunityId)                                   live deals whose aws_opportunity_id is it
 *   snapshotsOf(w, opportunityId)                                         the simulator's snapshot revisions
 *   replayEvents(url, events)                                             EventBridge delivering events once more
 *   noteTexts(w, dealId)                                                  the deal's notes as a person reads them
 *   seedRecordWithDeals(w, 'companies', props, [deal props...])           one company (or contact) on several deals
 */
import { randomUUID } from 'node:crypto';

import type { EventEnvelope } from '../../simulators/partnerCentral';
import { waitFor } from '../harness';
import { E2E_EVENT_API_KEY, postEvent, type TemplatesEnv } from './env';
import { DEAL_OWNER, notesOf, type SimWorld } from './simWorld';

/** Waits until n8n has registered a published workflow's webhook (it answers 404 until then). */
export async function waitForWebhook(url: string): Promise<void> {
	await waitFor(
		async () => {
			const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
			await r.text();
			return r.status !== 404;
		},
		{ timeoutMs: 30_000, intervalMs: 250, what: `webhook ${url} registered` },
	);
}

/**
 * HubSpot's app subscriptions: from now on only these event types (property changes: one subscription per
 * property, as HubSpot requires) are sent, to `url` (the trigger's production URL).
 */
export async function routeHubSpotWebhooks(w: SimWorld, url: string, eventTypes: string[], propertyNames: string[] = []): Promise<void> {
	await waitForWebhook(url);
	const hooks = w.hubspot.core.webhooks;
	for (const s of [...hooks.subscriptions]) hooks.unsubscribe(s.id);
	for (const eventType of eventTypes) {
		if (eventType.endsWith('.propertyChange')) for (const propertyName of propertyNames) w.hubspot.webhooks.subscribe({ eventType, propertyName, targetUrl: url });
		else w.hubspot.webhooks.subscribe({ eventType, targetUrl: url });
	}
}

/** An EventBridge rule for these detail types with an API destination to `url` (the event trigger's URL + API key). */
export async function routePartnerCentralEvents(w: SimWorld, url: string, detailTypes: string[]): Promise<void> {
	await waitForWebhook(url);
	w.pc.sim.events.removeSink();
	w.pc.sim.events.addSink({ type: 'http', url, headers: { 'x-api-key': E2E_EVENT_API_KEY }, detailTypes, maxAttempts: 5 });
}

/** Every event Partner Central emitted so far that matches `keep` (EventBridge's own record of what it sent). */
export function emittedEvents(w: SimWorld, keep: (e: { 'detail-type': string; detail: Record<string, unknown> }) => boolean) {
	return w.pc.sim.events.emitted.filter(keep);
}

/** EventBridge delivers these events once more (at least once, C8 best practices: duplicates happen). */
export async function replayEvents(url: string, events: EventEnvelope[]): Promise<void> {
	for (const e of events) {
		const status = await postEvent(url, { ...e });
		if (status !== 200) throw new Error(`replaying ${String(e['detail-type'])} answered ${status}`);
	}
}

/** Live (not deleted, not merged away) deals whose aws_opportunity_id is `opportunityId`. */
export function liveDealsLinkedTo(w: SimWorld, opportunityId: string): string[] {
	return w.hubspot.core.world
		.live('deals')
		.filter((d) => d.properties.aws_opportunity_id === opportunityId)
		.map((d) => d.id);
}

/** Snapshot revisions the simulator holds for an opportunity: "<template> <revision>". */
export function snapshotsOf(w: SimWorld, opportunityId: string): string[] {
	return w.pc.sim.state.snapshots.filter((s) => s.ResourceId === opportunityId).map((s) => `${s.ResourceSnapshotTemplateName} ${s.Revision}`);
}

/** Contacts associated with a deal (their properties). */
export function contactsOf(w: SimWorld, dealId: string): Array<Record<string, string>> {
	const world = w.hubspot.core.world;
	return [...world.associationsOf('deals', dealId).keys()]
		.filter((k) => k.startsWith('contacts|'))
		.map((k) => world.find('contacts', k.split('|')[1]))
		.filter((r): r is NonNullable<typeof r> => !!r)
		.map((r) => r.properties);
}

/** Waits until every execution of the workflow has finished and at least `count` exist; returns how many. */
export async function settledExecutions(t: TemplatesEnv, workflowId: string, count: number, timeoutMs = 60_000): Promise<number> {
	return await waitFor(
		async () => {
			const all = await t.env.api.executions(workflowId, false);
			return all.length >= count && all.every((e) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting') ? all.length : null;
		},
		{ timeoutMs, intervalMs: 300, what: `${count} finished executions of workflow ${workflowId}` },
	);
}

/**
 * One company (or contact) associated with several deals, as a rep set them up (seeding sends no webhooks): the
 * company is each deal's primary company; a contact is a plain deal contact.
 */
export function seedRecordWithDeals(
	w: SimWorld,
	type: 'companies' | 'contacts',
	properties: Record<string, string>,
	deals: Array<Record<string, string>>,
): { id: string; dealIds: string[] } {
	const ref = `${type}-${randomUUID()}`;
	const dealRefs = deals.map((_, i) => `${ref}-deal-${i}`);
	const result = w.hubspot.seed({
		objects: {
			[type]: [{ ref, properties }],
			deals: deals.map((p, i) => ({
				ref: dealRefs[i],
				properties: { pipeline: 'default', dealstage: 'qualifiedtobuy', hubspot_owner_id: DEAL_OWNER, ...p },
				associations: [{ to: ref, ...(type === 'companies' ? { primary: true } : {}) }],
			})),
		},
	});
	return { id: result.refs[ref].id, dealIds: dealRefs.map((r) => result.refs[r].id) };
}

/** A note body as a person reads it: HubSpot stores HTML (paragraphs, <br>, escaped text). */
export function htmlToText(html: string): string {
	return html
		.replace(/<br\s*\/?>/g, '\n')
		.replace(/<\/p>\s*<p>/g, '\n\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

/** The deal's notes as text, oldest first. */
export function noteTexts(w: SimWorld, dealId: string): string[] {
	return notesOf(w, dealId).map(htmlToText);
}
