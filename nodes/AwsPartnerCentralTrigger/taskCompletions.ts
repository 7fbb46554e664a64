import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	acceptStatuses,
	readDescendingUntil,
	statusScanFloor,
	type StatusCursor,
	type StatusCursorOptions,
} from '../shared/events/cursors';
import { listPage, str, triggerEvent, type PollSettings, type TriggerEvent } from './context';
import { TASK_FINAL_STATUSES, type TaskSource } from './tasks';

const TASK_RULES: Omit<StatusCursorOptions, 'overlapMs'> = {
	finalStatuses: TASK_FINAL_STATUSES,
	initialStatus: 'IN_PROGRESS',
	maxTrackMs: 7 * 86_400_000,
};

/**
 * Task completions: List*Tasks newest first by StartTime, read back to the oldest task still IN_PROGRESS; a task is
 * reported once, when it is first seen COMPLETE or FAILED (including tasks that finished between two polls).
 */
export async function pollTasks(
	ctx: IPollFunctions,
	source: TaskSource,
	cursor: StatusCursor,
	settings: PollSettings,
): Promise<{ events: TriggerEvent[]; cursor: StatusCursor }> {
	const rules: StatusCursorOptions = { ...TASK_RULES, overlapMs: settings.overlapMs };
	const floorMs = statusScanFloor(cursor, rules);
	const read = await readDescendingUntil<IDataObject>({
		floorMs,
		date: (t) => t.StartTime,
		fetch: async (token) =>
			await listPage(
				ctx,
				source.listOperation,
				{ Sort: { SortBy: 'StartTime', SortOrder: 'DESCENDING' }, MaxResults: 100 },
				'TaskSummaries',
				token,
			),
	});
	const records = read.records.map((raw) => ({
		id: str(raw.TaskId) ?? '',
		date: str(raw.StartTime) ?? '',
		status: str(raw.TaskStatus) ?? '',
		raw,
	}));
	const result = acceptStatuses(cursor, records, { ...rules, floorMs, listingComplete: read.complete, nowMs: settings.nowMs });
	const events = result.changed
		.filter((c) => (TASK_FINAL_STATUSES as readonly string[]).includes(c.record.status))
		.map((c) =>
			triggerEvent(source.event, {
				time: c.record.date,
				taskId: c.record.id,
				status: c.record.status,
				previousStatus: c.previousStatus,
				opportunityId: str(c.record.raw.OpportunityId),
				engagementId: str(c.record.raw.EngagementId),
				invitationId: str(c.record.raw.EngagementInvitationId),
				data: c.record.raw,
			}),
		);
	return { events, cursor: result.cursor };
}
