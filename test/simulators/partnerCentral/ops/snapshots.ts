/** Resource snapshots and snapshot jobs (section A; events C8). */
import { randomId } from '../../common/http';
import { conflict, notFound, PcError } from '../errors';
import { clone, type EngagementRecord, iso, type Json, snapshotJobArn, type SnapshotJobRecord } from '../state';
import { type PcSim, stripUndefined } from '../sim';
import { paginate, sortBy } from './paginate';

/** Template names seen in the docs (C8 / B): shared summary and the AWS full view (visible to the owner only). */
export const TEMPLATES = ['OpportunitySummaryView', 'AwsOpportunitySummaryFullView'];

function checkTemplate(name: string): void {
	if (!TEMPLATES.includes(name)) throw notFound('Resource snapshot template', name);
}

export function createJob(sim: PcSim, eng: EngagementRecord, opportunityId: string, template: string, tags: Json[] = []): SnapshotJobRecord {
	const existing = Object.values(sim.state.snapshotJobs).find(
		(j) => j.EngagementId === eng.Id && j.ResourceId === opportunityId && j.ResourceSnapshotTemplateName === template,
	);
	if (existing) return existing;
	const id = `job-${randomId(13)}`;
	const job: SnapshotJobRecord = {
		Catalog: eng.Catalog,
		Id: id,
		Arn: snapshotJobArn(eng.Catalog, id),
		EngagementId: eng.Id,
		ResourceType: 'Opportunity',
		ResourceId: opportunityId,
		ResourceSnapshotTemplateName: template,
		CreatedAt: sim.now(),
		Status: 'Stopped',
		Tags: clone(tags) as SnapshotJobRecord['Tags'],
	};
	sim.state.snapshotJobs[id] = job;
	return job;
}

function memberEngagement(sim: PcSim, catalog: string, id: string): EngagementRecord {
	const eng = sim.engagement(catalog, id);
	if (!sim.isMember(eng)) throw new PcError('AccessDeniedException', `You are not a member of engagement ${eng.Id}.`);
	return eng;
}

export function CreateResourceSnapshot(sim: PcSim, input: Json): Json {
	return sim.idempotent('CreateResourceSnapshot', input, () => {
		const catalog = input.Catalog as string;
		const eng = memberEngagement(sim, catalog, input.EngagementIdentifier as string);
		const opp = sim.opportunity(catalog, input.ResourceIdentifier as string);
		const template = input.ResourceSnapshotTemplateIdentifier as string;
		checkTemplate(template);
		const snap = sim.snapshot(eng, opp, template, sim.state.partner.accountId);
		return { Arn: snap.Arn, Revision: snap.Revision };
	});
}

export function GetResourceSnapshot(sim: PcSim, input: Json): Json {
	const catalog = input.Catalog as string;
	const eng = memberEngagement(sim, catalog, input.EngagementIdentifier as string);
	const list = sim.state.snapshots.filter(
		(s) => s.EngagementId === eng.Id && s.ResourceId === input.ResourceIdentifier && s.ResourceSnapshotTemplateName === input.ResourceSnapshotTemplateIdentifier,
	);
	const snap = input.Revision !== undefined ? list.find((s) => s.Revision === input.Revision) : list[list.length - 1];
	if (!snap) throw notFound('Resource snapshot', `${String(input.ResourceIdentifier)}/${String(input.ResourceSnapshotTemplateIdentifier)}`);
	return stripUndefined({
		Catalog: snap.Catalog,
		Arn: snap.Arn,
		CreatedBy: snap.CreatedBy,
		CreatedAt: iso(snap.CreatedAt),
		EngagementId: snap.EngagementId,
		ResourceType: snap.ResourceType,
		ResourceId: snap.ResourceId,
		ResourceSnapshotTemplateName: snap.ResourceSnapshotTemplateName,
		Revision: snap.Revision,
		Payload: snap.Payload,
		TargetMemberAccounts: snap.TargetMemberAccounts,
	});
}

export function ListResourceSnapshots(sim: PcSim, input: Json): Json {
	const catalog = input.Catalog as string;
	const eng = memberEngagement(sim, catalog, input.EngagementIdentifier as string);
	const rows = () =>
		sim.state.snapshots
			.filter(
				(s) =>
					s.EngagementId === eng.Id &&
					(!input.ResourceType || s.ResourceType === input.ResourceType) &&
					(!input.ResourceIdentifier || s.ResourceId === input.ResourceIdentifier) &&
					(!input.ResourceSnapshotTemplateIdentifier || s.ResourceSnapshotTemplateName === input.ResourceSnapshotTemplateIdentifier) &&
					(!input.CreatedBy || s.CreatedBy === input.CreatedBy),
			)
			.map((s) => ({ id: s.Arn, item: s }));
	const page = paginate(input, 'ListResourceSnapshots', rows, (arn) => sim.state.snapshots.find((s) => s.Arn === arn), 20);
	return stripUndefined({
		ResourceSnapshotSummaries: page.items.map((s) => ({
			Arn: s.Arn,
			Revision: s.Revision,
			ResourceType: s.ResourceType,
			ResourceId: s.ResourceId,
			ResourceSnapshotTemplateName: s.ResourceSnapshotTemplateName,
			CreatedBy: s.CreatedBy,
		})),
		NextToken: page.NextToken,
	});
}

function job(sim: PcSim, input: Json): SnapshotJobRecord {
	const id = input.ResourceSnapshotJobIdentifier as string;
	const j = sim.state.snapshotJobs[id];
	if (!j || j.Catalog !== input.Catalog) throw notFound('Resource snapshot job', id);
	return j;
}

export function CreateResourceSnapshotJob(sim: PcSim, input: Json): Json {
	return sim.idempotent('CreateResourceSnapshotJob', input, () => {
		const catalog = input.Catalog as string;
		const eng = memberEngagement(sim, catalog, input.EngagementIdentifier as string);
		sim.opportunity(catalog, input.ResourceIdentifier as string);
		const template = input.ResourceSnapshotTemplateIdentifier as string;
		checkTemplate(template);
		const existing = Object.values(sim.state.snapshotJobs).find(
			(j) => j.EngagementId === eng.Id && j.ResourceId === input.ResourceIdentifier && j.ResourceSnapshotTemplateName === template,
		);
		if (existing) throw conflict(`A resource snapshot job already exists for this resource and template: ${existing.Id}.`);
		const j = createJob(sim, eng, input.ResourceIdentifier as string, template, (input.Tags as Json[] | undefined) ?? []);
		return { Id: j.Id, Arn: j.Arn };
	});
}

export function StartResourceSnapshotJob(sim: PcSim, input: Json): Json {
	const j = job(sim, input);
	if (j.Status !== 'Running') {
		j.Status = 'Running';
		const eng = sim.state.engagements[j.EngagementId];
		const opp = sim.state.opportunities[j.ResourceId];
		if (eng && opp) {
			sim.snapshot(eng, opp, j.ResourceSnapshotTemplateName, sim.state.partner.accountId);
			j.LastSuccessfulExecutionDate = sim.now();
		}
	}
	return {};
}

export function StopResourceSnapshotJob(sim: PcSim, input: Json): Json {
	job(sim, input).Status = 'Stopped';
	return {};
}

export function DeleteResourceSnapshotJob(sim: PcSim, input: Json): Json {
	const j = job(sim, input);
	if (j.Status !== 'Stopped') throw conflict(`Resource snapshot job ${j.Id} must be stopped before it can be deleted.`);
	delete sim.state.snapshotJobs[j.Id];
	return {};
}

export function GetResourceSnapshotJob(sim: PcSim, input: Json): Json {
	const j = job(sim, input);
	const opp = sim.state.opportunities[j.ResourceId];
	return stripUndefined({
		Catalog: j.Catalog,
		Id: j.Id,
		Arn: j.Arn,
		EngagementId: j.EngagementId,
		ResourceType: j.ResourceType,
		ResourceId: j.ResourceId,
		ResourceArn: opp?.Arn,
		ResourceSnapshotTemplateName: j.ResourceSnapshotTemplateName,
		CreatedAt: iso(j.CreatedAt),
		Status: j.Status,
		LastSuccessfulExecutionDate: iso(j.LastSuccessfulExecutionDate),
		LastFailure: j.LastFailure,
	});
}

export function ListResourceSnapshotJobs(sim: PcSim, input: Json): Json {
	const order = ((input.Sort as Json | undefined)?.SortOrder as string | undefined) ?? 'DESCENDING';
	const rows = () =>
		sortBy(
			Object.values(sim.state.snapshotJobs).filter(
				(j) => j.Catalog === input.Catalog && (!input.EngagementIdentifier || j.EngagementId === input.EngagementIdentifier) && (!input.Status || j.Status === input.Status),
			),
			(j) => j.CreatedAt,
			order,
			(j) => j.Id,
		).map((j) => ({ id: j.Id, item: j }));
	const page = paginate(input, 'ListResourceSnapshotJobs', rows, (id) => sim.state.snapshotJobs[id], 20);
	return stripUndefined({
		ResourceSnapshotJobSummaries: page.items.map((j) => ({ Id: j.Id, Arn: j.Arn, EngagementId: j.EngagementId, Status: j.Status })),
		NextToken: page.NextToken,
	});
}
