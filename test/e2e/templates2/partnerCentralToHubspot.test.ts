/**
 * Template "AWS Partner Central to HubSpot" on real n8n against the shared simulators: AWS's review outcome, seller,
 * engagement score and next steps reach the linked deal; an Action Required review gives the deal owner exactly one
 * task (also when the change is announced twice, and when the event and the poll both see it); echoes and repeats
 * write nothing; a HubSpot failure leaves the deal unwritten so the next run completes it, still with one task; a
 * shared field changed in Partner Central reaches the deal, and neither side's write makes the other sync write again
 * (the live HubSpot-to-AWS workflow, on HubSpot's webhooks, sees the deal equal to the opportunity).
 */
import { waitFor, webhookUrl } from '../harness';
import { driverFor, dumpExecutions, importTemplate, postEvent, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import {
	awsReview,
	awsSummary,
	dealProps,
	DEAL_OWNER,
	hubspotOutage,
	hubspotWrites,
	mark,
	notesOf,
	partnerCentralEdit,
	pcWrites,
	submitToAws,
	startSimWorld,
	tasksOf,
	type SimWorld,
} from './simWorld';
import { lifeCycle, nextYearDate, repEdit, seedLinkedDeal, sendHubSpotWebhooks, sendPartnerCentralEvents } from './simWorldC';

jest.setTimeout(15 * 60 * 1000);

describe('template: AWS Partner Central to HubSpot (simulators)', () => {
	let w: SimWorld;
	let t: TemplatesEnv;
	let drive: Driver;
	let eventUrl: string;
	let pcToHsId: string;

	beforeAll(async () => {
		w = await startSimWorld();
		t = await startTemplatesEnv(w);
		const template = await importTemplate(t, 'partner-central-to-hubspot.json', {
			edit: (wf) => ({ ...wf, nodes: wf.nodes.map((n) => (n.name === 'AWS Opportunity Event (alternative)' ? { ...n, disabled: false } : n)) }),
			publish: true,
		});
		pcToHsId = template.id;
		eventUrl = webhookUrl(t.env.baseUrl, template.json, 'AWS Opportunity Event (alternative)', t.types);
		drive = await driverFor(t, template.id, 'PC to HubSpot');
	});

	afterAll(async () => {
		await t?.env.stop();
		await w?.close();
	});

	const ok = async (items: Array<Record<string, unknown>>) => {
		const r = await drive.run(items);
		if (r.status !== 200) await dumpExecutions(t);
		expect(r.status).toBe(200);
	};

	let first: { dealId: string; opportunityId: string };

	it('brings an Action Required review, the AWS seller and the score to the deal, with exactly one task', async () => {
		first = await seedLinkedDeal(w, { deal: { aws_review_status: 'Pending Submission', description: 'Rep wording kept in HubSpot, long enough for AWS.' } });
		await submitToAws(w, first.opportunityId);
		await awsReview(w, first.opportunityId, 'Action Required', 'Please add the customer website and a clearer use case.');
		awsSummary(w, first.opportunityId, {
			engagementScore: 'High',
			seller: { FirstName: 'Ana', LastName: 'Seller', Email: 'ana@amazon.example' },
			nextSteps: 'Intro call with the AWS account team',
		});
		const before = mark(w);

		// The same change announced twice in one batch (event + poll overlap) is handled once.
		await ok([{ opportunityId: first.opportunityId }, { opportunityId: first.opportunityId }]);

		const p = dealProps(w, first.dealId);
		expect(p.aws_review_status).toBe('Action Required');
		expect(p.aws_review_comments).toBe('Please add the customer website and a clearer use case.');
		expect(p.aws_engagement_score).toBe('High');
		expect(p.aws_seller_name).toBe('Ana Seller');
		expect(p.aws_seller_email).toBe('ana@amazon.example');
		expect(p.aws_next_steps).toBe('Intro call with the AWS account team');
		expect(p.aws_inbound_fingerprint).toBeTruthy();
		// HubSpot-owned fields untouched.
		expect(p.dealname).toBe('#AWS Data lake migration');
		expect(p.description).toBe('Rep wording kept in HubSpot, long enough for AWS.');

		const tasks = tasksOf(w, first.dealId);
		expect(tasks).toHaveLength(1);
		expect(tasks[0].hs_task_subject).toContain('AWS needs action');
		expect(tasks[0].hs_task_body).toContain('Please add the customer website');
		expect(tasks[0].hubspot_owner_id).toBe(DEAL_OWNER);
		const notes = notesOf(w, first.dealId);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain('Action Required');
		expect(notes[0]).toContain('AWS seller assigned: Ana Seller');
		expect(notes[0]).toContain('engagement score: High');
		// Nothing goes back to AWS.
		expect(pcWrites(w, before)).toEqual([]);
	});

	it('writes nothing when the same change comes again (repeat, echo, or the poll after the event)', async () => {
		const before = mark(w);
		await ok([{ opportunityId: first.opportunityId }]);
		await ok([{ Id: first.opportunityId, LifeCycle: { ReviewStatus: 'Action Required' } }]); // the poll's item shape
		expect(hubspotWrites(w, before)).toEqual([]);
		expect(pcWrites(w, before)).toEqual([]);
		expect(tasksOf(w, first.dealId)).toHaveLength(1);
	});

	it('an Action Required event delivered twice, then seen by the poll: one task', async () => {
		const d = await seedLinkedDeal(w, { deal: { dealname: '#AWS Event project' }, opportunity: { Project: { Title: 'Event project' } } });
		await submitToAws(w, d.opportunityId);
		await awsReview(w, d.opportunityId, 'Action Required', 'Add the AWS account ID.');
		// The event AWS emitted for the review outcome, as EventBridge's API destination delivers it.
		const events = w.pc.sim.events.emitted.filter(
			(e) => e['detail-type'] === 'Opportunity Updated' && (e.detail as { opportunity?: { identifier?: string } }).opportunity?.identifier === d.opportunityId,
		);
		const event = events[events.length - 1] as unknown as Record<string, unknown>;
		const handled = async (count: number) =>
			await waitFor(
				async () => {
					const all = await t.env.api.executions(pcToHsId, true);
					return all.filter((e) => e.mode === 'webhook').length >= count && all.every((e) => e.status !== 'running' && e.status !== 'new') ? true : null;
				},
				{ timeoutMs: 90_000, what: `${count} event executions finished` },
			);
		const webhookRuns = (await t.env.api.executions(pcToHsId, true)).filter((e) => e.mode === 'webhook').length;
		expect(await postEvent(eventUrl, event)).toBe(200);
		await handled(webhookRuns + 1).catch(async (error: unknown) => {
			await dumpExecutions(t);
			throw error;
		});
		expect(tasksOf(w, d.dealId)).toHaveLength(1);
		expect(dealProps(w, d.dealId).aws_review_status).toBe('Action Required');

		// EventBridge delivers at least once: the same event again; and the poll sees the change too.
		const before = mark(w);
		expect(await postEvent(eventUrl, event)).toBe(200);
		await handled(webhookRuns + 2);
		await ok([{ Id: d.opportunityId, LifeCycle: { ReviewStatus: 'Action Required' } }]);
		expect(tasksOf(w, d.dealId)).toHaveLength(1);
		expect(hubspotWrites(w, before)).toEqual([]);
	});

	it('a failed task leaves the deal unwritten; the next run creates the task once and writes the deal', async () => {
		const d = await seedLinkedDeal(w, { deal: { dealname: '#AWS Second', aws_review_status: 'In review' }, opportunity: { Project: { Title: 'Second' } } });
		await submitToAws(w, d.opportunityId);
		await awsReview(w, d.opportunityId, 'Action Required', 'Add the AWS account ID.');
		awsSummary(w, d.opportunityId, { engagementScore: 'Low' });
		const restore = hubspotOutage(w, '/crm/v3/objects/tasks', 'POST');
		let failed: { status: number };
		try {
			failed = await drive.run([{ opportunityId: d.opportunityId }]);
		} finally {
			restore();
		}
		expect(failed.status).toBeGreaterThanOrEqual(500);
		expect(tasksOf(w, d.dealId)).toHaveLength(0);
		expect(dealProps(w, d.dealId).aws_review_status).toBe('In review');

		await ok([{ opportunityId: d.opportunityId }]);
		expect(dealProps(w, d.dealId).aws_review_status).toBe('Action Required');
		expect(tasksOf(w, d.dealId)).toHaveLength(1);
		expect(tasksOf(w, d.dealId)[0].hs_task_body).toContain('Add the AWS account ID.');
	});

	it('a close date changed in Partner Central reaches the deal, and neither side writes again (no loop)', async () => {
		// The live HubSpot-to-AWS workflow listens to HubSpot's webhooks for the fields it sends.
		const hsToPc = await importTemplate(t, 'hubspot-to-partner-central.json', { publish: true });
		const hookUrl = webhookUrl(t.env.baseUrl, hsToPc.json, 'HubSpot Deal Webhook', t.types);
		await sendHubSpotWebhooks(w, hookUrl, ['dealname', 'amount', 'closedate', 'dealstage', 'description']);
		const d = await seedLinkedDeal(w, { deal: { dealname: '#AWS Loop check' }, opportunity: { Project: { Title: 'Loop check' } } });
		await ok([{ opportunityId: d.opportunityId }]); // in step: snapshot and AWS fields written
		await sendPartnerCentralEvents(w, eventUrl);
		const firstEvent = w.pc.sim.events.emitted.length;
		// Every Partner Central event since the rule was added delivered (or given up), as EventBridge would have it.
		const eventsDelivered = (): boolean => {
			const events = w.pc.sim.events;
			const done = new Set([...events.deliveries.filter((x) => x.ok).map((x) => x.eventId), ...events.deadLetters.map((x) => x.event.id)]);
			const wanted = events.emitted.slice(firstEvent).filter((e) => ['Opportunity Created', 'Opportunity Updated'].includes(e['detail-type']));
			return wanted.every((e) => done.has(e.id));
		};
		// Settled = no event in flight on either side and no execution running, twice in a row (an event delivered
		// just now starts an execution only after its POST is answered).
		const settled = async (what: string) => {
			let quietChecks = 0;
			await waitFor(
				async () => {
					await w.hubspot.webhooks.idle(30_000);
					const all = await t.env.api.executions(undefined, true);
					const idle = eventsDelivered() && all.every((e) => e.status !== 'running' && e.status !== 'new');
					quietChecks = idle ? quietChecks + 1 : 0;
					return quietChecks >= 2 ? true : null;
				},
				{ timeoutMs: 90_000, intervalMs: 500, what },
			);
		};
		await settled('the first sync settled');

		// Partner Central side: a partner user moves the close date in the Partner Central UI.
		let before = mark(w);
		partnerCentralEdit(w, d.opportunityId, { LifeCycle: { TargetCloseDate: nextYearDate('08-31') } });
		await waitFor(async () => (dealProps(w, d.dealId).closedate === `${nextYearDate('08-31')}T00:00:00.000Z` ? true : null), {
			timeoutMs: 90_000,
			what: 'the close date from Partner Central on the deal',
		});
		await settled('the HubSpot webhook for our own write handled');
		expect(pcWrites(w, before)).toEqual([]); // the HubSpot side saw the write and sent nothing back
		expect(notesOf(w, d.dealId).at(-1)).toContain('Close date taken from Partner Central');

		// HubSpot side: the rep moves the close date again; the live sync sends it once, and the event it causes in
		// Partner Central writes nothing but AWS's own bookkeeping.
		before = mark(w);
		repEdit(w, d.dealId, { closedate: `${nextYearDate('07-31')}T00:00:00.000Z` });
		await waitFor(async () => (lifeCycle(w, d.opportunityId).TargetCloseDate === nextYearDate('07-31') ? true : null), {
			timeoutMs: 90_000,
			what: 'the close date from HubSpot in Partner Central',
		}).catch(async (error: unknown) => {
			await dumpExecutions(t);
			throw error;
		});
		await settled('the Partner Central event for our own write handled');
		expect(pcWrites(w, before)).toEqual(['UpdateOpportunity']);
		const hsAfter = hubspotWrites(w, before);
		expect(dealProps(w, d.dealId).closedate).toBe(`${nextYearDate('07-31')}T00:00:00.000Z`);
		// Quiet from here on: nothing more happens on either side.
		const quiet = mark(w);
		await settled('quiet');
		expect(pcWrites(w, quiet)).toEqual([]);
		expect(hubspotWrites(w, quiet)).toEqual([]);
		expect(hsAfter.length).toBeLessThanOrEqual(3);
	});
});
