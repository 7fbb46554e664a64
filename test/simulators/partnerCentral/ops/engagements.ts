/** Engagements, contexts, members, resource associations and the engagement/opportunity tasks (sections A, C6, C8). */
import { conflict, notFound, PcError } from '../errors';
import { submissionErrors } from '../rules/business';
import { AWS_ACCOUNT_ID, clone, iso, type EngagementRecord, type Json, type OpportunityRecord } from '../state';
import { type PcSim, stripUndefined } from '../sim';
import { insertOpportunity, submit } from './opportunities';
import { inList, paginate, sortBy } from './paginate';
import { createJob } from './snapshots';
import { failTask, listTasks, newTask, taskView } from './tasks';

const MAX_CONTEXTS = 5;

function contextTypes(eng: EngagementRecord): string[] {
	return [...new Set(eng.Contexts.map((c) => c.Type))];
}

function requireMember(sim: PcSim, eng: EngagementRecord): void {
	if (!sim.isMember(eng)) throw new PcError('AccessDeniedException', `You are not a member of engagement ${eng.Id}.`);
}

export function CreateEngagement(sim: PcSim, input: Json): Json {
	return sim.idempotent('CreateEngagement', input, () => {
		const contexts = (input.Contexts as Json[] | undefined) ?? [];
		if (contexts.length > MAX_CONTEXTS) throw new PcError('ServiceQuotaExceededException', `An engagement can have at most ${MAX_CONTEXTS} contexts.`);
		const p = sim.state.partner;
		const eng = sim.newEngagement(input.Catalog as string, p.accountId, input.Title as string | undefined, input.Description as string | undefined);
		for (const c of contexts) eng.Contexts.push({ Id: String(eng.nextContextId++), Type: c.Type as string, Payload: clone((c.Payload as Json) ?? {}) });
		sim.engagementEvent('Created', eng);
		sim.addMember(eng, p.accountId, p.companyName, p.websiteUrl);
		return { Id: eng.Id, Arn: eng.Arn, ModifiedAt: iso(eng.ModifiedAt) };
	});
}

export function GetEngagement(sim: PcSim, input: Json): Json {
	const eng = sim.engagement(input.Catalog as string, input.Identifier as string);
	requireMember(sim, eng);
	return stripUndefined({
		Id: eng.Id,
		Arn: eng.Arn,
		Title: eng.Title,
		Description: eng.Description,
		CreatedAt: iso(eng.CreatedAt),
		CreatedBy: eng.CreatedBy,
		MemberCount: eng.members.length,
		ModifiedAt: iso(eng.ModifiedAt),
		ModifiedBy: eng.ModifiedBy,
		Contexts: eng.Contexts,
	});
}

export function ListEngagements(sim: PcSim, input: Json): Json {
	const order = ((input.Sort as Json | undefined)?.SortOrder as string | undefined) ?? 'DESCENDING';
	const compute = () => {
		const list = Object.values(sim.state.engagements).filter((e) => {
			const types = contextTypes(e);
			const has = (f: unknown) => Array.isArray(f) && f.length > 0 && f.some((t) => types.includes(t as string));
			return (
				e.Catalog === input.Catalog &&
				sim.isMember(e) &&
				inList(input.CreatedBy, e.CreatedBy) &&
				!(Array.isArray(input.ExcludeCreatedBy) && input.ExcludeCreatedBy.includes(e.CreatedBy)) &&
				(!Array.isArray(input.ContextTypes) || input.ContextTypes.length === 0 || has(input.ContextTypes)) &&
				!has(input.ExcludeContextTypes) &&
				inList(input.EngagementIdentifier, e.Id)
			);
		});
		return sortBy(list, (e) => e.CreatedAt, order, (e) => e.Id).map((e) => ({ id: e.Id, item: e }));
	};
	const page = paginate(input, 'ListEngagements', compute, (id) => sim.state.engagements[id], 20);
	return stripUndefined({
		EngagementSummaryList: page.items.map((e) => ({
			Arn: e.Arn,
			Id: e.Id,
			Title: e.Title,
			CreatedAt: iso(e.CreatedAt),
			CreatedBy: e.CreatedBy,
			MemberCount: e.members.length,
			ModifiedAt: iso(e.ModifiedAt),
			ModifiedBy: e.ModifiedBy,
			ContextTypes: contextTypes(e),
		})),
		NextToken: page.NextToken,
	});
}

export function CreateEngagementContext(sim: PcSim, input: Json): Json {
	return sim.idempotent('CreateEngagementContext', input, () => {
		const eng = sim.engagement(input.Catalog as string, input.EngagementIdentifier as string);
		requireMember(sim, eng);
		if (eng.Contexts.length >= MAX_CONTEXTS) throw new PcError('ServiceQuotaExceededException', `An engagement can have at most ${MAX_CONTEXTS} contexts.`);
		const payload = input.Payload as Json;
		if (!payload[input.Type as string]) {
			throw new PcError('ValidationException', `Payload must contain ${String(input.Type)} for context Type ${String(input.Type)}.`, {
				Reason: 'REQUEST_VALIDATION_FAILED',
				ErrorList: [{ FieldName: 'Payload', Message: 'Payload member must match Type.', Code: 'INVALID_VALUE' }],
			});
		}
		const ctx = { Id: String(eng.nextContextId++), Type: input.Type as string, Payload: clone(payload) };
		eng.Contexts.push(ctx);
		eng.ModifiedAt = sim.nextModified(eng.ModifiedAt);
		eng.ModifiedBy = sim.state.partner.accountId;
		sim.engagementEvent('Updated', eng);
		return { EngagementId: eng.Id, EngagementArn: eng.Arn, EngagementLastModifiedAt: iso(eng.ModifiedAt), ContextId: ctx.Id };
	});
}

export function UpdateEngagementContext(sim: PcSim, input: Json): Json {
	const eng = sim.engagement(input.Catalog as string, input.EngagementIdentifier as string);
	requireMember(sim, eng);
	const ctx = eng.Contexts.find((c) => c.Id === input.ContextIdentifier);
	if (!ctx) throw notFound('Engagement context', String(input.ContextIdentifier));
	// C2 last bullet: optimistic lock on EngagementLastModifiedAt
	const sent = Date.parse(String(input.EngagementLastModifiedAt));
	if (sent !== eng.ModifiedAt) {
		throw conflict(`Engagement ${eng.Id} was modified at ${iso(eng.ModifiedAt)}; EngagementLastModifiedAt is stale. Fetch the engagement and retry.`);
	}
	if (ctx.Type !== input.Type) throw conflict(`Context ${ctx.Id} has type ${ctx.Type}; it cannot be changed to ${String(input.Type)}.`);
	const payload = clone(input.Payload as Json);
	if (payload.Lead) {
		// UpdateLeadContext carries a single Interaction: appended to the stored interactions.
		const lead = payload.Lead as Json;
		const old = (ctx.Payload.Lead as Json | undefined) ?? {};
		const interactions = clone((old.Interactions as Json[] | undefined) ?? []);
		if (lead.Interaction) interactions.push(lead.Interaction as Json);
		delete lead.Interaction;
		payload.Lead = { ...lead, Interactions: interactions };
	}
	ctx.Payload = payload;
	eng.ModifiedAt = sim.nextModified(eng.ModifiedAt);
	eng.ModifiedBy = sim.state.partner.accountId;
	sim.engagementEvent('Updated', eng);
	return { EngagementId: eng.Id, EngagementArn: eng.Arn, EngagementLastModifiedAt: iso(eng.ModifiedAt), ContextId: ctx.Id };
}

export function ListEngagementMembers(sim: PcSim, input: Json): Json {
	const eng = sim.engagement(input.Catalog as string, input.Identifier as string);
	requireMember(sim, eng);
	const page = paginate(
		input,
		`ListEngagementMembers:${eng.Id}`,
		() => eng.members.map((m) => ({ id: m.AccountId, item: m })),
		(id) => eng.members.find((m) => m.AccountId === id),
		10,
	);
	return stripUndefined({
		EngagementMemberList: page.items.map((m) => ({ CompanyName: m.CompanyName, WebsiteUrl: m.WebsiteUrl, AccountId: m.AccountId })),
		NextToken: page.NextToken,
	});
}

export function ListEngagementResourceAssociations(sim: PcSim, input: Json): Json {
	const rows = () =>
		Object.values(sim.state.engagements)
			.filter((e) => e.Catalog === input.Catalog && sim.isMember(e) && (!input.EngagementIdentifier || e.Id === input.EngagementIdentifier))
			.flatMap((e) =>
				e.resources
					.filter(
						(r) =>
							(!input.ResourceType || r.ResourceType === input.ResourceType) &&
							(!input.ResourceIdentifier || r.ResourceId === input.ResourceIdentifier) &&
							(!input.CreatedBy || r.CreatedBy === input.CreatedBy),
					)
					.map((r) => ({ id: `${e.Id}|${r.ResourceId}`, item: { Catalog: e.Catalog, EngagementId: e.Id, ...r } })),
			);
	const page = paginate(input, 'ListEngagementResourceAssociations', rows, (id) => rows().find((r) => r.id === id)?.item, 20);
	return stripUndefined({ EngagementResourceAssociationSummaries: page.items, NextToken: page.NextToken });
}

/** The CustomerProject context AWS builds from a partner opportunity. */
function customerProjectFrom(opp: OpportunityRecord): Json {
	const d = opp.data as { Customer?: { Account?: Json }; Project?: Json; LifeCycle?: Json };
	const a = d.Customer?.Account ?? {};
	return stripUndefined({
		CustomerProject: {
			Customer: {
				Industry: a.Industry,
				CompanyName: a.CompanyName,
				WebsiteUrl: a.WebsiteUrl,
				CountryCode: (a.Address as Json | undefined)?.CountryCode,
			},
			Project: {
				Title: d.Project?.Title,
				BusinessProblem: d.Project?.CustomerBusinessProblem,
				TargetCompletionDate: d.LifeCycle?.TargetCloseDate,
			},
		},
	});
}

export function StartEngagementFromOpportunityTask(sim: PcSim, input: Json): Json {
	return sim.idempotent('StartEngagementFromOpportunityTask', input, () => {
		const catalog = input.Catalog as string;
		const opp = sim.opportunity(catalog, input.Identifier as string);
		const submission = input.AwsSubmission as { InvolvementType: string; Visibility?: string };
		const task = newTask(sim, 'EngagementFromOpportunity', catalog, { OpportunityId: opp.Id, Tags: clone((input.Tags as never) ?? []) });
		sim.scheduler.after(sim.config.taskDurationMs, () => runEngagementFromOpportunity(sim, task.TaskId, submission));
		return taskView(task);
	});
}

function runEngagementFromOpportunity(sim: PcSim, taskId: string, submission: { InvolvementType: string; Visibility?: string }): void {
	const task = sim.state.tasks[taskId];
	const opp = task && sim.state.opportunities[task.OpportunityId!];
	if (!task || !opp) return;
	const lc = (opp.data.LifeCycle as Json | undefined) ?? {};
	if (lc.ReviewStatus !== 'Pending Submission') {
		failTask(task, 'OpportunitySubmissionFailed', `Opportunity ${opp.Id} cannot be submitted while its ReviewStatus is ${String(lc.ReviewStatus)}.`);
		return;
	}
	const errors = submissionErrors(opp.data, opp.RelatedEntityIdentifiers, submission.InvolvementType);
	if (errors.length) {
		failTask(task, 'OpportunityValidationFailed', errors.map((e) => `${e.FieldName}: ${e.Message}`).join(' '));
		return;
	}
	const p = sim.state.partner;
	let eng = opp.engagementId ? sim.state.engagements[opp.engagementId] : undefined;
	const created = !eng;
	if (!eng) {
		const title = String(((opp.data.Project as Json | undefined)?.Title as string | undefined) ?? opp.Id).slice(0, 40);
		eng = sim.newEngagement(opp.Catalog, p.accountId, title);
		eng.Contexts.push({ Id: String(eng.nextContextId++), Type: 'CustomerProject', Payload: customerProjectFrom(opp) });
		opp.engagementId = eng.Id;
	}
	submit(sim, opp, submission.InvolvementType, submission.Visibility);
	sim.opportunityChanged(opp);
	if (created) sim.engagementEvent('Created', eng);
	const job = createJob(sim, eng, opp.Id, 'OpportunitySummaryView');
	job.Status = 'Running';
	sim.snapshot(eng, opp, 'OpportunitySummaryView', p.accountId);
	job.LastSuccessfulExecutionDate = sim.now();
	sim.addMember(eng, p.accountId, p.companyName, p.websiteUrl);
	let invitation = Object.values(sim.state.invitations).find((i) => i.EngagementId === eng.Id && i.ReceiverAccountId === AWS_ACCOUNT_ID);
	if (!invitation) {
		const d = opp.data as { Customer?: { Account?: Json }; Project?: Json; LifeCycle?: Json };
		const cp = customerProjectFrom(opp).CustomerProject as Json;
		invitation = sim.newInvitation({
			Catalog: opp.Catalog,
			EngagementId: eng.Id,
			EngagementTitle: eng.Title,
			PayloadType: 'OpportunityInvitation',
			Payload: {
				OpportunityInvitation: stripUndefined({
					ReceiverResponsibilities: ['Co-Sell Facilitator'],
					Customer: cp.Customer,
					Project: { ...(cp.Project as Json), ExpectedCustomerSpend: d.Project?.ExpectedCustomerSpend ?? [] },
					SenderContacts: opp.OpportunityTeam.filter((c) => c.Email).map((c) => ({ ...c })),
				}),
			},
			SenderAwsAccountId: p.accountId,
			SenderCompanyName: p.companyName,
			ReceiverAccountId: AWS_ACCOUNT_ID,
			InvitationMessage: `Co-sell request for ${opp.Id}`,
		});
	}
	task.TaskStatus = 'COMPLETE';
	task.EngagementId = eng.Id;
	task.EngagementInvitationId = invitation.Id;
	task.ResourceSnapshotJobId = job.Id;
	task.Message = 'Opportunity submitted to AWS.';
}

export function ListEngagementFromOpportunityTasks(sim: PcSim, input: Json): Json {
	return listTasks(sim, input, 'EngagementFromOpportunity', 'ListEngagementFromOpportunityTasks');
}

/** Creates a partner opportunity from an engagement context (Lead or CustomerProject), asynchronously. */
export function StartOpportunityFromEngagementTask(sim: PcSim, input: Json): Json {
	return sim.idempotent('StartOpportunityFromEngagementTask', input, () => {
		const catalog = input.Catalog as string;
		const eng = sim.engagement(catalog, input.Identifier as string);
		requireMember(sim, eng);
		const ctx = eng.Contexts.find((c) => c.Id === input.ContextIdentifier);
		if (!ctx) throw notFound('Engagement context', String(input.ContextIdentifier));
		const task = newTask(sim, 'OpportunityFromEngagement', catalog, { EngagementId: eng.Id, ContextId: ctx.Id, Tags: clone((input.Tags as never) ?? []) });
		sim.scheduler.after(sim.config.taskDurationMs, () => {
			if (ctx.Type === 'ProspectingResult') {
				failTask(task, 'ContextNotFound', 'A ProspectingResult context cannot be converted into an opportunity.');
				return;
			}
			if (ctx.Type === 'CustomerProject' && eng.resources.length > 0) {
				failTask(task, 'CustomerProjectContextNotPermitted', 'The engagement already has an opportunity for its CustomerProject context.');
				return;
			}
			const data: Json = {};
			if (ctx.Type === 'Lead') {
				const c = ((ctx.Payload.Lead as Json | undefined)?.Customer as Json | undefined) ?? {};
				const addr = (c.Address as Json | undefined) ?? {};
				data.Customer = stripUndefined({
					Account: { CompanyName: c.CompanyName, WebsiteUrl: c.WebsiteUrl, Address: { City: addr.City, PostalCode: addr.PostalCode, StateOrRegion: addr.StateOrRegion, CountryCode: addr.CountryCode } },
				});
			} else {
				const cp = (ctx.Payload.CustomerProject as Json | undefined) ?? {};
				const c = (cp.Customer as Json | undefined) ?? {};
				const pr = (cp.Project as Json | undefined) ?? {};
				data.Customer = stripUndefined({ Account: { Industry: c.Industry, CompanyName: c.CompanyName, WebsiteUrl: c.WebsiteUrl, Address: { CountryCode: c.CountryCode } } });
				data.Project = stripUndefined({ Title: pr.Title, CustomerBusinessProblem: pr.BusinessProblem });
				data.LifeCycle = stripUndefined({ TargetCloseDate: pr.TargetCompletionDate });
			}
			const opp = insertOpportunity(sim, catalog, data);
			opp.engagementId = eng.Id;
			sim.linkResource(eng, opp.Id, sim.state.partner.accountId);
			task.OpportunityId = opp.Id;
			task.TaskStatus = 'COMPLETE';
			task.Message = `Opportunity ${opp.Id} created from context ${ctx.Id}.`;
		});
		return taskView(task);
	});
}

export function ListOpportunityFromEngagementTasks(sim: PcSim, input: Json): Json {
	return listTasks(sim, input, 'OpportunityFromEngagement', 'ListOpportunityFromEngagementTasks');
}
