import { sleep, type IDataObject } from 'n8n-workflow';

/**
 * Waiting for Partner Central's asynchronous work. There is no "Get" for the engagement tasks: they are polled
 * with their List*Tasks operation filtered by task id (seed error 5). Prospecting tasks are read with
 * GetProspectingFromEngagementTask, snapshot jobs with GetResourceSnapshotJob. Polls back off from
 * `initialDelayMs` to `maxDelayMs` until the task is COMPLETE, FAILED (-> TaskFailedError with ReasonCode and
 * Message) or the timeout passes (-> TaskTimeoutError with the last state).
 */

export type TaskKind =
	| 'engagementFromOpportunity'
	| 'engagementByAcceptingInvitation'
	| 'opportunityFromEngagement'
	| 'prospectingFromEngagement'
	| 'resourceSnapshotJob';

export interface TaskState {
	status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';
	reasonCode?: string;
	message?: string;
	task: IDataObject;
}

export const taskPolling = { initialDelayMs: 1000, maxDelayMs: 15_000 };

export class TaskFailedError extends Error {
	constructor(
		public readonly taskId: string,
		public readonly reasonCode: string | undefined,
		public readonly taskMessage: string | undefined,
		public readonly task: IDataObject,
	) {
		super(`Task ${taskId} failed${reasonCode ? ` (${reasonCode})` : ''}${taskMessage ? `: ${taskMessage}` : ''}`);
		this.name = 'TaskFailedError';
	}
}

export class TaskTimeoutError extends Error {
	constructor(
		public readonly taskId: string,
		public readonly timeoutMs: number,
		public readonly task: IDataObject,
	) {
		super(
			`Task ${taskId} was still running after ${Math.round(timeoutMs / 1000)} s. It keeps running in Partner Central: check it later with the matching "List ... Tasks" operation, or raise the timeout.`,
		);
		this.name = 'TaskTimeoutError';
	}
}

export type PcCall = (operation: string, input: IDataObject) => Promise<IDataObject>;

const LIST_OPERATION: Record<string, string> = {
	engagementFromOpportunity: 'ListEngagementFromOpportunityTasks',
	engagementByAcceptingInvitation: 'ListEngagementByAcceptingInvitationTasks',
	opportunityFromEngagement: 'ListOpportunityFromEngagementTasks',
};

const TERMINAL_PROSPECTING = ['COMPLETED', 'FAILED'];

/** Read a task's current state once. */
export async function readTaskState(
	call: PcCall,
	kind: TaskKind,
	taskId: string,
	catalog?: string,
	target?: string,
): Promise<TaskState> {
	const base: IDataObject = catalog ? { Catalog: catalog } : {};
	if (kind === 'prospectingFromEngagement') {
		const task = await call('GetProspectingFromEngagementTask', { ...base, TaskIdentifier: taskId });
		const results = (Array.isArray(task.Engagements) ? task.Engagements : []) as IDataObject[];
		const done =
			!!task.EndTime || (results.length > 0 && results.every((r) => TERMINAL_PROSPECTING.includes(String(r.Status))));
		if (!done) return { status: 'IN_PROGRESS', task };
		const failed = results.filter((r) => r.Status === 'FAILED');
		if (results.length > 0 && failed.length === results.length) {
			return {
				status: 'FAILED',
				reasonCode: failed[0].ReasonCode as string | undefined,
				message: failed[0].Message as string | undefined,
				task,
			};
		}
		return { status: 'COMPLETE', task };
	}
	if (kind === 'resourceSnapshotJob') {
		const task = await call('GetResourceSnapshotJob', { ...base, ResourceSnapshotJobIdentifier: taskId });
		const wanted = target ?? 'Running';
		return { status: task.Status === wanted ? 'COMPLETE' : 'IN_PROGRESS', task };
	}
	const page = await call(LIST_OPERATION[kind], { ...base, TaskIdentifier: [taskId] });
	const task = ((page.TaskSummaries ?? []) as IDataObject[]).find((t) => t.TaskId === taskId);
	if (!task) return { status: 'IN_PROGRESS', task: { TaskId: taskId } };
	const status = String(task.TaskStatus ?? 'IN_PROGRESS');
	return {
		status: status === 'COMPLETE' || status === 'FAILED' ? status : 'IN_PROGRESS',
		reasonCode: task.ReasonCode as string | undefined,
		message: task.Message as string | undefined,
		task,
	};
}

export interface WaitOptions {
	timeoutMs: number;
	catalog?: string;
	/** For snapshot jobs: the Status to wait for (Running after start, Stopped after stop). */
	target?: string;
	initialDelayMs?: number;
	maxDelayMs?: number;
}

/** Poll until the task finishes. Returns the final task record (JSON). */
export async function waitForTask(
	call: PcCall,
	kind: TaskKind,
	taskId: string,
	options: WaitOptions,
): Promise<IDataObject> {
	const started = Date.now();
	let delay = options.initialDelayMs ?? taskPolling.initialDelayMs;
	const maxDelay = options.maxDelayMs ?? taskPolling.maxDelayMs;
	for (;;) {
		const state = await readTaskState(call, kind, taskId, options.catalog, options.target);
		if (state.status === 'COMPLETE') return state.task;
		if (state.status === 'FAILED') {
			throw new TaskFailedError(taskId, state.reasonCode, state.message, state.task);
		}
		const elapsed = Date.now() - started;
		if (elapsed >= options.timeoutMs) throw new TaskTimeoutError(taskId, options.timeoutMs, state.task);
		await sleep(Math.min(delay, options.timeoutMs - elapsed));
		delay = Math.min(maxDelay, delay * 2);
	}
}
