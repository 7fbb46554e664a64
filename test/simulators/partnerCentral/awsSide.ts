/**
 * "Other side" actions driven through the admin API: what AWS reviewers, AWS sellers and Partner Central UI users
 * do. Each one changes state and emits the events of the matching scenario in reference section C8.
 */
import { businessError, notFound } from './errors';
import { insertOpportunity, REPLACEABLE } from './ops/opportunities';
import { AWS_ACCOUNT_ID, clone, type InvitationRecord, type Json, type OpportunityRecord } from './state';
import { type PcSim, stripUndefined } from './sim';

function find(sim: PcSim, identifier: string): OpportunityRecord {
	const opp = sim.state.opportunities[identifier];
	if (!opp) throw notFound('Opportunity', identifier);
	return opp;
}

function lc(opp: OpportunityRecord): Json {
	return ((opp.data.LifeCycle as Json | undefined) ?? (opp.data.LifeCycle = {})) as Json;
}

/** AWS review outcome for a submitted opportunity: Approved / Action Required (+ comments) / Rejected (C6, C8). */
export function setReviewOutcome(sim: PcSim, body: { identifier: string; outcome: string; comments?: string; reason?: string }): Json {
	const opp = find(sim, body.identifier);
	const current = lc(opp).ReviewStatus;
	if (!['Submitted', 'In review', 'Action Required'].includes(String(current))) {
		throw businessError('LifeCycle.ReviewStatus', 'INVALID_RESOURCE_STATE', `Opportunity ${opp.Id} is not under review (ReviewStatus ${String(current)}).`);
	}
	const invitation = Object.values(sim.state.invitations).find((i) => i.EngagementId === opp.engagementId && i.ReceiverAccountId === AWS_ACCOUNT_ID);
	const eng = opp.engagementId ? sim.state.engagements[opp.engagementId] : undefined;
	const life = lc(opp);
	if (body.outcome === 'Approved') {
		life.ReviewStatus = 'Approved';
		delete life.ReviewComments;
		if (body.reason) life.ReviewStatusReason = body.reason;
		if (invitation && invitation.Status === 'PENDING') {
			invitation.Status = 'ACCEPTED';
			sim.invitationEvent('Accepted', invitation);
		}
		if (eng) sim.addMember(eng, AWS_ACCOUNT_ID, 'AWS');
		opp.awsSummary = { LifeCycle: { Stage: 'Qualified' }, ...(opp.awsSummary ?? {}) };
	} else if (body.outcome === 'Action Required') {
		life.ReviewStatus = 'Action Required';
		life.ReviewComments = body.comments ?? 'Please review the highlighted fields.';
		if (body.reason) life.ReviewStatusReason = body.reason;
	} else if (body.outcome === 'Rejected') {
		life.ReviewStatus = 'Rejected';
		life.ReviewStatusReason = body.reason ?? body.comments ?? 'Rejected by AWS';
		if (body.comments) life.ReviewComments = body.comments;
		if (invitation && invitation.Status === 'PENDING') {
			invitation.Status = 'REJECTED';
			invitation.RejectionReason = life.ReviewStatusReason as string;
			sim.invitationEvent('Rejected', invitation);
		}
	} else {
		throw businessError('outcome', 'INVALID_ENUM_VALUE', 'outcome must be Approved, Action Required or Rejected');
	}
	opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
	sim.opportunityChanged(opp, AWS_ACCOUNT_ID);
	return { Id: opp.Id, ReviewStatus: life.ReviewStatus };
}

/** AWS-side summary (insights, AWS team, AWS stage, next steps, involvement type...): GetAwsOpportunitySummary. */
export function setAwsSummary(sim: PcSim, body: { identifier: string; summary: Json }): Json {
	const opp = find(sim, body.identifier);
	const s = clone(body.summary ?? {});
	const merged: Json = { ...(opp.awsSummary ?? {}), ...s };
	if (s.InvolvementType && opp.submission) opp.submission.InvolvementType = s.InvolvementType as string;
	if (s.Visibility && opp.submission) opp.submission.Visibility = s.Visibility as string;
	delete merged.InvolvementType;
	delete merged.Visibility;
	const aws = merged.LifeCycle as Json | undefined;
	const prev = (opp.awsSummary?.LifeCycle as Json | undefined) ?? {};
	if (aws?.NextSteps && aws.NextSteps !== prev.NextSteps) {
		const history = clone((prev.NextStepsHistory as Json[] | undefined) ?? []);
		history.push({ Value: aws.NextSteps, Time: new Date(sim.now()).toISOString() });
		aws.NextStepsHistory = history.slice(-50);
	}
	opp.awsSummary = merged;
	// C8: "Opportunity Updated" covers updates of the AWS Opportunity Summary too.
	opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
	sim.events.opportunity('Updated', opp.Catalog, opp.Id, opp.Arn);
	if (opp.engagementId && sim.state.engagements[opp.engagementId]) {
		sim.snapshot(sim.state.engagements[opp.engagementId], opp, 'AwsOpportunitySummaryFullView', AWS_ACCOUNT_ID);
	}
	return { Id: opp.Id, ...sim.awsSummaryView(opp) };
}

/** A Partner Central UI user edits the opportunity (deep-merge patch); emits Opportunity Updated (C4.6). */
export function uiEdit(sim: PcSim, body: { identifier: string; changes: Json }): Json {
	const opp = find(sim, body.identifier);
	const merge = (target: Json, patch: Json) => {
		for (const [k, v] of Object.entries(patch)) {
			if (v === null) delete target[k];
			else if (typeof v === 'object' && !Array.isArray(v) && typeof target[k] === 'object' && target[k] !== null && !Array.isArray(target[k])) merge(target[k] as Json, v as Json);
			else target[k] = clone(v);
		}
	};
	const patch: Json = {};
	for (const k of REPLACEABLE) if (body.changes[k] !== undefined) patch[k] = body.changes[k];
	merge(opp.data, patch);
	opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
	sim.opportunityChanged(opp);
	return { Id: opp.Id, LastModifiedDate: new Date(opp.LastModifiedDate).toISOString() };
}

export interface ReferralInput {
	catalog?: string;
	/** Full opportunity data (Customer, Project, LifeCycle, ...), as in CreateOpportunity. */
	opportunity: Json;
	receiverResponsibilities?: string[];
	senderContacts?: Json[];
	message?: string;
	engagementTitle?: string;
	/** Optional LeadInvitation instead of an opportunity. */
	payloadType?: 'OpportunityInvitation' | 'LeadInvitation';
}

/** AWS referral: engagement created by AWS + invitation to the partner; withheld fields only in the referral (C8). */
export function createReferral(sim: PcSim, body: ReferralInput): InvitationRecord {
	const catalog = body.catalog ?? 'AWS';
	const data = clone(body.opportunity ?? {}) as { Customer?: { Account?: Json; Contacts?: Json[] }; Project?: Json; LifeCycle?: Json };
	const a = data.Customer?.Account ?? {};
	const addr = (a.Address as Json | undefined) ?? {};
	const title = String(data.Project?.Title ?? 'AWS referral').slice(0, 40);
	const eng = sim.newEngagement(catalog, AWS_ACCOUNT_ID, title);
	eng.members.push({ AccountId: AWS_ACCOUNT_ID, CompanyName: 'AWS' });
	const customer = stripUndefined({ Industry: a.Industry, CompanyName: a.CompanyName, WebsiteUrl: a.WebsiteUrl, CountryCode: addr.CountryCode });
	eng.Contexts.push({
		Id: String(eng.nextContextId++),
		Type: 'CustomerProject',
		Payload: stripUndefined({ CustomerProject: { Customer: customer, Project: { Title: data.Project?.Title, BusinessProblem: data.Project?.CustomerBusinessProblem, TargetCompletionDate: data.LifeCycle?.TargetCloseDate } } }),
	});
	sim.engagementEvent('Created', eng);
	const payload =
		body.payloadType === 'LeadInvitation'
			? { LeadInvitation: { Customer: stripUndefined({ ...customer, CountryCode: addr.CountryCode }), Interaction: { ContactBusinessTitle: 'Unknown', SourceType: 'AWS' } } }
			: {
					OpportunityInvitation: stripUndefined({
						ReceiverResponsibilities: body.receiverResponsibilities ?? ['Services Partner'],
						SenderContacts: body.senderContacts ?? [{ Email: 'aws-seller@amazon.example', FirstName: 'Alex', LastName: 'Seller', BusinessTitle: 'AWSSalesRep' }],
						Customer: customer,
						Project: {
							Title: data.Project?.Title,
							BusinessProblem: data.Project?.CustomerBusinessProblem,
							TargetCompletionDate: data.LifeCycle?.TargetCloseDate,
							ExpectedCustomerSpend: data.Project?.ExpectedCustomerSpend ?? [],
						},
					}),
				};
	return sim.newInvitation({
		Catalog: catalog,
		EngagementId: eng.Id,
		EngagementTitle: eng.Title,
		PayloadType: body.payloadType ?? 'OpportunityInvitation',
		Payload: payload,
		SenderAwsAccountId: AWS_ACCOUNT_ID,
		SenderCompanyName: 'AWS',
		ReceiverAccountId: sim.state.partner.accountId,
		InvitationMessage: body.message ?? 'AWS would like to engage you on this opportunity.',
		referral: data as Json,
	});
}

/** Expires pending invitations now (all, or the given ids), as if 15 days had passed (C8). */
export function expireInvitations(sim: PcSim, ids?: string[]): string[] {
	const out: string[] = [];
	for (const inv of Object.values(sim.state.invitations)) {
		if (inv.Status !== 'PENDING' || (ids && !ids.includes(inv.Id))) continue;
		inv.ExpirationDate = Math.min(inv.ExpirationDate, sim.now());
		sim.expireIfDue(inv);
		out.push(inv.Id);
	}
	return out;
}

/** Seeds opportunities directly (no events), e.g. for demos: [{Catalog, ...CreateOpportunity fields, ReviewStatus?}]. */
export function seedOpportunities(sim: PcSim, list: Json[]): string[] {
	const ids: string[] = [];
	for (const item of list) {
		const catalog = (item.Catalog as string | undefined) ?? 'AWS';
		const data: Json = {};
		for (const k of REPLACEABLE) if (item[k] !== undefined) data[k] = clone(item[k]);
		const opp = insertOpportunity(sim, catalog, data, {
			Origin: (item.Origin as OpportunityRecord['Origin'] | undefined) ?? 'Partner Referral',
			OpportunityTeam: clone((item.OpportunityTeam as Json[] | undefined) ?? []),
		});
		const wanted = (item.LifeCycle as Json | undefined)?.ReviewStatus;
		if (wanted) (opp.data.LifeCycle as Json).ReviewStatus = wanted;
		if (item.RelatedEntityIdentifiers) Object.assign(opp.RelatedEntityIdentifiers, clone(item.RelatedEntityIdentifiers));
		if (item.awsSummary) opp.awsSummary = clone(item.awsSummary as Json);
		ids.push(opp.Id);
	}
	return ids;
}
