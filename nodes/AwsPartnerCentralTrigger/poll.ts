import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { trackOpportunities } from '../shared/events/cursors';
import type { PollSettings, TriggerEvent } from './context';
import { pollInvitations } from './invitations';
import { manualSample } from './manual';
import { pollOpportunities } from './opportunities';
import {
	invitationCursor,
	loadState,
	opportunityCursor,
	saveState,
	startOf,
	summaryCursor,
	taskCursor,
} from './state';
import { pollSummaries } from './summaries';
import { pollTasks } from './taskCompletions';
import { TASK_SOURCES } from './tasks';

interface PollOptions extends IDataObject {
	backfillFrom?: string;
	maxTrackedOpportunities?: number;
	maxItemsPerPoll?: number;
	overlapSeconds?: number;
}

/**
 * One poll: each selected event type reads its source from its own cursor. The cursors are written back only after
 * every source succeeded, so a failed poll is repeated in full next time (nothing skipped; repeats filtered).
 */
export async function pollPartnerCentral(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const events = (this.getNodeParameter('events', []) as string[]) ?? [];
	const options = this.getNodeParameter('options', {}) as PollOptions;

	if (this.getMode() === 'manual') {
		const sample = await manualSample(this, events);
		return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
	}

	const staticData = this.getWorkflowStaticData('node');
	const nowMs = Date.now();
	const state = loadState(staticData, options.backfillFrom ? String(options.backfillFrom) : '');
	const startMs = startOf(state, nowMs);
	const settings: PollSettings = {
		nowMs,
		startMs,
		overlapMs: Math.max(0, Number(options.overlapSeconds ?? 60)) * 1000,
		maxItems: Math.max(10, Number(options.maxItemsPerPoll ?? 500)),
		maxTracked: Math.min(200, Math.max(1, Number(options.maxTrackedOpportunities ?? 20))),
	};
	const out: TriggerEvent[] = [];

	const wantSummaries = events.includes('awsSummaryChanged');
	if (events.includes('opportunityChanged') || wantSummaries) {
		const r = await pollOpportunities(this, opportunityCursor(state, startMs), settings);
		state.opportunities = r.cursor;
		if (events.includes('opportunityChanged')) out.push(...r.events);
		if (wantSummaries) {
			const tracked = trackOpportunities(summaryCursor(state), r.ids, settings.maxTracked);
			const s = await pollSummaries(this, tracked);
			state.summaries = s.cursor;
			out.push(...s.events);
		}
	}

	const wantCreated = events.includes('invitationCreated');
	const wantStatusChanges = events.includes('invitationStatusChanged');
	if (wantCreated || wantStatusChanges) {
		const r = await pollInvitations(this, invitationCursor(state, startMs), settings, {
			wantCreated,
			wantStatusChanges,
			status: (this.getNodeParameter('invitationStatus', []) as string[]) ?? [],
			payloadType: (this.getNodeParameter('invitationPayloadType', []) as string[]) ?? [],
		});
		state.invitations = r.cursor;
		out.push(...r.events);
	}

	for (const source of TASK_SOURCES) {
		if (!events.includes(source.event)) continue;
		const r = await pollTasks(this, source, taskCursor(state, source.event, startMs), settings);
		state.tasks[source.event] = r.cursor;
		out.push(...r.events);
	}

	saveState(staticData, state);
	return out.length ? [this.helpers.returnJsonArray(out)] : null;
}
