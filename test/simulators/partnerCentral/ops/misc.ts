/** Solutions, selling system settings, tags and prospecting tasks (section A). */
import { randomId } from '../../common/http';
import { businessError, notFound, PcError } from '../errors';
import { iso, type Json, PARTNER_ACCOUNT_ID, type ProspectingTaskRecord, REGION } from '../state';
import { type PcSim, stripUndefined } from '../sim';
import { inList, paginate, sortBy, ts } from './paginate';

export function ListSolutions(sim: PcSim, input: Json): Json {
	const sort = (input.Sort as Json | undefined) ?? {};
	const by = (sort.SortBy as string | undefined) ?? 'Identifier';
	const rows = () =>
		sortBy(
			sim.state.solutions.filter(
				(s) =>
					s.Catalog === input.Catalog &&
					inList(input.Status, s.Status) &&
					inList(input.Identifier, s.Id) &&
					inList(input.Category, s.Category) &&
					inList(input.AwsMarketplaceSolutionArn, s.AwsMarketplaceSolutionArn),
			),
			(s) => (by === 'CreatedDate' ? s.CreatedDate : by === 'Name' ? s.Name : by === 'Status' ? s.Status : by === 'Category' ? s.Category : s.Id),
			(sort.SortOrder as string | undefined) ?? 'ASCENDING',
			(s) => s.Id,
		).map((s) => ({ id: `${s.Catalog}|${s.Id}`, item: s }));
	const page = paginate(input, 'ListSolutions', rows, (key) => sim.state.solutions.find((s) => `${s.Catalog}|${s.Id}` === key), 20);
	return stripUndefined({
		SolutionSummaries: page.items.map((s) => ({ ...s, CreatedDate: iso(s.CreatedDate) })),
		NextToken: page.NextToken,
	});
}

export function GetSellingSystemSettings(sim: PcSim, input: Json): Json {
	const s = sim.state.settings[input.Catalog as string] ?? {};
	return stripUndefined({ Catalog: input.Catalog, ResourceSnapshotJobRoleArn: s.ResourceSnapshotJobRoleArn });
}

export function PutSellingSystemSettings(sim: PcSim, input: Json): Json {
	const catalog = input.Catalog as string;
	const role = input.ResourceSnapshotJobRoleIdentifier as string | undefined;
	const arn = role === undefined ? undefined : role.startsWith('arn:') ? role : `arn:aws:iam::${PARTNER_ACCOUNT_ID}:role/${role}`;
	sim.state.settings[catalog] = { ResourceSnapshotJobRoleArn: arn };
	return stripUndefined({ Catalog: catalog, ResourceSnapshotJobRoleArn: arn });
}

type Tags = { Key: string; Value: string }[];

function tagsOf(sim: PcSim, arn: string): { get: () => Tags; set: (t: Tags) => void } {
	const s = sim.state;
	const holders: { Arn?: string; TaskArn?: string; Tags: Tags }[] = [
		...Object.values(s.opportunities),
		...Object.values(s.engagements),
		...Object.values(s.snapshotJobs),
		...Object.values(s.tasks),
	];
	const holder = holders.find((h) => h.Arn === arn || h.TaskArn === arn);
	if (holder) return { get: () => holder.Tags, set: (t) => (holder.Tags = t) };
	if (s.tags[arn]) return { get: () => s.tags[arn], set: (t) => (s.tags[arn] = t) };
	throw notFound('Resource', arn);
}

export function TagResource(sim: PcSim, input: Json): Json {
	const t = tagsOf(sim, input.ResourceArn as string);
	const next = [...t.get()];
	for (const tag of input.Tags as Tags) {
		const i = next.findIndex((x) => x.Key === tag.Key);
		if (i >= 0) next[i] = { Key: tag.Key, Value: tag.Value };
		else next.push({ Key: tag.Key, Value: tag.Value });
	}
	if (next.length > 200) throw businessError('Tags', 'TOO_MANY_VALUES', 'A resource can have at most 200 tags.');
	t.set(next);
	return {};
}

export function UntagResource(sim: PcSim, input: Json): Json {
	const t = tagsOf(sim, input.ResourceArn as string);
	const keys = input.TagKeys as string[];
	t.set(t.get().filter((x) => !keys.includes(x.Key)));
	return {};
}

export function ListTagsForResource(sim: PcSim, input: Json): Json {
	return { Tags: tagsOf(sim, input.ResourceArn as string).get() };
}

function prospectingView(t: ProspectingTaskRecord): Json {
	return stripUndefined({ TaskId: t.TaskId, TaskArn: t.TaskArn, TaskName: t.TaskName, StartTime: iso(t.StartTime), EndTime: iso(t.EndTime) });
}

export function StartProspectingFromEngagementTask(sim: PcSim, input: Json): Json {
	return sim.idempotent('StartProspectingFromEngagementTask', input, () => {
		const catalog = input.Catalog as string;
		const id = `task-${randomId(14)}`;
		const task: ProspectingTaskRecord = {
			Catalog: catalog,
			TaskId: id,
			TaskArn: `arn:aws:partnercentral-selling:${REGION}:${PARTNER_ACCOUNT_ID}:catalog/${catalog}/prospecting-from-engagement-task/${id}`,
			TaskName: input.TaskName as string,
			StartTime: sim.now(),
			Status: 'IN_PROGRESS',
			Identifiers: [...(input.Identifiers as string[])],
			Engagements: (input.Identifiers as string[]).map((e) => ({ EngagementIdentifier: e, Status: 'PENDING' })),
		};
		sim.state.prospectingTasks[id] = task;
		sim.scheduler.after(sim.config.taskDurationMs, () => {
			for (const r of task.Engagements) {
				const eng = sim.state.engagements[r.EngagementIdentifier.split('/').pop()!];
				if (!eng || eng.Catalog !== catalog || !sim.isMember(eng)) {
					Object.assign(r, { Status: 'FAILED', ReasonCode: 'EngagementAccessDenied', Message: 'Engagement not found or not accessible.' });
					continue;
				}
				const lead = eng.Contexts.find((c) => c.Type === 'Lead')?.Payload.Lead as Json | undefined;
				if (!lead) {
					Object.assign(r, { Status: 'FAILED', ReasonCode: 'ContextNotFound', Message: 'The engagement has no Lead context to prospect from.' });
					continue;
				}
				const customer = (lead.Customer as Json | undefined) ?? {};
				const ctxId = String(eng.nextContextId++);
				const aws = {
					Customer: stripUndefined({ AccountName: customer.CompanyName, Industry: undefined, Country: (customer.Address as Json | undefined)?.CountryCode }),
					Insights: { MarketplaceEngagementScore: 'Medium' },
					StartTime: iso(task.StartTime),
					EndTime: iso(sim.now()),
					TaskId: task.TaskId,
					TaskArn: task.TaskArn,
					TaskName: task.TaskName,
				};
				eng.Contexts.push({ Id: ctxId, Type: 'ProspectingResult', Payload: { ProspectingResult: { Aws: stripUndefined(aws) } } });
				eng.ModifiedAt = sim.nextModified(eng.ModifiedAt);
				eng.ModifiedBy = 'aws';
				Object.assign(r, { Status: 'COMPLETED', EngagementContextId: ctxId });
			}
			task.EndTime = sim.now();
			task.Status = task.Engagements.every((r) => r.Status === 'FAILED') ? 'FAILED' : 'COMPLETED';
		});
		return { Identifiers: task.Identifiers, TaskName: task.TaskName, StartTime: iso(task.StartTime), TaskId: task.TaskId, TaskArn: task.TaskArn, TaskStatus: task.Status };
	});
}

function prospecting(sim: PcSim, catalog: string, id: string): ProspectingTaskRecord {
	const key = id.split('/').pop()!;
	const t = sim.state.prospectingTasks[key];
	if (!t || t.Catalog !== catalog) throw notFound('Prospecting task', id);
	return t;
}

export function GetProspectingFromEngagementTask(sim: PcSim, input: Json): Json {
	const t = prospecting(sim, input.Catalog as string, input.TaskIdentifier as string);
	return { ...prospectingView(t), Engagements: t.Engagements.map((e) => stripUndefined({ ...e })) };
}

export function ListProspectingFromEngagementTasks(sim: PcSim, input: Json): Json {
	const sort = (input.Sort as Json | undefined) ?? {};
	const by = (sort.SortBy as string | undefined) ?? 'StartTime';
	const failed = (t: ProspectingTaskRecord) => t.Engagements.filter((e) => e.Status === 'FAILED').length;
	const after = ts(input.StartAfter);
	const before = ts(input.StartBefore);
	const rows = () =>
		sortBy(
			Object.values(sim.state.prospectingTasks).filter(
				(t) =>
					t.Catalog === input.Catalog &&
					inList(input.TaskIdentifier, t.TaskId) &&
					inList(input.TaskName, t.TaskName) &&
					(after === undefined || t.StartTime > after) &&
					(before === undefined || t.StartTime < before),
			),
			(t) => (by === 'TaskName' ? t.TaskName : by === 'FailedEngagementCount' ? failed(t) : t.StartTime),
			(sort.SortOrder as string | undefined) ?? 'DESCENDING',
			(t) => t.TaskId,
		).map((t) => ({ id: t.TaskId, item: t }));
	const page = paginate(input, 'ListProspectingFromEngagementTasks', rows, (id) => sim.state.prospectingTasks[id], 20);
	return stripUndefined({
		TaskSummaries: page.items.map((t) => ({
			...prospectingView(t),
			TotalEngagementCount: t.Engagements.length,
			CompletedEngagementCount: t.Engagements.filter((e) => e.Status === 'COMPLETED').length,
			FailedEngagementCount: failed(t),
		})),
		NextToken: page.NextToken,
	});
}

export function unknownOperation(operation: string): PcError {
	return new PcError('UnknownOperationException', `Unknown operation ${operation}`);
}
