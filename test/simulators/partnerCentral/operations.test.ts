/**
 * Round trip with the REAL @aws-sdk/client-partnercentral-selling client for every one of the 45 operations.
 * Operations run in a meaningful order (later steps use results of earlier ones).
 */
import * as sdk from '@aws-sdk/client-partnercentral-selling';
import type { PartnerCentralSimulator } from './index';
import { admin, clientFor, fullOpportunity, startForTest, waitFor } from './testUtil';

const ALL_COMMANDS = Object.keys(sdk).filter((k) => k.endsWith('Command') && k !== '$Command');
const used = new Set<string>();

let pc: PartnerCentralSimulator;
let client: sdk.PartnerCentralSellingClient;

async function send<T>(command: { constructor: { name: string } }): Promise<T> {
	used.add(command.constructor.name);
	return (await client.send(command as never)) as T;
}

const C = 'Sandbox' as const;
const s: Record<string, string> = {};

beforeAll(async () => {
	pc = await startForTest({ timeScale: 1000 });
	client = clientFor(pc);
});
afterAll(async () => {
	client.destroy();
	await pc.close();
});

describe('Partner Central simulator: every operation with the real SDK client', () => {
	it('the SDK has 45 commands', () => {
		expect(ALL_COMMANDS).toHaveLength(45);
	});

	it('ListSolutions returns the default Sandbox solution S-1234567', async () => {
		const r = await send<sdk.ListSolutionsCommandOutput>(new sdk.ListSolutionsCommand({ Catalog: C }));
		expect(r.SolutionSummaries?.map((x) => x.Id)).toContain('S-1234567');
		expect(r.SolutionSummaries?.[0].CreatedDate).toBeInstanceOf(Date);
	});

	it('CreateOpportunity creates O-id with Pending Submission', async () => {
		const r = await send<sdk.CreateOpportunityCommandOutput>(
			new sdk.CreateOpportunityCommand({ Catalog: C, ClientToken: 'create-1', ...fullOpportunity(pc), OpportunityTeam: [{ Email: 'owner@partner.example.com', FirstName: 'Olga', LastName: 'Owner', BusinessTitle: 'OpportunityOwner' }] }),
		);
		expect(r.Id).toMatch(/^O\d{1,19}$/u);
		expect(r.PartnerOpportunityIdentifier).toBe('hs-deal-1001');
		expect(r.LastModifiedDate).toBeInstanceOf(Date);
		s.opp = r.Id!;
	});

	it('GetOpportunity returns the full record', async () => {
		const r = await send<sdk.GetOpportunityCommandOutput>(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: s.opp }));
		expect(r.LifeCycle?.ReviewStatus).toBe('Pending Submission');
		expect(r.Customer?.Account?.Address?.City).toBe('San Francisco');
		expect(r.Project?.ExpectedCustomerSpend?.[0].Amount).toBe('5000');
		expect(r.LifeCycle?.NextStepsHistory?.[0].Value).toBe('Kick-off call');
		expect(r.LifeCycle?.NextStepsHistory?.[0].Time).toBeInstanceOf(Date);
		expect(r.CreatedDate).toBeInstanceOf(Date);
		expect(r.Arn).toContain(`catalog/${C}/opportunity/${s.opp}`);
	});

	it('UpdateOpportunity replaces the record and returns a newer LastModifiedDate', async () => {
		const before = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: s.opp }));
		const body = fullOpportunity(pc);
		const r = await send<sdk.UpdateOpportunityCommandOutput>(
			new sdk.UpdateOpportunityCommand({ Catalog: C, Identifier: s.opp, LastModifiedDate: before.LastModifiedDate!, ...body, Project: { ...body.Project, AdditionalComments: 'Updated from CRM' } }),
		);
		expect(r.LastModifiedDate!.getTime()).toBeGreaterThan(before.LastModifiedDate!.getTime());
		const after = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: s.opp }));
		expect(after.Project?.AdditionalComments).toBe('Updated from CRM');
	});

	it('ListOpportunities lists summaries', async () => {
		const r = await send<sdk.ListOpportunitiesCommandOutput>(new sdk.ListOpportunitiesCommand({ Catalog: C, LifeCycleReviewStatus: ['Pending Submission'] }));
		expect(r.OpportunitySummaries?.map((o) => o.Id)).toEqual([s.opp]);
		expect(r.OpportunitySummaries?.[0].Customer?.Account?.CompanyName).toBe('Acme Corp');
	});

	it('AssociateOpportunity links a solution and an AWS product', async () => {
		await send(new sdk.AssociateOpportunityCommand({ Catalog: C, OpportunityIdentifier: s.opp, RelatedEntityType: 'Solutions', RelatedEntityIdentifier: 'S-1234567' }));
		await client.send(new sdk.AssociateOpportunityCommand({ Catalog: C, OpportunityIdentifier: s.opp, RelatedEntityType: 'AwsProducts', RelatedEntityIdentifier: 'AmazonRDS' }));
		const r = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: s.opp }));
		expect(r.RelatedEntityIdentifiers?.Solutions).toEqual(['S-1234567']);
		expect(r.RelatedEntityIdentifiers?.AwsProducts).toEqual(['AmazonRDS']);
	});

	it('DisassociateOpportunity removes the AWS product', async () => {
		await send(new sdk.DisassociateOpportunityCommand({ Catalog: C, OpportunityIdentifier: s.opp, RelatedEntityType: 'AwsProducts', RelatedEntityIdentifier: 'AmazonRDS' }));
		const r = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: s.opp }));
		expect(r.RelatedEntityIdentifiers?.AwsProducts).toEqual([]);
	});

	it('AssignOpportunity replaces the owner in OpportunityTeam', async () => {
		await send(
			new sdk.AssignOpportunityCommand({ Catalog: C, Identifier: s.opp, Assignee: { Email: 'new.owner@partner.example.com', FirstName: 'Nia', LastName: 'New', BusinessTitle: 'OpportunityOwner' } }),
		);
		const r = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: s.opp }));
		expect(r.OpportunityTeam?.map((c) => c.Email)).toEqual(['new.owner@partner.example.com']);
	});

	it('TagResource / ListTagsForResource / UntagResource on the opportunity ARN', async () => {
		const opp = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: s.opp }));
		await send(new sdk.TagResourceCommand({ ResourceArn: opp.Arn!, Tags: [{ Key: 'source', Value: 'hubspot' }, { Key: 'team', Value: 'emea' }] }));
		const listed = await send<sdk.ListTagsForResourceCommandOutput>(new sdk.ListTagsForResourceCommand({ ResourceArn: opp.Arn! }));
		expect(listed.Tags).toEqual([{ Key: 'source', Value: 'hubspot' }, { Key: 'team', Value: 'emea' }]);
		await send(new sdk.UntagResourceCommand({ ResourceArn: opp.Arn!, TagKeys: ['team'] }));
		const after = await client.send(new sdk.ListTagsForResourceCommand({ ResourceArn: opp.Arn! }));
		expect(after.Tags).toEqual([{ Key: 'source', Value: 'hubspot' }]);
	});

	it('StartEngagementFromOpportunityTask runs async and ListEngagementFromOpportunityTasks shows COMPLETE', async () => {
		const r = await send<sdk.StartEngagementFromOpportunityTaskCommandOutput>(
			new sdk.StartEngagementFromOpportunityTaskCommand({ Catalog: C, Identifier: s.opp, ClientToken: 'submit-1', AwsSubmission: { InvolvementType: 'Co-Sell', Visibility: 'Full' } }),
		);
		expect(r.TaskStatus).toBe('IN_PROGRESS');
		expect(r.TaskId).toMatch(/^task-[0-9a-z]{13}$/u);
		const done = await waitFor(async () => {
			const l = await send<sdk.ListEngagementFromOpportunityTasksCommandOutput>(new sdk.ListEngagementFromOpportunityTasksCommand({ Catalog: C, TaskIdentifier: [r.TaskId!] }));
			return l.TaskSummaries?.find((t) => t.TaskStatus === 'COMPLETE');
		}, 5000, 'task completion');
		expect(done.EngagementId).toMatch(/^eng-[0-9a-z]{14}$/u);
		expect(done.EngagementInvitationId).toMatch(/^engi-/u);
		expect(done.ResourceSnapshotJobId).toMatch(/^job-/u);
		s.eng = done.EngagementId!;
		s.job = done.ResourceSnapshotJobId!;
		const opp = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: s.opp }));
		expect(['Submitted', 'In review']).toContain(opp.LifeCycle?.ReviewStatus);
	});

	it('GetEngagement returns the engagement with its CustomerProject context', async () => {
		const r = await send<sdk.GetEngagementCommandOutput>(new sdk.GetEngagementCommand({ Catalog: C, Identifier: s.eng }));
		expect(r.Contexts?.[0].Type).toBe('CustomerProject');
		expect(r.Contexts?.[0].Payload?.CustomerProject?.Customer?.CompanyName).toBe('Acme Corp');
		expect(r.MemberCount).toBe(1);
		expect(r.CreatedAt).toBeInstanceOf(Date);
	});

	it('ListEngagements lists it', async () => {
		const r = await send<sdk.ListEngagementsCommandOutput>(new sdk.ListEngagementsCommand({ Catalog: C, ContextTypes: ['CustomerProject'] }));
		expect(r.EngagementSummaryList?.map((e) => e.Id)).toContain(s.eng);
	});

	it('ListEngagementMembers lists the partner', async () => {
		const r = await send<sdk.ListEngagementMembersCommandOutput>(new sdk.ListEngagementMembersCommand({ Catalog: C, Identifier: s.eng }));
		expect(r.EngagementMemberList?.[0].CompanyName).toBe('Simulated Partner Inc.');
	});

	it('ListEngagementResourceAssociations links the opportunity', async () => {
		const r = await send<sdk.ListEngagementResourceAssociationsCommandOutput>(new sdk.ListEngagementResourceAssociationsCommand({ Catalog: C, EngagementIdentifier: s.eng }));
		expect(r.EngagementResourceAssociationSummaries?.[0]).toMatchObject({ ResourceType: 'Opportunity', ResourceId: s.opp, EngagementId: s.eng });
	});

	it('GetResourceSnapshot returns the OpportunitySummaryView payload', async () => {
		const r = await send<sdk.GetResourceSnapshotCommandOutput>(
			new sdk.GetResourceSnapshotCommand({ Catalog: C, EngagementIdentifier: s.eng, ResourceType: 'Opportunity', ResourceIdentifier: s.opp, ResourceSnapshotTemplateIdentifier: 'OpportunitySummaryView' }),
		);
		expect(r.Revision).toBeGreaterThanOrEqual(1);
		expect(r.Payload?.OpportunitySummary?.Customer?.Account?.CompanyName).toBe('Acme Corp');
	});

	it('CreateResourceSnapshot adds a revision; ListResourceSnapshots lists them', async () => {
		const before = await send<sdk.ListResourceSnapshotsCommandOutput>(new sdk.ListResourceSnapshotsCommand({ Catalog: C, EngagementIdentifier: s.eng }));
		const r = await send<sdk.CreateResourceSnapshotCommandOutput>(
			new sdk.CreateResourceSnapshotCommand({ Catalog: C, EngagementIdentifier: s.eng, ResourceType: 'Opportunity', ResourceIdentifier: s.opp, ResourceSnapshotTemplateIdentifier: 'OpportunitySummaryView', ClientToken: 'snap-1' }),
		);
		// AWS's side may add revisions of its own meanwhile (the running snapshot job, CreatedBy "aws"): compare
		// the caller's revisions only.
		const byCaller = (l: sdk.ResourceSnapshotSummary[] | undefined) => (l ?? []).filter((x) => x.CreatedBy !== 'aws');
		expect(r.Revision).toBeGreaterThan(Math.max(0, ...(before.ResourceSnapshotSummaries ?? []).map((x) => x.Revision ?? 0)));
		const after = await client.send(new sdk.ListResourceSnapshotsCommand({ Catalog: C, EngagementIdentifier: s.eng }));
		expect(after.ResourceSnapshotSummaries?.map((x) => x.Revision)).toContain(r.Revision);
		expect(byCaller(after.ResourceSnapshotSummaries)).toHaveLength(byCaller(before.ResourceSnapshotSummaries).length + 1);
	});

	it('ListResourceSnapshotJobs / GetResourceSnapshotJob show the running job', async () => {
		const l = await send<sdk.ListResourceSnapshotJobsCommandOutput>(new sdk.ListResourceSnapshotJobsCommand({ Catalog: C, EngagementIdentifier: s.eng }));
		expect(l.ResourceSnapshotJobSummaries?.[0]).toMatchObject({ Id: s.job, Status: 'Running' });
		const g = await send<sdk.GetResourceSnapshotJobCommandOutput>(new sdk.GetResourceSnapshotJobCommand({ Catalog: C, ResourceSnapshotJobIdentifier: s.job }));
		expect(g.ResourceId).toBe(s.opp);
		expect(g.LastSuccessfulExecutionDate).toBeInstanceOf(Date);
	});

	it('StopResourceSnapshotJob then DeleteResourceSnapshotJob', async () => {
		await send(new sdk.StopResourceSnapshotJobCommand({ Catalog: C, ResourceSnapshotJobIdentifier: s.job }));
		await send(new sdk.DeleteResourceSnapshotJobCommand({ Catalog: C, ResourceSnapshotJobIdentifier: s.job }));
		await expect(client.send(new sdk.GetResourceSnapshotJobCommand({ Catalog: C, ResourceSnapshotJobIdentifier: s.job }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
	});

	it('CreateResourceSnapshotJob then StartResourceSnapshotJob', async () => {
		const r = await send<sdk.CreateResourceSnapshotJobCommandOutput>(
			new sdk.CreateResourceSnapshotJobCommand({ Catalog: C, ClientToken: 'job-2', EngagementIdentifier: s.eng, ResourceType: 'Opportunity', ResourceIdentifier: s.opp, ResourceSnapshotTemplateIdentifier: 'OpportunitySummaryView' }),
		);
		expect(r.Id).toMatch(/^job-/u);
		await send(new sdk.StartResourceSnapshotJobCommand({ Catalog: C, ResourceSnapshotJobIdentifier: r.Id! }));
		const g = await client.send(new sdk.GetResourceSnapshotJobCommand({ Catalog: C, ResourceSnapshotJobIdentifier: r.Id! }));
		expect(g.Status).toBe('Running');
	});

	it('GetAwsOpportunitySummary returns what AWS set (admin)', async () => {
		await admin(pc, 'POST', '/opportunities/aws-summary', {
			identifier: s.opp,
			summary: { LifeCycle: { Stage: 'Qualified', NextSteps: 'AWS seller to call the customer' }, Insights: { EngagementScore: 'High', NextBestActions: 'Book a demo' }, OpportunityTeam: [{ Email: 'sam@amazon.example', FirstName: 'Sam', LastName: 'Seller', BusinessTitle: 'AWSSalesRep' }] },
		});
		const r = await send<sdk.GetAwsOpportunitySummaryCommandOutput>(new sdk.GetAwsOpportunitySummaryCommand({ Catalog: C, RelatedOpportunityIdentifier: s.opp }));
		expect(r.Insights?.EngagementScore).toBe('High');
		expect(r.LifeCycle?.Stage).toBe('Qualified');
		expect(r.LifeCycle?.NextStepsHistory?.[0].Time).toBeInstanceOf(Date);
		expect(r.OpportunityTeam?.[0].BusinessTitle).toBe('AWSSalesRep');
		expect(r.InvolvementType).toBe('Co-Sell');
		expect(r.RelatedEntityIds?.Solutions).toEqual(['S-1234567']);
	});

	it('SubmitOpportunity submits a second, complete opportunity', async () => {
		const o = await client.send(new sdk.CreateOpportunityCommand({ Catalog: C, ClientToken: 'create-2', ...fullOpportunity(pc) }));
		await client.send(new sdk.AssociateOpportunityCommand({ Catalog: C, OpportunityIdentifier: o.Id!, RelatedEntityType: 'Solutions', RelatedEntityIdentifier: 'S-1234567' }));
		await send(new sdk.SubmitOpportunityCommand({ Catalog: C, Identifier: o.Id!, InvolvementType: 'For Visibility Only' }));
		const r = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: o.Id! }));
		expect(r.LifeCycle?.ReviewStatus).toBe('Submitted');
	});

	it('ListEngagementInvitations (SENDER) / GetEngagementInvitation show the invitation sent to AWS', async () => {
		const l = await send<sdk.ListEngagementInvitationsCommandOutput>(new sdk.ListEngagementInvitationsCommand({ Catalog: C, ParticipantType: 'SENDER' }));
		const inv = l.EngagementInvitationSummaries?.find((i) => i.EngagementId === s.eng);
		expect(inv).toMatchObject({ Status: 'PENDING', PayloadType: 'OpportunityInvitation', SenderAwsAccountId: '111122223333' });
		const g = await send<sdk.GetEngagementInvitationCommandOutput>(new sdk.GetEngagementInvitationCommand({ Catalog: C, Identifier: inv!.Id! }));
		expect(g.Payload?.OpportunityInvitation?.Project?.Title).toBe('Acme data platform migration');
		expect(g.ExpirationDate!.getTime() - g.InvitationDate!.getTime()).toBe(15 * 86_400_000);
	});

	it('CreateEngagement / CreateEngagementContext / UpdateEngagementContext', async () => {
		const e = await send<sdk.CreateEngagementCommandOutput>(new sdk.CreateEngagementCommand({ Catalog: C, ClientToken: 'eng-1', Title: 'Lead from event', Description: 'Booth scan' }));
		expect(e.Id).toMatch(/^eng-/u);
		s.eng2 = e.Id!;
		const ctx = await send<sdk.CreateEngagementContextCommandOutput>(
			new sdk.CreateEngagementContextCommand({
				Catalog: C,
				ClientToken: 'ctx-1',
				EngagementIdentifier: e.Id!,
				Type: 'Lead',
				Payload: {
					Lead: {
						Customer: { CompanyName: 'Beta LLC', WebsiteUrl: 'https://beta.example.com', Address: { CountryCode: 'DE', City: 'Berlin' } },
						Interactions: [{ SourceType: 'Event', SourceName: 'Summit', Contact: { BusinessTitle: 'CIO', Email: 'cio@beta.example.com', FirstName: 'Bo', LastName: 'Beta' } }],
					},
				},
			}),
		);
		expect(ctx.ContextId).toBe('1');
		const u = await send<sdk.UpdateEngagementContextCommandOutput>(
			new sdk.UpdateEngagementContextCommand({
				Catalog: C,
				EngagementIdentifier: e.Id!,
				ContextIdentifier: ctx.ContextId!,
				EngagementLastModifiedAt: ctx.EngagementLastModifiedAt!,
				Type: 'Lead',
				Payload: { Lead: { QualificationStatus: 'Qualified', Customer: { CompanyName: 'Beta LLC', Address: { CountryCode: 'DE' } } } },
			}),
		);
		expect(u.EngagementLastModifiedAt!.getTime()).toBeGreaterThan(ctx.EngagementLastModifiedAt!.getTime());
		const g = await client.send(new sdk.GetEngagementCommand({ Catalog: C, Identifier: e.Id! }));
		expect(g.Contexts?.[0].Payload?.Lead?.QualificationStatus).toBe('Qualified');
		expect(g.Contexts?.[0].Payload?.Lead?.Interactions).toHaveLength(1);
	});

	it('CreateEngagementInvitation invites another account', async () => {
		const r = await send<sdk.CreateEngagementInvitationCommandOutput>(
			new sdk.CreateEngagementInvitationCommand({
				Catalog: C,
				ClientToken: 'inv-1',
				EngagementIdentifier: s.eng2,
				Invitation: {
					Message: 'Join us',
					Receiver: { Account: { AwsAccountId: '444455556666' } },
					Payload: { LeadInvitation: { Customer: { CompanyName: 'Beta LLC', CountryCode: 'DE' }, Interaction: { ContactBusinessTitle: 'CIO', SourceType: 'Event' } } },
				},
			}),
		);
		expect(r.Id).toMatch(/^engi-/u);
		expect(r.Arn).toContain('engagement-invitation');
	});

	it('StartOpportunityFromEngagementTask creates an opportunity from the Lead; ListOpportunityFromEngagementTasks', async () => {
		const r = await send<sdk.StartOpportunityFromEngagementTaskCommandOutput>(
			new sdk.StartOpportunityFromEngagementTaskCommand({ Catalog: C, ClientToken: 'ofe-1', Identifier: s.eng2, ContextIdentifier: '1' }),
		);
		expect(r.TaskStatus).toBe('IN_PROGRESS');
		const t = await waitFor(async () => {
			const l = await send<sdk.ListOpportunityFromEngagementTasksCommandOutput>(new sdk.ListOpportunityFromEngagementTasksCommand({ Catalog: C, EngagementIdentifier: [s.eng2] }));
			return l.TaskSummaries?.find((x) => x.TaskStatus === 'COMPLETE');
		}, 5000, 'opportunity from engagement');
		const opp = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: t.OpportunityId! }));
		expect(opp.Customer?.Account?.CompanyName).toBe('Beta LLC');
	});

	it('StartProspectingFromEngagementTask / GetProspectingFromEngagementTask / ListProspectingFromEngagementTasks', async () => {
		const r = await send<sdk.StartProspectingFromEngagementTaskCommandOutput>(
			new sdk.StartProspectingFromEngagementTaskCommand({ Catalog: C, ClientToken: 'pr-1', TaskName: 'Q4 prospecting', Identifiers: [s.eng2, s.eng] }),
		);
		expect(r.TaskId).toMatch(/^task-[0-9a-z]{14}$/u);
		const g = await waitFor(async () => {
			const x = await send<sdk.GetProspectingFromEngagementTaskCommandOutput>(new sdk.GetProspectingFromEngagementTaskCommand({ Catalog: C, TaskIdentifier: r.TaskId! }));
			return x.EndTime ? x : undefined;
		}, 5000, 'prospecting');
		expect(g.Engagements?.find((e) => e.EngagementIdentifier === s.eng2)?.Status).toBe('COMPLETED');
		expect(g.Engagements?.find((e) => e.EngagementIdentifier === s.eng)?.Status).toBe('FAILED');
		const l = await send<sdk.ListProspectingFromEngagementTasksCommandOutput>(new sdk.ListProspectingFromEngagementTasksCommand({ Catalog: C, TaskName: ['Q4 prospecting'] }));
		expect(l.TaskSummaries?.[0]).toMatchObject({ TaskId: r.TaskId, TotalEngagementCount: 2, CompletedEngagementCount: 1, FailedEngagementCount: 1 });
	});

	it('AcceptEngagementInvitation / RejectEngagementInvitation on AWS referrals (admin-created)', async () => {
		const a = await admin<{ Id: string }>(pc, 'POST', '/invitations', { catalog: C, opportunity: fullOpportunity(pc) });
		const b = await admin<{ Id: string }>(pc, 'POST', '/invitations', { catalog: C, opportunity: fullOpportunity(pc) });
		await send(new sdk.AcceptEngagementInvitationCommand({ Catalog: C, Identifier: a.Id }));
		await send(new sdk.RejectEngagementInvitationCommand({ Catalog: C, Identifier: b.Id, RejectionReason: 'Unable to support' }));
		const l = await client.send(new sdk.ListEngagementInvitationsCommand({ Catalog: C, ParticipantType: 'RECEIVER' }));
		const status = Object.fromEntries(l.EngagementInvitationSummaries!.map((i) => [i.Id, i.Status]));
		expect(status[a.Id]).toBe('ACCEPTED');
		expect(status[b.Id]).toBe('REJECTED');
		const rejected = await client.send(new sdk.GetEngagementInvitationCommand({ Catalog: C, Identifier: b.Id }));
		expect(rejected.RejectionReason).toBe('Unable to support');
	});

	it('StartEngagementByAcceptingInvitationTask creates the partner opportunity; ListEngagementByAcceptingInvitationTasks', async () => {
		const inv = await admin<{ Id: string }>(pc, 'POST', '/invitations', { catalog: C, opportunity: fullOpportunity(pc) });
		const r = await send<sdk.StartEngagementByAcceptingInvitationTaskCommandOutput>(
			new sdk.StartEngagementByAcceptingInvitationTaskCommand({ Catalog: C, ClientToken: 'accept-1', Identifier: inv.Id }),
		);
		expect(r.TaskStatus).toBe('IN_PROGRESS');
		const t = await waitFor(async () => {
			const l = await send<sdk.ListEngagementByAcceptingInvitationTasksCommandOutput>(new sdk.ListEngagementByAcceptingInvitationTasksCommand({ Catalog: C, EngagementInvitationIdentifier: [inv.Id] }));
			return l.TaskSummaries?.find((x) => x.TaskStatus === 'COMPLETE');
		}, 5000, 'accept task');
		const opp = await client.send(new sdk.GetOpportunityCommand({ Catalog: C, Identifier: t.OpportunityId! }));
		expect(opp.Customer?.Account?.Address?.StreetAddress).toBe('1 Main St');
	});

	it('PutSellingSystemSettings / GetSellingSystemSettings', async () => {
		const p = await send<sdk.PutSellingSystemSettingsCommandOutput>(new sdk.PutSellingSystemSettingsCommand({ Catalog: C, ResourceSnapshotJobRoleIdentifier: 'PartnerCentralSnapshotRole' }));
		expect(p.ResourceSnapshotJobRoleArn).toBe('arn:aws:iam::111122223333:role/PartnerCentralSnapshotRole');
		const g = await send<sdk.GetSellingSystemSettingsCommandOutput>(new sdk.GetSellingSystemSettingsCommand({ Catalog: C }));
		expect(g.ResourceSnapshotJobRoleArn).toBe(p.ResourceSnapshotJobRoleArn);
	});

	it('every one of the 45 commands was exercised', () => {
		expect([...used].sort()).toEqual([...ALL_COMMANDS].sort());
	});
});
