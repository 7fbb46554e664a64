import { readdirSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { createReferral } from '../../simulators/partnerCentral/awsSide';
import type { PartnerCentralSimulator } from '../../simulators/partnerCentral';
import { runNode, startSimulator, succeededOperations } from './helpers/simulator';
import { resetPartnerCentralCaches, useFastTiming } from './helpers/setup';

/**
 * Every one of the 45 operations, through the node's execute(), the real SDK client and the Partner Central
 * simulator, in the order a partner would use them. Steps share state, so they run in sequence.
 */
const SDK_COMMANDS = readdirSync(
	join(__dirname, '../../../node_modules/@aws-sdk/client-partnercentral-selling/dist-types/commands'),
)
	.filter((f) => f.endsWith('Command.d.ts'))
	.map((f) => f.replace(/Command\.d\.ts$/, ''));

const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

const OPPORTUNITY_FIELDS = {
	customerCompanyName: 'Acme Analytics Ltd',
	customerWebsiteUrl: 'https://acme-analytics.example',
	industry: 'Retail',
	countryCode: 'GB',
	postalCode: 'SW1A 1AA',
	city: 'London',
	title: 'Retail data lake',
	customerBusinessProblem: 'Acme needs a governed data lake to consolidate store and online sales analytics.',
	customerUseCase: 'Big Data: Data Warehouse/Data Integration/ETL/Data Lake/BI',
	deliveryModels: ['SaaS or PaaS'],
	salesActivities: ['Initialized discussions with customer'],
	primaryNeedsFromAws: ['Co-Sell - Architectural Validation'],
	expectedMonthlyAwsSpend: '2500',
	spendCurrency: 'USD',
	targetCloseDate: inAYear,
	opportunityType: 'Net New Business',
};

describe('all 45 operations against the Partner Central simulator', () => {
	let pc: PartnerCentralSimulator;
	let restore: () => void;
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		restore = useFastTiming();
		resetPartnerCentralCaches();
		pc = await startSimulator();
	});
	afterAll(async () => {
		restore();
		await pc.close();
	});

	const run = async (parameters: IDataObject) => await runNode(pc, parameters);
	const one = async (parameters: IDataObject) => (await run(parameters))[0];

	it('Solution > List', async () => {
		const solutions = await run({
			resource: 'solution',
			operation: 'list',
			returnAll: true,
			options: { statuses: ['Active'] },
		});
		expect(solutions.map((s) => s.Id)).toEqual(expect.arrayContaining(['S-0000001', 'S-0000002']));
		expect(solutions.every((s) => s.Status === 'Active')).toBe(true);
	});

	it('Opportunity > Create, Get, Update (merge), List', async () => {
		const created = await one({
			resource: 'opportunity',
			operation: 'create',
			options: { ...OPPORTUNITY_FIELDS, partnerOpportunityIdentifier: 'deal-1' },
			idempotencyKey: 'deal-1',
		});
		expect(created.Id).toMatch(/^O\d+$/);
		ids.opportunity = String(created.Id);
		const again = await one({
			resource: 'opportunity',
			operation: 'create',
			options: { ...OPPORTUNITY_FIELDS, partnerOpportunityIdentifier: 'deal-1' },
			idempotencyKey: 'deal-1',
		});
		expect(again.Id).toBe(created.Id); // same token, same body: no duplicate

		const got = await one({ resource: 'opportunity', operation: 'get', opportunityId: ids.opportunity });
		expect((got.LifeCycle as IDataObject).ReviewStatus).toBe('Pending Submission');
		expect(got.LastModifiedDate).toMatch(/^\d{4}-\d\d-\d\dT/);

		const updated = await one({
			resource: 'opportunity',
			operation: 'update',
			opportunityId: ids.opportunity,
			options: { nextSteps: 'Architecture workshop', stage: 'Qualified' },
		});
		expect(updated.updated).toBe(true);
		const after = await one({ resource: 'opportunity', operation: 'get', opportunityId: ids.opportunity });
		expect((after.LifeCycle as IDataObject).NextSteps).toBe('Architecture workshop');
		expect((after.Project as IDataObject).Title).toBe('Retail data lake');
		expect((after.Customer as IDataObject).Account).toMatchObject({
			CompanyName: 'Acme Analytics Ltd',
			Industry: 'Retail',
		});

		const listed = await run({
			resource: 'opportunity',
			operation: 'list',
			returnAll: true,
			options: { stages: ['Qualified'] },
		});
		expect(listed.map((o) => o.Id)).toContain(ids.opportunity);
	});

	it('Opportunity > Associate, Assign, Disassociate', async () => {
		for (const solutionId of ['S-0000001', 'S-0000002']) {
			await run({
				resource: 'opportunity',
				operation: 'associate',
				opportunityId: ids.opportunity,
				relatedEntityType: 'Solutions',
				solutionId,
			});
		}
		await run({
			resource: 'opportunity',
			operation: 'disassociate',
			opportunityId: ids.opportunity,
			relatedEntityType: 'Solutions',
			solutionId: 'S-0000002',
		});
		const got = await one({ resource: 'opportunity', operation: 'get', opportunityId: ids.opportunity });
		expect((got.RelatedEntityIdentifiers as IDataObject).Solutions).toEqual(['S-0000001']);
		await run({
			resource: 'opportunity',
			operation: 'assign',
			opportunityId: ids.opportunity,
			assigneeEmail: 'owner@partner.example',
			assigneeFirstName: 'Olga',
			assigneeLastName: 'Owner',
			assigneeBusinessTitle: 'PartnerAccountManager',
		});
	});

	it('Engagement Task > Start From Opportunity (waits until COMPLETE), List From-Opportunity Tasks', async () => {
		const task = await one({
			resource: 'engagementTask',
			operation: 'startFromOpportunity',
			opportunityId: ids.opportunity,
			involvementType: 'Co-Sell',
			options: { visibility: 'Full' },
			waitForCompletion: true,
			waitTimeoutSeconds: 20,
		});
		expect(task.TaskStatus).toBe('COMPLETE');
		expect(task.EngagementId).toMatch(/^eng-/);
		ids.engagement = String(task.EngagementId);
		const tasks = await run({
			resource: 'engagementTask',
			operation: 'listFromOpportunity',
			returnAll: true,
			options: { taskIds: String(task.TaskId) },
		});
		expect(tasks).toHaveLength(1);
		expect(tasks[0].TaskStatus).toBe('COMPLETE');
	});

	it('AWS Opportunity Summary > Get', async () => {
		const summary = await one({ resource: 'awsOpportunitySummary', operation: 'get', opportunityId: ids.opportunity });
		expect(summary).toMatchObject({
			RelatedOpportunityId: ids.opportunity,
			InvolvementType: 'Co-Sell',
			Visibility: 'Full',
		});
	});

	it('Engagement > Get, List, List Members, List Resource Associations', async () => {
		const engagement = await one({ resource: 'engagement', operation: 'get', engagementId: ids.engagement });
		expect(engagement.Id).toBe(ids.engagement);
		const engagements = await run({ resource: 'engagement', operation: 'list', returnAll: true });
		expect(engagements.map((e) => e.Id)).toContain(ids.engagement);
		const members = await run({
			resource: 'engagement',
			operation: 'listMembers',
			engagementId: ids.engagement,
			returnAll: true,
		});
		expect(members.length).toBeGreaterThanOrEqual(1);
		const associations = await run({
			resource: 'engagement',
			operation: 'listResourceAssociations',
			returnAll: true,
			options: { resourceType: 'Opportunity', resourceId: ids.opportunity },
		});
		expect(associations.map((a) => a.EngagementId)).toContain(ids.engagement);
	});

	it('Resource Snapshot > Create, List, Get', async () => {
		const target = { engagementId: ids.engagement, resourceType: 'Opportunity', resourceId: ids.opportunity };
		const created = await one({
			resource: 'resourceSnapshot',
			operation: 'create',
			...target,
			templateName: 'OpportunitySummaryView',
		});
		expect(created.Arn ?? created.Revision).toBeDefined();
		const snapshots = await run({
			resource: 'resourceSnapshot',
			operation: 'list',
			engagementId: ids.engagement,
			returnAll: true,
		});
		expect(snapshots.length).toBeGreaterThanOrEqual(1);
		const snapshot = await one({
			resource: 'resourceSnapshot',
			operation: 'get',
			...target,
			templateName: 'OpportunitySummaryView',
		});
		expect(snapshot.Payload).toBeDefined();
	});

	it('Resource Snapshot Job > Create, Start (wait Running), Stop (wait Stopped), Get, List, Delete', async () => {
		const job = await one({
			resource: 'resourceSnapshotJob',
			operation: 'create',
			engagementId: ids.engagement,
			resourceType: 'Opportunity',
			resourceId: ids.opportunity,
			templateName: 'AwsOpportunitySummaryFullView',
		});
		ids.job = String(job.Id);
		const started = await one({
			resource: 'resourceSnapshotJob',
			operation: 'start',
			resourceSnapshotJobId: ids.job,
			waitForCompletion: true,
			waitTimeoutSeconds: 10,
		});
		expect(started.Status).toBe('Running');
		const stopped = await one({
			resource: 'resourceSnapshotJob',
			operation: 'stop',
			resourceSnapshotJobId: ids.job,
			waitForCompletion: true,
			waitTimeoutSeconds: 10,
		});
		expect(stopped.Status).toBe('Stopped');
		expect((await one({ resource: 'resourceSnapshotJob', operation: 'get', resourceSnapshotJobId: ids.job })).Id).toBe(
			ids.job,
		);
		const jobs = await run({
			resource: 'resourceSnapshotJob',
			operation: 'list',
			returnAll: true,
			options: { engagementId: ids.engagement },
		});
		expect(jobs.map((j) => j.Id)).toContain(ids.job);
		await run({ resource: 'resourceSnapshotJob', operation: 'delete', resourceSnapshotJobId: ids.job });
		const remaining = await run({
			resource: 'resourceSnapshotJob',
			operation: 'list',
			returnAll: true,
			options: { engagementId: ids.engagement },
		});
		expect(remaining.map((j) => j.Id)).not.toContain(ids.job);
	});

	it('Engagement > Create, Create Context, Update Context; Engagement Invitation > Create', async () => {
		const engagement = await one({
			resource: 'engagement',
			operation: 'create',
			title: 'Acme lead',
			engagementDescription: 'Lead shared with a partner',
		});
		ids.ownEngagement = String(engagement.Id);
		const context = await one({
			resource: 'engagement',
			operation: 'createContext',
			engagementId: ids.ownEngagement,
			contextType: 'Lead',
			payload: JSON.stringify({
				Lead: {
					Customer: {
						CompanyName: 'Acme Analytics Ltd',
						Industry: 'Retail',
						WebsiteUrl: 'https://acme-analytics.example',
						Address: { CountryCode: 'GB' },
					},
					Interactions: [
						{
							SourceType: 'Partner',
							SourceId: 'hubspot-1',
							SourceName: 'HubSpot',
							CustomerAction: 'Contact form',
							Contact: {
								BusinessTitle: 'CTO',
								Email: 'cto@acme-analytics.example',
								FirstName: 'Cleo',
								LastName: 'Tan',
							},
						},
					],
				},
			}),
		});
		ids.context = String(context.ContextId ?? context.Id);
		const current = await one({ resource: 'engagement', operation: 'get', engagementId: ids.ownEngagement });
		await run({
			resource: 'engagement',
			operation: 'updateContext',
			engagementId: ids.ownEngagement,
			contextId: ids.context,
			engagementLastModifiedAt: String(current.ModifiedAt),
			contextType: 'Lead',
			payload: JSON.stringify({
				Lead: { Customer: { CompanyName: 'Acme Analytics Ltd', Industry: 'Retail', Address: { CountryCode: 'GB' } } },
			}),
		});
		const invitation = await one({
			resource: 'engagementInvitation',
			operation: 'create',
			engagementId: ids.ownEngagement,
			invitation: JSON.stringify({
				Message: 'Join us on Acme',
				Receiver: { Account: { AwsAccountId: '444455556666', Alias: 'Other partner' } },
				Payload: {
					LeadInvitation: {
						Customer: {
							CompanyName: 'Acme Analytics Ltd',
							Industry: 'Retail',
							WebsiteUrl: 'https://acme-analytics.example',
							CountryCode: 'GB',
							AwsMaturity: 'Advanced',
							MarketSegment: 'Enterprise',
						},
						Interaction: {
							SourceType: 'Partner',
							SourceId: 'hubspot-1',
							SourceName: 'HubSpot',
							ContactBusinessTitle: 'CTO',
						},
					},
				},
			}),
		});
		expect(invitation.Id ?? invitation.Arn).toBeDefined();
	});

	it('Engagement Task > Start Opportunity From Engagement (wait), List Opportunity-From-Engagement Tasks', async () => {
		const task = await one({
			resource: 'engagementTask',
			operation: 'startOpportunityFromEngagement',
			engagementId: ids.ownEngagement,
			contextId: ids.context,
			waitForCompletion: true,
			waitTimeoutSeconds: 20,
		});
		expect(['COMPLETE']).toContain(task.TaskStatus);
		const tasks = await run({
			resource: 'engagementTask',
			operation: 'listOpportunityFromEngagement',
			returnAll: true,
			options: { taskIds: String(task.TaskId) },
		});
		expect(tasks[0].TaskId).toBe(task.TaskId);
	});

	it('Prospecting > Start (wait), Get Task, List Tasks', async () => {
		const task = await one({
			resource: 'prospecting',
			operation: 'start',
			taskName: 'Acme prospecting',
			engagementIds: ids.ownEngagement,
			waitForCompletion: true,
			waitTimeoutSeconds: 20,
		});
		expect(task.TaskId).toBeDefined();
		const got = await one({ resource: 'prospecting', operation: 'get', taskId: String(task.TaskId) });
		expect(got.TaskName).toBe('Acme prospecting');
		const tasks = await run({
			resource: 'prospecting',
			operation: 'list',
			returnAll: true,
			options: { taskNames: 'Acme prospecting' },
		});
		expect(tasks.map((t) => t.TaskId)).toContain(task.TaskId);
	});

	it('Engagement Invitation > List, Get, Accept, Reject; Engagement Task > Start by Accepting Invitation (wait), List Accept-Invitation Tasks', async () => {
		const referral = (title: string) =>
			createReferral(pc.sim, {
				catalog: 'AWS',
				opportunity: {
					Customer: {
						Account: {
							CompanyName: `${title} Corp`,
							Industry: 'Healthcare',
							WebsiteUrl: 'https://example.org',
							Address: { CountryCode: 'US' },
						},
					},
					Project: {
						Title: title,
						CustomerBusinessProblem: 'The customer wants to modernise their patient portal on AWS.',
					},
					LifeCycle: { TargetCloseDate: inAYear },
				},
			}).Id;
		const [toStart, toReject, toAccept] = [referral('Portal'), referral('Imaging'), referral('Billing')];
		const pending = await run({
			resource: 'engagementInvitation',
			operation: 'list',
			participantType: 'RECEIVER',
			returnAll: true,
			options: { statuses: ['PENDING'] },
		});
		expect(pending.map((i) => i.Id)).toEqual(expect.arrayContaining([toStart, toReject, toAccept]));
		const invitation = await one({ resource: 'engagementInvitation', operation: 'get', invitationId: toStart });
		expect(invitation.Status).toBe('PENDING');

		const task = await one({
			resource: 'engagementTask',
			operation: 'startByAcceptingInvitation',
			invitationId: toStart,
			idempotencyKey: toStart,
			waitForCompletion: true,
			waitTimeoutSeconds: 20,
		});
		expect(task.TaskStatus).toBe('COMPLETE');
		expect(task.OpportunityId).toMatch(/^O\d+$/);
		const tasks = await run({
			resource: 'engagementTask',
			operation: 'listByAcceptingInvitation',
			returnAll: true,
			options: { invitationIds: toStart },
		});
		expect(tasks[0].OpportunityId).toBe(task.OpportunityId);

		await run({
			resource: 'engagementInvitation',
			operation: 'reject',
			invitationId: toReject,
			options: { rejectionReason: 'Unable to support' },
		});
		await run({ resource: 'engagementInvitation', operation: 'accept', invitationId: toAccept });
		const statuses = await run({
			resource: 'engagementInvitation',
			operation: 'list',
			participantType: 'RECEIVER',
			returnAll: true,
		});
		const byId = Object.fromEntries(statuses.map((i) => [i.Id, i.Status]));
		expect(byId[toStart]).toBe('ACCEPTED');
		expect(byId[toReject]).toBe('REJECTED');
		expect(byId[toAccept]).toBe('ACCEPTED');
	});

	it('Opportunity > Submit', async () => {
		const second = await one({
			resource: 'opportunity',
			operation: 'create',
			options: { ...OPPORTUNITY_FIELDS, partnerOpportunityIdentifier: 'deal-2', title: 'Second project' },
		});
		await run({
			resource: 'opportunity',
			operation: 'associate',
			opportunityId: String(second.Id),
			relatedEntityType: 'Solutions',
			solutionId: 'S-0000001',
		});
		await run({
			resource: 'opportunity',
			operation: 'submit',
			opportunityId: String(second.Id),
			involvementType: 'For Visibility Only',
		});
		const got = await one({ resource: 'opportunity', operation: 'get', opportunityId: String(second.Id) });
		expect(['Submitted', 'In review']).toContain((got.LifeCycle as IDataObject).ReviewStatus);
	});

	it('Selling System Settings > Set, Get', async () => {
		await run({
			resource: 'sellingSystemSettings',
			operation: 'put',
			resourceSnapshotJobRole: 'arn:aws:iam::111122223333:role/PartnerCentralSnapshotJobs',
		});
		const settings = await one({ resource: 'sellingSystemSettings', operation: 'get' });
		expect(settings.ResourceSnapshotJobRoleArn).toBe('arn:aws:iam::111122223333:role/PartnerCentralSnapshotJobs');
	});

	it('Tag > Add, List, Remove', async () => {
		const got = await one({ resource: 'opportunity', operation: 'get', opportunityId: ids.opportunity });
		const resourceArn = String(got.Arn);
		await run({
			resource: 'tag',
			operation: 'add',
			resourceArn,
			tags: {
				tag: [
					{ key: 'source', value: 'hubspot' },
					{ key: 'team', value: 'emea' },
				],
			},
		});
		const tags = await one({ resource: 'tag', operation: 'list', resourceArn });
		expect(tags.Tags).toEqual(
			expect.arrayContaining([
				{ Key: 'source', Value: 'hubspot' },
				{ Key: 'team', Value: 'emea' },
			]),
		);
		await run({ resource: 'tag', operation: 'remove', resourceArn, tagKeys: 'team' });
		const left = await one({ resource: 'tag', operation: 'list', resourceArn });
		expect(left.Tags).toEqual([{ Key: 'source', Value: 'hubspot' }]);
	});

	it('called every SDK operation successfully', () => {
		const done = succeededOperations(pc);
		expect(SDK_COMMANDS.filter((op) => !done.has(op))).toEqual([]);
		expect(SDK_COMMANDS).toHaveLength(45);
	});
});
