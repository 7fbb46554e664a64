/**
 * One test per business rule of the Partner Central simulator; each name cites the fact it comes from
 * (/work/shared/reference/partner-central.md section ids, listed again in test/simulators/README.md).
 */
import * as sdk from '@aws-sdk/client-partnercentral-selling';
import type { PartnerCentralSimulator } from './index';
import { admin, clientFor, fullOpportunity, futureDate, rawCall, startForTest, waitFor } from './testUtil';

let pc: PartnerCentralSimulator;
let client: sdk.PartnerCentralSellingClient;
let token = 0;

beforeAll(async () => {
	pc = await startForTest({ timeScale: 1000 });
	client = clientFor(pc, pc.credentials, 1);
	await admin(pc, 'POST', '/quotas', { enabled: false });
	// Keep scheduled AWS-side transitions (Submitted -> In review) out of the way unless a test asks for them.
	await admin(pc, 'PUT', '/config', { reviewStartDelayMs: 30 * 86_400_000 });
});
afterAll(async () => {
	client.destroy();
	await pc.close();
});

type Catalog = 'AWS' | 'Sandbox';
/** Mutable view of a request payload in tests (deep property access without casts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Payload = Record<string, any>;
interface AwsError {
	name: string;
	message: string;
	Reason?: string;
	ErrorList: { FieldName: string; Code: string; Message: string }[];
	$metadata: { httpStatusCode?: number };
}

async function create(catalog: Catalog = 'AWS', overrides: Record<string, unknown> = {}): Promise<string> {
	const r = await client.send(new sdk.CreateOpportunityCommand({ Catalog: catalog, ClientToken: `t-${++token}`, ...fullOpportunity(pc), ...overrides } as sdk.CreateOpportunityCommandInput));
	return r.Id!;
}

async function get(id: string, catalog: Catalog = 'AWS') {
	return client.send(new sdk.GetOpportunityCommand({ Catalog: catalog, Identifier: id }));
}

/** Get, apply a change to the full payload, Update (the documented read-merge-write). */
async function update(id: string, change: (o: Payload) => void, catalog: Catalog = 'AWS') {
	const o = (await get(id, catalog)) as Payload;
	const body: Payload = {
		Catalog: catalog,
		Identifier: id,
		LastModifiedDate: o.LastModifiedDate,
		PrimaryNeedsFromAws: o.PrimaryNeedsFromAws,
		NationalSecurity: o.NationalSecurity,
		PartnerOpportunityIdentifier: o.PartnerOpportunityIdentifier,
		Customer: o.Customer,
		Project: o.Project,
		OpportunityType: o.OpportunityType,
		Marketing: o.Marketing,
		SoftwareRevenue: o.SoftwareRevenue,
		LifeCycle: o.LifeCycle,
	};
	change(body);
	return client.send(new sdk.UpdateOpportunityCommand(body as sdk.UpdateOpportunityCommandInput));
}

async function errorOf(p: Promise<unknown>): Promise<AwsError> {
	try {
		await p;
	} catch (e) {
		return e as AwsError;
	}
	throw new Error('expected the call to fail');
}

async function submitAndWait(id: string, catalog: Catalog = 'AWS') {
	await client.send(new sdk.AssociateOpportunityCommand({ Catalog: catalog, OpportunityIdentifier: id, RelatedEntityType: 'Solutions', RelatedEntityIdentifier: catalog === 'AWS' ? 'S-0000001' : 'S-1234567' }));
	const t = await client.send(new sdk.StartEngagementFromOpportunityTaskCommand({ Catalog: catalog, Identifier: id, ClientToken: `s-${++token}`, AwsSubmission: { InvolvementType: 'Co-Sell' } }));
	return waitFor(async () => {
		const l = await client.send(new sdk.ListEngagementFromOpportunityTasksCommand({ Catalog: catalog, TaskIdentifier: [t.TaskId!] }));
		return l.TaskSummaries?.find((x) => x.TaskStatus !== 'IN_PROGRESS');
	}, 5000, 'task');
}

describe('Partner Central simulator business rules', () => {
	it('C3: same ClientToken and same body returns the same result without a duplicate', async () => {
		const input = { Catalog: 'AWS' as const, ClientToken: 'same-token', ...fullOpportunity(pc) };
		const a = await client.send(new sdk.CreateOpportunityCommand(input));
		const b = await client.send(new sdk.CreateOpportunityCommand(input));
		expect(b.Id).toBe(a.Id);
		const list = await client.send(new sdk.ListOpportunitiesCommand({ Catalog: 'AWS', Identifier: [a.Id!] }));
		expect(list.OpportunitySummaries).toHaveLength(1);
	});

	it('C3: same ClientToken with a different body -> ConflictException "Conflicting client token submitted for a new request body."', async () => {
		await client.send(new sdk.CreateOpportunityCommand({ Catalog: 'AWS', ClientToken: 'tok-x', ...fullOpportunity(pc) }));
		const e = await errorOf(client.send(new sdk.CreateOpportunityCommand({ Catalog: 'AWS', ClientToken: 'tok-x', ...fullOpportunity(pc, { PartnerOpportunityIdentifier: 'other' }) })));
		expect(e.name).toBe('ConflictException');
		expect(e.message).toBe('Conflicting client token submitted for a new request body.');
	});

	it('A (CreateOpportunity): Id matches O[0-9]{1,19} and ReviewStatus starts as Pending Submission', async () => {
		const id = await create();
		expect(id).toMatch(/^O[0-9]{1,19}$/u);
		expect((await get(id)).LifeCycle?.ReviewStatus).toBe('Pending Submission');
	});

	it('C5: Origin "AWS Referral" is refused in the AWS catalog and allowed in Sandbox', async () => {
		const e = await errorOf(create('AWS', { Origin: 'AWS Referral' }));
		expect(e.name).toBe('ValidationException');
		expect(e.Reason).toBe('BUSINESS_VALIDATION_FAILED');
		expect(e.ErrorList[0].FieldName).toBe('Origin');
		const id = await create('Sandbox', { Origin: 'AWS Referral' });
		expect(id).toMatch(/^O/u);
	});

	it('C1: UpdateOpportunity replaces the whole record (an omitted field becomes null)', async () => {
		const id = await create();
		await update(id, (b) => {
			delete b.Marketing;
			delete b.Project.CustomerUseCase;
		});
		const o = await get(id);
		expect(o.Marketing).toBeUndefined();
		expect(o.Project?.CustomerUseCase).toBeUndefined();
		expect(o.Project?.Title).toBe('Acme data platform migration');
	});

	it('C1 exception: omitting Project.ExpectedContractDuration keeps TCV data; explicit null clears it', async () => {
		const spend = [
			{ Amount: '5000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
			{ Amount: '90000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'Self' },
		];
		const base = fullOpportunity(pc);
		const id = await create('AWS', { Project: { ...base.Project, ExpectedCustomerSpend: spend, ExpectedContractDuration: { Term: 'Months', Value: '12' } } });
		await update(id, (b) => {
			delete b.Project.ExpectedContractDuration;
			b.Project.Title = 'Renamed';
		});
		let o = await get(id);
		expect(o.Project?.ExpectedContractDuration).toEqual({ Term: 'Months', Value: '12' });
		const body = { Catalog: 'AWS', Identifier: id, LastModifiedDate: o.LastModifiedDate!.toISOString(), Customer: o.Customer, LifeCycle: { Stage: 'Qualified' }, Project: { Title: 'Renamed', ExpectedCustomerSpend: [spend[0]], ExpectedContractDuration: null } };
		const r = await rawCall(pc, 'UpdateOpportunity', JSON.stringify(body));
		expect(r.status).toBe(200);
		o = await get(id);
		expect(o.Project?.ExpectedContractDuration).toBeUndefined();
	});

	it('C2: a stale LastModifiedDate -> ConflictException', async () => {
		const id = await create();
		const o = await get(id);
		await update(id, (b) => (b.Project.Title = 'First writer'));
		const e = await errorOf(client.send(new sdk.UpdateOpportunityCommand({ Catalog: 'AWS', Identifier: id, LastModifiedDate: o.LastModifiedDate!, Customer: o.Customer, Project: o.Project, LifeCycle: o.LifeCycle })));
		expect(e.name).toBe('ConflictException');
		expect(e.$metadata.httpStatusCode).toBe(400);
	});

	it('C1: LifeCycle.ReviewStatus is read-only in the AWS catalog (ignored in updates)', async () => {
		const id = await create();
		await update(id, (b) => (b.LifeCycle.ReviewStatus = 'Approved'));
		expect((await get(id)).LifeCycle?.ReviewStatus).toBe('Pending Submission');
	});

	it('C4.1: nothing can be updated while ReviewStatus is Submitted or In review', async () => {
		const id = await create();
		await submitAndWait(id);
		const e = await errorOf(update(id, (b) => (b.Project.Title = 'Changed while in review')));
		expect(e.name).toBe('ValidationException');
		expect(e.Reason).toBe('BUSINESS_VALIDATION_FAILED');
		expect(e.ErrorList[0].Code).toBe('ACTION_NOT_PERMITTED');
	});

	it('C6/C8: review flow Submitted -> In review -> outcome set via admin (Action Required with ReviewComments)', async () => {
		await admin(pc, 'PUT', '/config', { reviewStartDelayMs: 600_000 });
		const id = await create();
		await submitAndWait(id);
		expect((await get(id)).LifeCycle?.ReviewStatus).toBe('Submitted');
		await waitFor(async () => (await get(id)).LifeCycle?.ReviewStatus === 'In review' || undefined, 5000, 'In review');
		await admin(pc, 'POST', '/opportunities/review', { identifier: id, outcome: 'Action Required', comments: 'Please fix the website' });
		const o = await get(id);
		expect(o.LifeCycle?.ReviewStatus).toBe('Action Required');
		expect(o.LifeCycle?.ReviewComments).toBe('Please fix the website');
		await admin(pc, 'PUT', '/config', { reviewStartDelayMs: 30 * 86_400_000 });
	});

	it('C4.3: in Action Required only the listed fields are editable', async () => {
		const id = await create();
		await submitAndWait(id);
		await admin(pc, 'POST', '/opportunities/review', { identifier: id, outcome: 'Action Required', comments: 'fix' });
		const e = await errorOf(update(id, (b) => (b.Project.Title = 'Not allowed')));
		expect(e.ErrorList.map((x) => x.FieldName)).toEqual(['Project.Title']);
		await update(id, (b) => (b.Customer.Account.WebsiteUrl = 'https://www.acme.example.com'));
		const o = await get(id);
		expect(o.Customer?.Account?.WebsiteUrl).toBe('https://www.acme.example.com');
		// C4.3: "the opportunity re-enters the validation phase"
		expect(o.LifeCycle?.ReviewStatus).toBe('Submitted');
	});

	it('C4.4: after Approved the frozen fields cannot change, others can', async () => {
		const id = await create();
		await submitAndWait(id);
		await admin(pc, 'POST', '/opportunities/review', { identifier: id, outcome: 'Approved' });
		const e = await errorOf(update(id, (b) => (b.Customer.Account.Industry = 'Gaming')));
		expect(e.ErrorList[0]).toMatchObject({ FieldName: 'Customer.Account.Industry', Code: 'ACTION_NOT_PERMITTED' });
		await update(id, (b) => (b.LifeCycle.NextSteps = 'Send proposal'));
		expect((await get(id)).LifeCycle?.NextSteps).toBe('Send proposal');
	});

	it('C4.5: a Rejected opportunity is read-only; AWS rejection emits Engagement Invitation Rejected + Opportunity Updated (C8)', async () => {
		const id = await create();
		await submitAndWait(id);
		const before = pc.sim.events.emitted.length;
		await admin(pc, 'POST', '/opportunities/review', { identifier: id, outcome: 'Rejected', reason: 'Duplicate' });
		const types = pc.sim.events.emitted.slice(before).map((e) => e['detail-type']);
		expect(types).toEqual(expect.arrayContaining(['Engagement Invitation Rejected', 'Opportunity Updated', 'Engagement Resource Snapshot Created']));
		const e = await errorOf(update(id, (b) => (b.LifeCycle.NextSteps = 'x')));
		expect(e.ErrorList[0].Code).toBe('ACTION_NOT_PERMITTED');
	});

	it('C4 (additional): no changes once Stage is Closed Lost; only DeliveryModels/AdditionalComments/SoftwareRevenue after Launched', async () => {
		const id = await create();
		await update(id, (b) => {
			b.LifeCycle.Stage = 'Closed Lost';
			b.LifeCycle.ClosedLostReason = 'Price';
		});
		expect((await errorOf(update(id, (b) => (b.Project.Title = 'x')))).ErrorList[0].Code).toBe('ACTION_NOT_PERMITTED');
		const id2 = await create();
		await client.send(new sdk.AssociateOpportunityCommand({ Catalog: 'AWS', OpportunityIdentifier: id2, RelatedEntityType: 'Solutions', RelatedEntityIdentifier: 'S-0000001' }));
		await update(id2, (b) => (b.LifeCycle.Stage = 'Launched'));
		expect((await errorOf(update(id2, (b) => (b.Project.Title = 'x')))).ErrorList[0].FieldName).toBe('Project.Title');
		await update(id2, (b) => (b.Project.AdditionalComments = 'Live since Monday'));
	});

	it('C4 (solutions note): Stage Committed needs an associated solution', async () => {
		const id = await create();
		const e = await errorOf(update(id, (b) => (b.LifeCycle.Stage = 'Committed')));
		expect(e.ErrorList[0]).toMatchObject({ FieldName: 'LifeCycle.Stage', Code: 'INVALID_VALUE' });
	});

	it('C6: NationalSecurity Yes only when Industry is Government', async () => {
		const e = await errorOf(create('AWS', { NationalSecurity: 'Yes' }));
		expect(e.Reason).toBe('BUSINESS_VALIDATION_FAILED');
		expect(e.ErrorList[0].FieldName).toBe('NationalSecurity');
		const base = fullOpportunity(pc);
		await create('AWS', { NationalSecurity: 'Yes', Customer: { Account: { ...base.Customer.Account, Industry: 'Government' } } });
	});

	it('C6: OtherIndustry is required when Industry is Other', async () => {
		const base = fullOpportunity(pc);
		const e = await errorOf(create('AWS', { Customer: { Account: { ...base.Customer.Account, Industry: 'Other' } } }));
		expect(e.ErrorList[0]).toMatchObject({ FieldName: 'Customer.Account.OtherIndustry', Code: 'REQUIRED_FIELD_MISSING' });
	});

	it('C6: WebsiteUrl is required except for national security opportunities', async () => {
		const base = fullOpportunity(pc);
		const account: Payload = { ...base.Customer.Account };
		delete account.WebsiteUrl;
		const e = await errorOf(create('AWS', { Customer: { Account: account } }));
		expect(e.ErrorList[0]).toMatchObject({ FieldName: 'Customer.Account.WebsiteUrl', Code: 'REQUIRED_FIELD_MISSING' });
	});

	it('C6: ClosedLostReason is required when Stage is Closed Lost', async () => {
		const base = fullOpportunity(pc);
		const e = await errorOf(create('AWS', { LifeCycle: { ...base.LifeCycle, Stage: 'Closed Lost' } }));
		expect(e.ErrorList[0].FieldName).toBe('LifeCycle.ClosedLostReason');
	});

	it('C6: TargetCloseDate cannot be in the past', async () => {
		const base = fullOpportunity(pc);
		const e = await errorOf(create('AWS', { LifeCycle: { ...base.LifeCycle, TargetCloseDate: '2020-01-01' } }));
		expect(e.ErrorList[0]).toMatchObject({ FieldName: 'LifeCycle.TargetCloseDate', Code: 'INVALID_VALUE' });
	});

	it('C6: Marketing.UseCases must be empty when AwsFundingUsed is No', async () => {
		const e = await errorOf(create('AWS', { Marketing: { Source: 'Marketing Activity', AwsFundingUsed: 'No', UseCases: ['Analytics'] } }));
		expect(e.ErrorList[0].FieldName).toBe('Marketing.UseCases');
	});

	it('C6 deal sizing: a Self entry needs ExpectedContractDuration; two Self entries and Self+EstimationUrl are invalid', async () => {
		const base = fullOpportunity(pc);
		const self = { Amount: '1000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'Self' };
		let e = await errorOf(create('AWS', { Project: { ...base.Project, ExpectedCustomerSpend: [self] } }));
		expect(e.ErrorList[0].Code).toBe('INVALID_VALUE');
		e = await errorOf(create('AWS', { Project: { ...base.Project, ExpectedCustomerSpend: [self, self], ExpectedContractDuration: { Term: 'Months', Value: '12' } } }));
		expect(e.ErrorList.map((x) => x.FieldName)).toContain('Project.ExpectedCustomerSpend');
		e = await errorOf(create('AWS', { Project: { ...base.Project, ExpectedCustomerSpend: [{ ...self, EstimationUrl: `https://calculator.aws/#/estimate?id=${'a'.repeat(40)}` }], ExpectedContractDuration: { Term: 'Months', Value: '12' } } }));
		expect(e.ErrorList[0].FieldName).toBe('Project.ExpectedCustomerSpend[0].EstimationUrl');
	});

	it('B (CurrencyCode note): only USD and EUR are accepted', async () => {
		const base = fullOpportunity(pc);
		const e = await errorOf(create('AWS', { Project: { ...base.Project, ExpectedCustomerSpend: [{ Amount: '10', CurrencyCode: 'GBP', Frequency: 'Monthly', TargetCompany: 'AWS' }] } }));
		expect(e.ErrorList[0].FieldName).toBe('Project.ExpectedCustomerSpend[0].CurrencyCode');
	});

	it('C5: in Sandbox, UpdateOpportunity may set ReviewStatus to Approved / Action Required to simulate review', async () => {
		const id = await create('Sandbox');
		await submitAndWait(id, 'Sandbox');
		await update(id, (b) => (b.LifeCycle.ReviewStatus = 'Approved'), 'Sandbox');
		expect((await get(id, 'Sandbox')).LifeCycle?.ReviewStatus).toBe('Approved');
	});

	it('C7: association quotas per opportunity (one Offer or one Offer Set, not both)', async () => {
		const id = await create();
		await client.send(new sdk.AssociateOpportunityCommand({ Catalog: 'AWS', OpportunityIdentifier: id, RelatedEntityType: 'AwsMarketplaceOffers', RelatedEntityIdentifier: 'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/Offer/offer-abc' }));
		const e = await errorOf(
			client.send(new sdk.AssociateOpportunityCommand({ Catalog: 'AWS', OpportunityIdentifier: id, RelatedEntityType: 'AwsMarketplaceOfferSets', RelatedEntityIdentifier: 'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/OfferSet/offerset-abc' })),
		);
		expect(e.ErrorList[0].Code).toBe('TOO_MANY_VALUES');
		for (let i = 0; i < 20; i++) {
			await client.send(new sdk.AssociateOpportunityCommand({ Catalog: 'AWS', OpportunityIdentifier: id, RelatedEntityType: 'AwsProducts', RelatedEntityIdentifier: `Product${i}` }));
		}
		const e2 = await errorOf(client.send(new sdk.AssociateOpportunityCommand({ Catalog: 'AWS', OpportunityIdentifier: id, RelatedEntityType: 'AwsProducts', RelatedEntityIdentifier: 'Product21' })));
		expect(e2.ErrorList[0].Code).toBe('TOO_MANY_VALUES');
	});

	it('C6: StartEngagementFromOpportunityTask without an associated solution ends FAILED with ReasonCode', async () => {
		const id = await create();
		const t = await client.send(new sdk.StartEngagementFromOpportunityTaskCommand({ Catalog: 'AWS', Identifier: id, ClientToken: 'nosol', AwsSubmission: { InvolvementType: 'Co-Sell' } }));
		const done = await waitFor(async () => {
			const l = await client.send(new sdk.ListEngagementFromOpportunityTasksCommand({ Catalog: 'AWS', TaskIdentifier: [t.TaskId!] }));
			return l.TaskSummaries?.find((x) => x.TaskStatus === 'FAILED');
		}, 5000, 'failed task');
		expect(done.ReasonCode).toBe('OpportunityValidationFailed');
		expect(done.Message).toContain('RelatedEntityIdentifiers.Solutions');
		expect((await get(id)).LifeCycle?.ReviewStatus).toBe('Pending Submission');
	});

	it('C8: StartEngagementFromOpportunityTask emits Opportunity Updated, Engagement Created, Resource Snapshot Created, Member Added, Invitation Created; approval emits Invitation Accepted + Member Added', async () => {
		const before = pc.sim.events.emitted.length;
		const id = await create();
		const task = await submitAndWait(id);
		expect(task.TaskStatus).toBe('COMPLETE');
		const types = pc.sim.events.emitted.slice(before).map((e) => e['detail-type']);
		expect(types).toEqual(expect.arrayContaining(['Opportunity Created', 'Opportunity Updated', 'Engagement Created', 'Engagement Resource Snapshot Created', 'Engagement Member Added', 'Engagement Invitation Created']));
		const mark = pc.sim.events.emitted.length;
		await admin(pc, 'POST', '/opportunities/review', { identifier: id, outcome: 'Approved' });
		const after = pc.sim.events.emitted.slice(mark).map((e) => e['detail-type']);
		expect(after).toEqual(expect.arrayContaining(['Engagement Invitation Accepted', 'Engagement Member Added', 'Opportunity Updated', 'Engagement Resource Snapshot Created']));
		const envelope = pc.sim.events.emitted.find((e) => e['detail-type'] === 'Opportunity Created')!;
		expect(envelope).toMatchObject({ version: '1', source: 'aws.partnercentral-selling', region: 'us-east-1', account: '111122223333', detail: { catalog: 'AWS' } });
	});

	it('C8: AWS referral invitations withhold address/contacts until accepted; accepting creates the full opportunity', async () => {
		const inv = await admin<{ Id: string }>(pc, 'POST', '/invitations', { catalog: 'AWS', opportunity: fullOpportunity(pc) });
		const g = await client.send(new sdk.GetEngagementInvitationCommand({ Catalog: 'AWS', Identifier: inv.Id }));
		const text = JSON.stringify(g.Payload);
		expect(text).not.toContain('1 Main St');
		expect(text).not.toContain('jane@acme.example.com');
		expect(g.Payload?.OpportunityInvitation?.Customer?.CompanyName).toBe('Acme Corp');
		const t = await client.send(new sdk.StartEngagementByAcceptingInvitationTaskCommand({ Catalog: 'AWS', Identifier: inv.Id, ClientToken: 'acc-ref' }));
		const done = await waitFor(async () => {
			const l = await client.send(new sdk.ListEngagementByAcceptingInvitationTasksCommand({ Catalog: 'AWS', TaskIdentifier: [t.TaskId!] }));
			return l.TaskSummaries?.find((x) => x.TaskStatus === 'COMPLETE');
		}, 5000, 'accept');
		const o = await get(done.OpportunityId!);
		expect(o.Customer?.Account?.Address?.StreetAddress).toBe('1 Main St');
		expect(o.Customer?.Contacts?.[0].Email).toBe('jane@acme.example.com');
		const s = await client.send(new sdk.GetAwsOpportunitySummaryCommand({ Catalog: 'AWS', RelatedOpportunityIdentifier: o.Id! }));
		expect(s.Origin).toBe('AWS Referral');
	});

	it('C3/C8: StartEngagementByAcceptingInvitationTask with the same ClientToken returns the same task', async () => {
		const inv = await admin<{ Id: string }>(pc, 'POST', '/invitations', { catalog: 'AWS', opportunity: fullOpportunity(pc) });
		const a = await client.send(new sdk.StartEngagementByAcceptingInvitationTaskCommand({ Catalog: 'AWS', Identifier: inv.Id, ClientToken: 'same-accept' }));
		const b = await client.send(new sdk.StartEngagementByAcceptingInvitationTaskCommand({ Catalog: 'AWS', Identifier: inv.Id, ClientToken: 'same-accept' }));
		expect(b.TaskId).toBe(a.TaskId);
	});

	it('C8: RejectEngagementInvitation makes the opportunity data inaccessible', async () => {
		const inv = await admin<{ Id: string }>(pc, 'POST', '/invitations', { catalog: 'AWS', opportunity: fullOpportunity(pc) });
		await client.send(new sdk.RejectEngagementInvitationCommand({ Catalog: 'AWS', Identifier: inv.Id, RejectionReason: 'Customer problem unclear' }));
		const g = await client.send(new sdk.GetEngagementInvitationCommand({ Catalog: 'AWS', Identifier: inv.Id }));
		expect(g.Status).toBe('REJECTED');
		expect(g.Payload).toBeUndefined();
		expect((await errorOf(client.send(new sdk.AcceptEngagementInvitationCommand({ Catalog: 'AWS', Identifier: inv.Id })))).name).toBe('ConflictException');
	});

	it('A/C8: invitations expire after 15 simulated days and emit Engagement Invitation Expired', async () => {
		const inv = await admin<{ Id: string }>(pc, 'POST', '/invitations', { catalog: 'AWS', opportunity: fullOpportunity(pc) });
		await admin(pc, 'POST', '/clock/advance', { days: 15 });
		const g = await client.send(new sdk.GetEngagementInvitationCommand({ Catalog: 'AWS', Identifier: inv.Id }));
		expect(g.Status).toBe('EXPIRED');
		expect(pc.sim.events.emitted.some((e) => e['detail-type'] === 'Engagement Invitation Expired' && (e.detail.engagementInvitation as { id: string }).id === inv.Id)).toBe(true);
	});

	it('C2 (engagement contexts): UpdateEngagementContext with a stale EngagementLastModifiedAt -> ConflictException', async () => {
		const e = await client.send(new sdk.CreateEngagementCommand({ Catalog: 'AWS', ClientToken: 'e-lock', Title: 'Lock test' }));
		const payload = { CustomerProject: { Customer: { Industry: 'Retail' as const, CompanyName: 'Acme', WebsiteUrl: 'https://acme.example.com', CountryCode: 'US' as const }, Project: { Title: 'P', BusinessProblem: 'A business problem of twenty+ chars', TargetCompletionDate: futureDate(pc) } } };
		const c = await client.send(new sdk.CreateEngagementContextCommand({ Catalog: 'AWS', ClientToken: 'c-lock', EngagementIdentifier: e.Id!, Type: 'CustomerProject', Payload: payload }));
		await client.send(new sdk.UpdateEngagementContextCommand({ Catalog: 'AWS', EngagementIdentifier: e.Id!, ContextIdentifier: c.ContextId!, EngagementLastModifiedAt: c.EngagementLastModifiedAt!, Type: 'CustomerProject', Payload: payload }));
		const err = await errorOf(client.send(new sdk.UpdateEngagementContextCommand({ Catalog: 'AWS', EngagementIdentifier: e.Id!, ContextIdentifier: c.ContextId!, EngagementLastModifiedAt: c.EngagementLastModifiedAt!, Type: 'CustomerProject', Payload: payload })));
		expect(err.name).toBe('ConflictException');
	});

	it('A (DeleteResourceSnapshotJob): a running job must be stopped before deletion', async () => {
		const id = await create();
		const t = await submitAndWait(id);
		const err = await errorOf(client.send(new sdk.DeleteResourceSnapshotJobCommand({ Catalog: 'AWS', ResourceSnapshotJobIdentifier: t.ResourceSnapshotJobId! })));
		expect(err.name).toBe('ConflictException');
	});

	it('C8 best practices: ListOpportunities AfterLastModifiedDate returns only later changes; pagination is stable while records change', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) ids.push(await create('Sandbox'));
		const page1 = await client.send(new sdk.ListOpportunitiesCommand({ Catalog: 'Sandbox', MaxResults: 2, Identifier: ids }));
		expect(page1.OpportunitySummaries).toHaveLength(2);
		// A record on a later page changes (moving to the top of LastModifiedDate order) between pages.
		const last = ids[0];
		const mark = (await get(ids[4], 'Sandbox')).LastModifiedDate!;
		await update(last, (b) => (b.Project.Title = 'Touched'), 'Sandbox');
		const seen = [...page1.OpportunitySummaries!.map((o) => o.Id!)];
		let next = page1.NextToken;
		while (next) {
			const p = await client.send(new sdk.ListOpportunitiesCommand({ Catalog: 'Sandbox', MaxResults: 2, Identifier: ids, NextToken: next }));
			seen.push(...p.OpportunitySummaries!.map((o) => o.Id!));
			next = p.NextToken;
		}
		expect([...seen].sort()).toEqual([...ids].sort());
		const after = await client.send(new sdk.ListOpportunitiesCommand({ Catalog: 'Sandbox', LastModifiedDate: { AfterLastModifiedDate: mark } }));
		expect(after.OpportunitySummaries?.map((o) => o.Id)).toEqual([last]);
	});

	it('C4.6: a Partner Central UI edit (admin) changes the record and emits Opportunity Updated', async () => {
		const id = await create();
		const before = (await get(id)).LastModifiedDate!;
		await admin(pc, 'POST', '/opportunities/edit', { identifier: id, changes: { LifeCycle: { NextSteps: 'Edited in the UI' } } });
		const o = await get(id);
		expect(o.LifeCycle?.NextSteps).toBe('Edited in the UI');
		expect(o.LastModifiedDate!.getTime()).toBeGreaterThan(before.getTime());
		const last = pc.sim.events.emitted[pc.sim.events.emitted.length - 1];
		expect(last).toMatchObject({ 'detail-type': 'Opportunity Updated', detail: { opportunity: { identifier: id } } });
	});
	it('C6: OtherCompetitorNames is required with, and only allowed with, CompetitorName *Other', async () => {
		const base = fullOpportunity(pc);
		let e = await errorOf(create('AWS', { Project: { ...base.Project, CompetitorName: '*Other' } }));
		expect(e.ErrorList[0]).toMatchObject({ FieldName: 'Project.OtherCompetitorNames', Code: 'REQUIRED_FIELD_MISSING' });
		e = await errorOf(create('AWS', { Project: { ...base.Project, CompetitorName: 'Akamai', OtherCompetitorNames: 'Someone' } }));
		expect(e.ErrorList[0]).toMatchObject({ FieldName: 'Project.OtherCompetitorNames', Code: 'INVALID_VALUE' });
		await create('AWS', { Project: { ...base.Project, CompetitorName: '*Other', OtherCompetitorNames: 'Someone' } });
	});

	it('C5/C7: AssociateOpportunity Solutions must exist in the catalog and be Active', async () => {
		const id = await create();
		const missing = await errorOf(client.send(new sdk.AssociateOpportunityCommand({ Catalog: 'AWS', OpportunityIdentifier: id, RelatedEntityType: 'Solutions', RelatedEntityIdentifier: 'S-1234567' })));
		expect(missing.name).toBe('ResourceNotFoundException');
		const inactive = await errorOf(client.send(new sdk.AssociateOpportunityCommand({ Catalog: 'AWS', OpportunityIdentifier: id, RelatedEntityType: 'Solutions', RelatedEntityIdentifier: 'S-0000003' })));
		expect(inactive.ErrorList[0].Code).toBe('INVALID_RESOURCE_STATE');
		const notLinked = await errorOf(client.send(new sdk.DisassociateOpportunityCommand({ Catalog: 'AWS', OpportunityIdentifier: id, RelatedEntityType: 'Solutions', RelatedEntityIdentifier: 'S-0000001' })));
		expect(notLinked.name).toBe('ResourceNotFoundException');
	});

	it('C6: a Closed Lost opportunity is not suitable for submission (SubmitOpportunity -> BUSINESS_VALIDATION_FAILED)', async () => {
		const base = fullOpportunity(pc);
		const id = await create('AWS', { LifeCycle: { ...base.LifeCycle, Stage: 'Closed Lost', ClosedLostReason: 'Price' } });
		await client.send(new sdk.AssociateOpportunityCommand({ Catalog: 'AWS', OpportunityIdentifier: id, RelatedEntityType: 'Solutions', RelatedEntityIdentifier: 'S-0000001' }));
		const e = await errorOf(client.send(new sdk.SubmitOpportunityCommand({ Catalog: 'AWS', Identifier: id, InvolvementType: 'Co-Sell' })));
		expect(e.Reason).toBe('BUSINESS_VALIDATION_FAILED');
		expect(e.ErrorList.map((x) => x.FieldName)).toContain('LifeCycle.Stage');
	});

	it('A (CreateEngagement): at most 5 contexts (model list limit, then ServiceQuotaExceeded on the 6th context); engagement data is only readable by members', async () => {
		const ctx = { Type: 'CustomerProject' as const, Payload: { CustomerProject: { Customer: { Industry: 'Retail' as const, CompanyName: 'Acme', WebsiteUrl: 'https://acme.example.com', CountryCode: 'US' as const } } } };
		const e = await errorOf(client.send(new sdk.CreateEngagementCommand({ Catalog: 'AWS', ClientToken: 'six', Title: 'Too many', Contexts: Array.from({ length: 6 }, () => ctx) })));
		expect(e.ErrorList[0]).toMatchObject({ FieldName: 'Contexts', Code: 'TOO_MANY_VALUES' });
		const five = await client.send(new sdk.CreateEngagementCommand({ Catalog: 'AWS', ClientToken: 'five', Title: 'Full', Contexts: Array.from({ length: 5 }, () => ctx) }));
		const sixth = await errorOf(client.send(new sdk.CreateEngagementContextCommand({ Catalog: 'AWS', ClientToken: 'sixth', EngagementIdentifier: five.Id!, Type: ctx.Type, Payload: ctx.Payload })));
		expect(sixth.name).toBe('ServiceQuotaExceededException');
		const inv = await admin<{ EngagementId: string }>(pc, 'POST', '/invitations', { catalog: 'AWS', opportunity: fullOpportunity(pc) });
		const denied = await errorOf(client.send(new sdk.GetEngagementCommand({ Catalog: 'AWS', Identifier: inv.EngagementId })));
		expect(denied.name).toBe('AccessDeniedException');
	});

	it('C7: StartProspectingFromEngagementTask has its own 2-per-second quota', async () => {
		const realTime = await startForTest({ timeScale: 1 });
		const c = clientFor(realTime, realTime.credentials, 1);
		try {
			const start = (n: number) => c.send(new sdk.StartProspectingFromEngagementTaskCommand({ Catalog: 'AWS', ClientToken: `p-${n}`, TaskName: `t${n}`, Identifiers: ['eng-aaaaaaaaaaaaaa'] }));
			await start(1);
			await start(2);
			expect((await errorOf(start(3))).name).toBe('ThrottlingException');
		} finally {
			c.destroy();
			await realTime.close();
		}
	});
	it('A (ListOpportunities): filters by stage, review status, company name, created/target-close dates; Sort and MaxResults', async () => {
		const base = fullOpportunity(pc);
		const mk = (name: string, stage: string, close: string) =>
			create('Sandbox', { Customer: { Account: { ...base.Customer.Account, CompanyName: name } }, LifeCycle: { Stage: stage, TargetCloseDate: close } });
		const start = new Date(pc.sim.now() - 1);
		const a = await mk('Zeta Filter Co', 'Prospect', futureDate(pc, 400));
		const b = await mk('Alpha Filter Co', 'Technical Validation', futureDate(pc, 500));
		const c = await mk('Mid Filter Co', 'Prospect', futureDate(pc, 600));
		const ids = [a, b, c];
		const q = async (extra: Partial<sdk.ListOpportunitiesCommandInput>) =>
			(await client.send(new sdk.ListOpportunitiesCommand({ Catalog: 'Sandbox', Identifier: ids, ...extra }))).OpportunitySummaries!.map((o) => o.Id);
		expect((await q({ LifeCycleStage: ['Prospect'] })).sort()).toEqual([a, c].sort());
		expect(await q({ CustomerCompanyName: ['alpha filter co'] })).toEqual([b]);
		expect(await q({ LifeCycleReviewStatus: ['Approved'] })).toEqual([]);
		expect((await q({ CreatedDate: { AfterCreatedDate: start } })).sort()).toEqual(ids.sort());
		expect(await q({ TargetCloseDate: { AfterTargetCloseDate: futureDate(pc, 550) } })).toEqual([c]);
		expect(await q({ Sort: { SortBy: 'CustomerCompanyName', SortOrder: 'ASCENDING' } })).toEqual([b, c, a]);
		expect(await q({ Sort: { SortBy: 'TargetCloseDate', SortOrder: 'DESCENDING' }, MaxResults: 1 })).toEqual([c]);
		const bad = await errorOf(client.send(new sdk.ListOpportunitiesCommand({ Catalog: 'Sandbox', NextToken: 'not-a-token' })));
		expect(bad.ErrorList[0].FieldName).toBe('NextToken');
	});
});
