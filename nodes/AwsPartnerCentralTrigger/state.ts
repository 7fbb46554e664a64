import type { IDataObject } from 'n8n-workflow';

import {
	newModifiedCursor,
	newStatusCursor,
	newSummaryCursor,
	type ModifiedCursor,
	type StatusCursor,
	type SummaryCursor,
} from '../shared/events/cursors';

/** What the trigger keeps in the workflow's static data (node scope). Plain JSON. */
export interface TriggerState {
	version: 1;
	/** The Backfill From value the cursors were started with ('' = activation time). */
	backfillFrom: string;
	opportunities?: ModifiedCursor;
	invitations?: StatusCursor;
	summaries?: SummaryCursor;
	tasks: Record<string, StatusCursor>;
}

export function loadState(staticData: IDataObject, backfillFrom: string): TriggerState {
	const stored = staticData.partnerCentral as TriggerState | undefined;
	if (stored && stored.version === 1 && stored.backfillFrom === backfillFrom) {
		return { ...stored, tasks: { ...(stored.tasks ?? {}) } };
	}
	return { version: 1, backfillFrom, tasks: {} };
}

/** Each cursor starts when its event type is first polled: at the backfill date, or now. */
export function startOf(state: TriggerState, nowMs: number): number {
	const backfill = state.backfillFrom ? Date.parse(state.backfillFrom) : Number.NaN;
	return Number.isNaN(backfill) ? nowMs : Math.min(backfill, nowMs);
}

export function opportunityCursor(state: TriggerState, startMs: number): ModifiedCursor {
	return state.opportunities ?? newModifiedCursor(startMs);
}

export function invitationCursor(state: TriggerState, startMs: number): StatusCursor {
	return state.invitations ?? newStatusCursor(startMs);
}

export function taskCursor(state: TriggerState, event: string, startMs: number): StatusCursor {
	return state.tasks[event] ?? newStatusCursor(startMs);
}

export function summaryCursor(state: TriggerState): SummaryCursor {
	return state.summaries ?? newSummaryCursor();
}

export function saveState(staticData: IDataObject, state: TriggerState): void {
	staticData.partnerCentral = state as unknown as IDataObject;
}
