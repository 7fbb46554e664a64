/** Async task records shared by the three Start*Task / List*Tasks families. */
import { randomId } from '../../common/http';
import { iso, type Json, taskArn, type TaskRecord } from '../state';
import { type PcSim, stripUndefined } from '../sim';
import { inList, paginate, sortBy } from './paginate';

const ARN_KIND: Record<TaskRecord['kind'], string> = {
	EngagementFromOpportunity: 'engagement-from-opportunity-task',
	EngagementByAcceptingInvitation: 'engagement-by-accepting-invitation-task',
	OpportunityFromEngagement: 'opportunity-from-engagement-task',
};

export function newTask(sim: PcSim, kind: TaskRecord['kind'], catalog: string, fields: Partial<TaskRecord>): TaskRecord {
	const id = `task-${randomId(13)}`;
	const task: TaskRecord = {
		kind,
		Catalog: catalog,
		TaskId: id,
		TaskArn: taskArn(catalog, ARN_KIND[kind], id),
		StartTime: sim.now(),
		TaskStatus: 'IN_PROGRESS',
		Tags: [],
		...fields,
	};
	sim.state.tasks[id] = task;
	return task;
}

export function taskView(task: TaskRecord): Json {
	const common = {
		TaskId: task.TaskId,
		TaskArn: task.TaskArn,
		StartTime: iso(task.StartTime),
		TaskStatus: task.TaskStatus,
		Message: task.Message,
		ReasonCode: task.ReasonCode,
		OpportunityId: task.OpportunityId,
		ResourceSnapshotJobId: task.ResourceSnapshotJobId,
	};
	if (task.kind === 'EngagementFromOpportunity') {
		return stripUndefined({ ...common, EngagementId: task.EngagementId, EngagementInvitationId: task.EngagementInvitationId });
	}
	if (task.kind === 'EngagementByAcceptingInvitation') return stripUndefined({ ...common, EngagementInvitationId: task.EngagementInvitationId });
	return stripUndefined({ ...common, EngagementId: task.EngagementId, ContextId: task.ContextId });
}

export function failTask(task: TaskRecord, reasonCode: string, message: string): void {
	task.TaskStatus = 'FAILED';
	task.ReasonCode = reasonCode;
	task.Message = message;
}

function taskMatches(task: TaskRecord, id: unknown): boolean {
	if (!Array.isArray(id) || id.length === 0) return true;
	return id.some((x) => x === task.TaskId || x === task.TaskArn);
}

export function listTasks(sim: PcSim, input: Json, kind: TaskRecord['kind'], listName: string): Json {
	const order = ((input.Sort as Json | undefined)?.SortOrder as string | undefined) ?? 'DESCENDING';
	const compute = () => {
		const tasks = Object.values(sim.state.tasks).filter(
			(t) =>
				t.kind === kind &&
				t.Catalog === input.Catalog &&
				inList(input.TaskStatus, t.TaskStatus) &&
				taskMatches(t, input.TaskIdentifier) &&
				inList(input.OpportunityIdentifier, t.OpportunityId) &&
				inList(input.EngagementIdentifier, t.EngagementId) &&
				inList(input.EngagementInvitationIdentifier, t.EngagementInvitationId) &&
				inList(input.ContextIdentifier, t.ContextId),
		);
		return sortBy(tasks, (t) => t.StartTime, order, (t) => t.TaskId).map((t) => ({ id: t.TaskId, item: t }));
	};
	const page = paginate(input, listName, compute, (id) => sim.state.tasks[id], 20);
	return stripUndefined({ TaskSummaries: page.items.map(taskView), NextToken: page.NextToken });
}
