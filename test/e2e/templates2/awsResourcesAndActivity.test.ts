/**
 * Template "AWS engagement activity to HubSpot" on real n8n against the simulators, fed by Partner Central's own
 * EventBridge events (an API destination to the event trigger's webhook): every snapshot revision AWS or the partner
 * shares in the engagement becomes one note on the linked deal, never repeated when EventBridge delivers again;
 * engagement events (created, invitation accepted / rejected / expired, member added) become timeline notes, found
 * through the engagement's opportunity; the people AWS shares (its opportunity team) become contacts on the deal;
 * activity of an opportunity no deal is linked to writes nothing.
 */
import { webhookUrl, waitFor } from '../harness';
import { dumpExecutions, importTemplate, startTemplatesEnv, type TemplatesEnv } from './env';
import { expireInvitations } from '../../simulators/partnerCentral/awsSide';
import { awsReview, awsSummary, createOpportunity, hubspotWrites, mark, opportunity, partnerCentralEdit, seedDeal, startSimWorld, submitToAws, type SimWorld } from './simWorld';
import { contactsOf, emittedEvents, noteTexts, replayEvents, routePartnerCentralEvents, settledExecutions, snapshotsOf } from './simWorldB';

jest.setTimeout(10 * 60 * 1000);

/** The detail types the template's trigger listens to: the EventBridge rule's pattern. */
const DETAIL_TYPES = [
	'Engagement Resource Snapshot Created',
	'Resource Snapshot Created',
	'Engagement Created',
	'Engagement Member Added',
	'Engagement Member Joined',
	'Engagement Invitation Accepted',
	'Engagement Invitation Rejected',
	'Engagement Invitation Expired',
];

describe('template: AWS engagement activity (simulators, EventBridge events)', () => {
	let w: SimWorld;
	let t: TemplatesEnv;
	let url: string;
	let workflowId: string;

	const until = async (what: string, ok: () => boolean) => {
		await waitFor(async () => ok(), { timeoutMs: 90_000, intervalMs: 300, what }).catch(async (e: unknown) => {
			await dumpExecutions(t);
			throw e;
		});
	};
	/** Events EventBridge delivered for an engagement (by the rule's detail types). */
	const deliveredFor = (engagementId: string) =>
		emittedEvents(w, (e) => DETAIL_TYPES.includes(e['detail-type']) && JSON.stringify(e.detail).includes(engagementId));
	/** Waits until n8n ran once per delivered event and every run finished. */
	const allHandled = async () => {
		await until('every event delivered', () => w.pc.sim.events.deliveries.filter((d) => d.ok).length >= w.pc.sim.events.emitted.filter((e) => DETAIL_TYPES.includes(e['detail-type'])).length);
		await settledExecutions(t, workflowId, w.pc.sim.events.deliveries.filter((d) => d.ok).length);
	};
	const snapshotNotes = (dealId: string) => noteTexts(w, dealId).filter((n) => n.startsWith('AWS shared an engagement snapshot'));
	/** "<template> <revision>" named by each snapshot note. */
	const notedRevisions = (dealId: string) =>
		snapshotNotes(dealId).map((n) => {
			const m = /\(revision (\d+), (\w+),/.exec(n);
			return m ? `${m[2]} ${m[1]}` : n;
		});

	beforeAll(async () => {
		w = await startSimWorld();
		t = await startTemplatesEnv(w);
		const wf = await importTemplate(t, 'aws-resources-and-activity.json', { publish: true });
		workflowId = wf.id;
		url = webhookUrl(t.env.baseUrl, wf.json, 'AWS Engagement Event', t.types);
		await routePartnerCentralEvents(w, url, DETAIL_TYPES);
	});

	afterAll(async () => {
		await t?.env.stop();
		await w?.close();
	});

	it('submission and approval: engagement events on the timeline, one note per snapshot revision, AWS people as contacts, nothing repeated', async () => {
		const oppId = await createOpportunity(w);
		const deal = seedDeal(w, { dealname: '#AWS Engaged', aws_opportunity_id: oppId });

		// Submitted: AWS creates the engagement and the first snapshot (our own membership is not news).
		const { engagementId } = await submitToAws(w, oppId);
		await until('engagement and first snapshot noted', () => noteTexts(w, deal.id).length >= 2);
		// AWS approves: invitation accepted, AWS joins, the running snapshot job takes new revisions.
		await awsReview(w, oppId, 'Approved');
		// AWS names its seller and scores the engagement: the AWS full-view snapshot.
		awsSummary(w, oppId, { seller: { FirstName: 'Sam', LastName: 'Rivera', Email: 'sam.rivera@amazon.example' }, engagementScore: 'High', nextSteps: 'AWS specialist joins the next call' });
		// A Partner Central user edits the opportunity: one more revision.
		partnerCentralEdit(w, oppId, { Project: { AdditionalComments: 'Customer asked for a workshop' } });

		const revisions = snapshotsOf(w, oppId);
		expect(revisions).toEqual(expect.arrayContaining(['OpportunitySummaryView 1', 'OpportunitySummaryView 2', 'AwsOpportunitySummaryFullView 1']));
		await until('a note per snapshot revision', () => snapshotNotes(deal.id).length >= revisions.length).catch((e: unknown) => {
			console.log(`revisions ${JSON.stringify(revisions)} noted ${JSON.stringify(notedRevisions(deal.id))}`);
			console.log(JSON.stringify(w.pc.sim.events.emitted.map((x) => [x['detail-type'], (x.detail.resourceSnapshot as { arn?: string } | undefined)?.arn ?? ''])));
			console.log(JSON.stringify(w.pc.sim.events.deliveries));
			throw e;
		});
		await allHandled();

		expect(notedRevisions(deal.id).sort()).toEqual([...revisions].sort());
		const notes = noteTexts(w, deal.id);
		const timeline = notes.filter((n) => !n.startsWith('AWS shared'));
		expect(timeline.sort()).toEqual(
			[`AWS created the co-sell engagement (engagement ${engagementId}).`, `The engagement invitation was accepted (engagement ${engagementId}).`, 'New engagement member: AWS, AWS account aws.'].sort(),
		);
		const first = snapshotNotes(deal.id).find((n) => n.includes('(revision 1, OpportunitySummaryView'))!;
		expect(first).toContain('Review status: Submitted');
		expect(first).toContain('Stage: Qualified');
		const approved = snapshotNotes(deal.id).filter((n) => n.includes('Review status: Approved'));
		expect(approved.length).toBeGreaterThanOrEqual(1);
		const awsView = snapshotNotes(deal.id).find((n) => n.includes('AwsOpportunitySummaryFullView'))!;
		expect(awsView).toContain('Engagement score: High');
		expect(awsView).toContain('Next steps: AWS specialist joins the next call');
		expect(awsView).toContain('AWS team: Sam Rivera (AWSAccountOwner)');
		// The person AWS shares is a contact on the deal; member companies never become contacts.
		expect(contactsOf(w, deal.id)).toEqual([expect.objectContaining({ email: 'sam.rivera@amazon.example', firstname: 'Sam', lastname: 'Rivera', jobtitle: 'AWSAccountOwner' })]);

		// EventBridge delivers everything once more (at least once): nothing new on the deal.
		const before = mark(w);
		const runs = (await t.env.api.executions(workflowId, false)).length;
		const again = deliveredFor(engagementId);
		await replayEvents(url, again);
		await settledExecutions(t, workflowId, runs + again.length);
		expect(noteTexts(w, deal.id)).toEqual(notes);
		expect(hubspotWrites(w, before)).toEqual([]);
		expect(opportunity(w, oppId).engagementId).toBe(engagementId);
	});

	it('a rejected and an expired invitation land on their deals', async () => {
		const rejectedOpp = await createOpportunity(w);
		const rejectedDeal = seedDeal(w, { dealname: '#AWS Rejected', aws_opportunity_id: rejectedOpp });
		const expiredOpp = await createOpportunity(w);
		const expiredDeal = seedDeal(w, { dealname: '#AWS Expired', aws_opportunity_id: expiredOpp });
		const rejected = await submitToAws(w, rejectedOpp);
		const expired = await submitToAws(w, expiredOpp);

		await awsReview(w, rejectedOpp, 'Rejected', 'Customer is not a fit for co-sell');
		const invitation = Object.values(w.pc.sim.state.invitations).find((i) => i.EngagementId === expired.engagementId)!;
		expect(expireInvitations(w.pc.sim, [invitation.Id])).toEqual([invitation.Id]);

		await until('rejection noted', () => noteTexts(w, rejectedDeal.id).includes(`The engagement invitation was rejected (engagement ${rejected.engagementId}).`));
		await until('expiry noted', () => noteTexts(w, expiredDeal.id).includes(`The engagement invitation expired without an answer (engagement ${expired.engagementId}).`));
		await allHandled();
		expect(noteTexts(w, rejectedDeal.id).filter((n) => n.includes('invitation'))).toHaveLength(1);
		expect(noteTexts(w, expiredDeal.id).filter((n) => n.includes('invitation'))).toHaveLength(1);
		expect(notedRevisions(rejectedDeal.id).sort()).toEqual([...snapshotsOf(w, rejectedOpp)].sort());
	});

	it('activity of an opportunity no deal is linked to writes nothing', async () => {
		const oppId = await createOpportunity(w);
		await allHandled();
		const before = mark(w);
		await submitToAws(w, oppId);
		await awsReview(w, oppId, 'Approved');
		await allHandled();
		expect(hubspotWrites(w, before)).toEqual([]);
	});

	it('HubSpot briefly unavailable while the notes are written: each still lands exactly once', async () => {
		const oppId = await createOpportunity(w);
		const deal = seedDeal(w, { dealname: '#AWS Flaky HubSpot', aws_opportunity_id: oppId });
		await allHandled();
		// HubSpot answers 503 to the next two note creations (as its API gateway does during an incident).
		w.hubspot.addFault({ kind: 'error', status: 503, path: '/crm/v3/objects/notes', method: 'POST', count: 2, body: { status: 'error', message: 'Service unavailable', category: 'SERVICE_UNAVAILABLE' } });
		const { engagementId } = await submitToAws(w, oppId);
		await until('engagement and first snapshot noted', () => noteTexts(w, deal.id).length >= 2);
		await allHandled();
		const notes = noteTexts(w, deal.id);
		expect(notes.filter((n) => n.startsWith('AWS created the co-sell engagement'))).toEqual([`AWS created the co-sell engagement (engagement ${engagementId}).`]);
		expect(notedRevisions(deal.id)).toEqual(snapshotsOf(w, oppId));
		expect(notes).toHaveLength(2);
		expect(w.hubspot.core.requests.filter((r) => r.method === 'POST' && r.path === '/crm/v3/objects/notes' && r.status === 503)).toHaveLength(2);
	});
});

