/**
 * Template "AWS engagement activity to HubSpot" on real n8n, fed by EventBridge events through the event trigger's
 * webhook: a resource snapshot becomes one note on the linked deal (never repeated for the same snapshot), engagement
 * events become timeline notes, found through the engagement's opportunity when the event names none.
 */
import { webhookUrl, waitFor } from '../harness';
import { dumpExecutions, importTemplate, partnerCentralEvent, postEvent, startTemplatesEnv, type TemplatesEnv } from './env';
import { addDeal, notesOn, opportunityFixture, startWorld, type HsRecord, type World } from './world';

jest.setTimeout(10 * 60 * 1000);

describe('template: AWS engagement activity', () => {
	let world: World;
	let t: TemplatesEnv;
	let url: string;
	let deal: HsRecord;
	const snapshotArn = 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/eng-3101/resource/Opportunity/O3101/template/OpportunitySummaryView/snapshot/1';

	const notes = () => notesOn(world, deal.id).map((n) => String(n.properties.hs_note_body));
	const send = async (detailType: string, detail: Record<string, unknown>, expectNotes: number) => {
		const status = await postEvent(url, partnerCentralEvent(detailType, detail));
		if (status !== 200) await dumpExecutions(t);
		expect(status).toBe(200);
		await waitFor(async () => notes().length >= expectNotes, { timeoutMs: 30_000, what: `${expectNotes} notes` }).catch(async (e: unknown) => {
			await dumpExecutions(t);
			throw e;
		});
	};

	beforeAll(async () => {
		world = await startWorld();
		t = await startTemplatesEnv(world);
		const wf = await importTemplate(t, 'aws-resources-and-activity.json', { publish: true });
		url = webhookUrl(t.env.baseUrl, wf.json, 'AWS Engagement Event', t.types);
		deal = addDeal(world, { dealname: '#AWS Engaged', aws_opportunity_id: 'O3101' });
		world.opportunities.set('O3101', opportunityFixture('O3101', { LifeCycle: { ReviewStatus: 'Approved', Stage: 'Technical Validation' } }));
		world.engagements.set('eng-3101', { opportunityId: 'O3101', members: [{ AccountId: '210987654321', CompanyName: 'Partner Co', WebsiteUrl: 'https://partner.example.com' }], revision: 1 });
	});

	afterAll(async () => {
		await t?.env.stop();
		await world?.close();
	});

	it('a resource snapshot becomes one note with what AWS shared, never repeated', async () => {
		const detail = {
			resourceSnapshot: { arn: snapshotArn, engagementId: 'eng-3101', resourceType: 'Opportunity', resourceId: 'O3101', createdBy: 'aws', resourceSnapshotTemplateName: 'OpportunitySummaryView' },
		};
		await send('Engagement Resource Snapshot Created', detail, 1);
		expect(notes()[0]).toContain('revision 1');
		expect(notes()[0]).toContain('Technical Validation');
		expect(notes()[0]).toContain('AWS specialist joins the next call');
		// The same snapshot announced again (a new event id: EventBridge retried, or another route).
		await send('Engagement Resource Snapshot Created', detail, 1);
		await new Promise((r) => setTimeout(r, 2000));
		expect(notes()).toHaveLength(1);
	});

	it('engagement events land on the deal timeline, found through the engagement', async () => {
		await send('Engagement Invitation Accepted', { engagementInvitation: { id: 'engi-3101', engagementId: 'eng-3101', arn: 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement-invitation/engi-3101' } }, 2);
		expect(notes()[1]).toContain('invitation was accepted');
		await send('Engagement Member Added', { engagement: { id: 'eng-3101' }, engagementMember: { accountId: '210987654321', companyName: 'Partner Co' } }, 3);
		expect(notes()[2]).toContain('New engagement member: Partner Co');
		// Members are companies: no contact is made from them.
		expect(world.hsWrites().filter((r) => r.url.includes('/contacts'))).toHaveLength(0);
	});
});
