/** Engagement invitations (AWS referrals and partner invitations): sections A, C3, C8. */
import { conflict, PcError } from '../errors';
import { AWS_ACCOUNT_ID, clone, type InvitationRecord, iso, type Json } from '../state';
import { type PcSim, stripUndefined } from '../sim';
import { insertOpportunity } from './opportunities';
import { inList, paginate, sortBy } from './paginate';
import { createJob } from './snapshots';
import { failTask, listTasks, newTask, taskView } from './tasks';

function participant(sim: PcSim, inv: InvitationRecord): 'SENDER' | 'RECEIVER' | undefined {
	const me = sim.state.partner.accountId;
	if (inv.SenderAwsAccountId === me) return 'SENDER';
	if (inv.ReceiverAccountId === me) return 'RECEIVER';
	return undefined;
}

function summary(sim: PcSim, inv: InvitationRecord): Json {
	return stripUndefined({
		Arn: inv.Arn,
		PayloadType: inv.PayloadType,
		Id: inv.Id,
		EngagementId: inv.EngagementId,
		EngagementTitle: inv.EngagementTitle,
		Status: inv.Status,
		InvitationDate: iso(inv.InvitationDate),
		ExpirationDate: iso(inv.ExpirationDate),
		SenderAwsAccountId: inv.SenderAwsAccountId,
		SenderCompanyName: inv.SenderCompanyName,
		Receiver: { Account: { AwsAccountId: inv.ReceiverAccountId } },
		Catalog: inv.Catalog,
		ParticipantType: participant(sim, inv),
	});
}

function visible(sim: PcSim, catalog: string, id: string): InvitationRecord {
	const inv = sim.invitation(catalog, id);
	if (!participant(sim, inv)) throw new PcError('AccessDeniedException', `You are not a participant of invitation ${inv.Id}.`);
	return inv;
}

function asReceiver(sim: PcSim, catalog: string, id: string): InvitationRecord {
	const inv = visible(sim, catalog, id);
	if (participant(sim, inv) !== 'RECEIVER') throw new PcError('AccessDeniedException', `Only the receiver can respond to invitation ${inv.Id}.`);
	return inv;
}

export function ListEngagementInvitations(sim: PcSim, input: Json): Json {
	const order = ((input.Sort as Json | undefined)?.SortOrder as string | undefined) ?? 'DESCENDING';
	const compute = () => {
		const list = Object.values(sim.state.invitations).filter((inv) => {
			sim.expireIfDue(inv);
			return (
				inv.Catalog === input.Catalog &&
				participant(sim, inv) === input.ParticipantType &&
				inList(input.Status, inv.Status) &&
				inList(input.PayloadType, inv.PayloadType) &&
				inList(input.EngagementIdentifier, inv.EngagementId) &&
				inList(input.SenderAwsAccountId, inv.SenderAwsAccountId)
			);
		});
		return sortBy(list, (i) => i.InvitationDate, order, (i) => i.Id).map((i) => ({ id: i.Id, item: i }));
	};
	const page = paginate(input, 'ListEngagementInvitations', compute, (id) => sim.state.invitations[id], 20);
	return stripUndefined({ EngagementInvitationSummaries: page.items.map((i) => summary(sim, i)), NextToken: page.NextToken });
}

export function GetEngagementInvitation(sim: PcSim, input: Json): Json {
	const inv = visible(sim, input.Catalog as string, input.Identifier as string);
	const eng = sim.state.engagements[inv.EngagementId];
	const out: Json = {
		...summary(sim, inv),
		RejectionReason: inv.RejectionReason,
		InvitationMessage: inv.InvitationMessage,
		EngagementDescription: inv.EngagementDescription,
		ExistingMembers: (eng?.members ?? []).map((m) => ({ CompanyName: m.CompanyName, WebsiteUrl: m.WebsiteUrl })),
		EnrichmentContext: inv.EnrichmentContext,
	};
	delete out.ParticipantType;
	// C8: after a rejection the receiver loses access to the opportunity data.
	if (!(inv.Status === 'REJECTED' && participant(sim, inv) === 'RECEIVER')) out.Payload = clone(inv.Payload);
	return stripUndefined(out);
}

function accept(sim: PcSim, inv: InvitationRecord): void {
	inv.Status = 'ACCEPTED';
	sim.invitationEvent('Accepted', inv);
	const eng = sim.state.engagements[inv.EngagementId];
	const p = sim.state.partner;
	if (eng) sim.addMember(eng, p.accountId, p.companyName, p.websiteUrl);
}

export function AcceptEngagementInvitation(sim: PcSim, input: Json): Json {
	const inv = asReceiver(sim, input.Catalog as string, input.Identifier as string);
	if (inv.Status !== 'PENDING') throw conflict(`Invitation ${inv.Id} is ${inv.Status}; only PENDING invitations can be accepted.`);
	accept(sim, inv);
	return {};
}

export function RejectEngagementInvitation(sim: PcSim, input: Json): Json {
	const inv = asReceiver(sim, input.Catalog as string, input.Identifier as string);
	if (inv.Status !== 'PENDING') throw conflict(`Invitation ${inv.Id} is ${inv.Status}; only PENDING invitations can be rejected.`);
	inv.Status = 'REJECTED';
	inv.RejectionReason = input.RejectionReason as string | undefined;
	sim.invitationEvent('Rejected', inv);
	return {};
}

export function CreateEngagementInvitation(sim: PcSim, input: Json): Json {
	return sim.idempotent('CreateEngagementInvitation', input, () => {
		const catalog = input.Catalog as string;
		const eng = sim.engagement(catalog, input.EngagementIdentifier as string);
		if (!sim.isMember(eng)) throw new PcError('AccessDeniedException', `You are not a member of engagement ${eng.Id}.`);
		const invitation = input.Invitation as { Message: string; Receiver: { Account: { AwsAccountId: string } }; Payload: Json };
		const receiver = invitation.Receiver.Account.AwsAccountId;
		const dup = Object.values(sim.state.invitations).find((i) => i.EngagementId === eng.Id && i.ReceiverAccountId === receiver && i.Status === 'PENDING');
		if (dup) throw conflict(`A pending invitation for ${receiver} already exists in engagement ${eng.Id}: ${dup.Id}.`);
		const p = sim.state.partner;
		const inv = sim.newInvitation({
			Catalog: catalog,
			EngagementId: eng.Id,
			EngagementTitle: eng.Title,
			EngagementDescription: eng.Description,
			PayloadType: invitation.Payload.LeadInvitation ? 'LeadInvitation' : 'OpportunityInvitation',
			Payload: clone(invitation.Payload),
			SenderAwsAccountId: p.accountId,
			SenderCompanyName: p.companyName,
			ReceiverAccountId: receiver,
			InvitationMessage: invitation.Message,
		});
		return { Id: inv.Id, Arn: inv.Arn };
	});
}

/** Partner opportunity data from the invitation: the full referral when AWS provided one (withheld fields included). */
function opportunityDataFor(inv: InvitationRecord): Json {
	if (inv.referral) return clone(inv.referral);
	const payload = (inv.Payload.OpportunityInvitation ?? inv.Payload.LeadInvitation) as Json | undefined;
	const c = (payload?.Customer as Json | undefined) ?? {};
	const pr = (payload?.Project as Json | undefined) ?? {};
	return stripUndefined({
		Customer: { Account: { Industry: c.Industry, CompanyName: c.CompanyName, WebsiteUrl: c.WebsiteUrl, Address: { CountryCode: c.CountryCode } } },
		Project: { Title: pr.Title, CustomerBusinessProblem: pr.BusinessProblem, ExpectedCustomerSpend: pr.ExpectedCustomerSpend },
		LifeCycle: { TargetCloseDate: pr.TargetCompletionDate },
	});
}

export function StartEngagementByAcceptingInvitationTask(sim: PcSim, input: Json): Json {
	return sim.idempotent('StartEngagementByAcceptingInvitationTask', input, () => {
		const catalog = input.Catalog as string;
		const inv = asReceiver(sim, catalog, input.Identifier as string);
		const task = newTask(sim, 'EngagementByAcceptingInvitation', catalog, { EngagementInvitationId: inv.Id, Tags: clone((input.Tags as never) ?? []) });
		sim.scheduler.after(sim.config.taskDurationMs, () => {
			sim.expireIfDue(inv);
			if (inv.opportunityId) {
				failTask(task, 'EngagementInvitationConflict', `Invitation ${inv.Id} was already accepted into opportunity ${inv.opportunityId}.`);
				return;
			}
			if (inv.Status !== 'PENDING' && inv.Status !== 'ACCEPTED') {
				failTask(task, 'InvitationValidationFailed', `Invitation ${inv.Id} is ${inv.Status} and can no longer be accepted.`);
				return;
			}
			if (inv.Status === 'PENDING') accept(sim, inv);
			const p = sim.state.partner;
			const fromAws = inv.SenderAwsAccountId === AWS_ACCOUNT_ID;
			const opp = insertOpportunity(sim, catalog, opportunityDataFor(inv), { Origin: fromAws ? 'AWS Referral' : 'Partner Referral', invitationId: inv.Id });
			(opp.data.LifeCycle as Json).ReviewStatus = 'Approved';
			opp.engagementId = inv.EngagementId;
			inv.opportunityId = opp.Id;
			opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
			sim.opportunityChanged(opp);
			const eng = sim.state.engagements[inv.EngagementId];
			if (eng) {
				const job = createJob(sim, eng, opp.Id, 'OpportunitySummaryView');
				job.Status = 'Running';
				sim.snapshot(eng, opp, 'OpportunitySummaryView', p.accountId);
				job.LastSuccessfulExecutionDate = sim.now();
				task.ResourceSnapshotJobId = job.Id;
			}
			task.OpportunityId = opp.Id;
			task.TaskStatus = 'COMPLETE';
			task.Message = `Invitation accepted; opportunity ${opp.Id} created.`;
		});
		return taskView(task);
	});
}

export function ListEngagementByAcceptingInvitationTasks(sim: PcSim, input: Json): Json {
	return listTasks(sim, input, 'EngagementByAcceptingInvitation', 'ListEngagementByAcceptingInvitationTasks');
}
