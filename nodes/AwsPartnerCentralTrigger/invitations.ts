import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	acceptStatuses,
	readDescendingUntil,
	statusScanFloor,
	type StatusCursor,
	type StatusCursorOptions,
} from '../shared/events/cursors';
import { partnerCentralCall } from '../shared/partnerCentral/transport';
import { listPage, str, triggerEvent, type PollSettings, type TriggerEvent } from './context';

export const INVITATION_RULES: Omit<StatusCursorOptions, 'overlapMs'> = {
	finalStatuses: ['ACCEPTED', 'REJECTED', 'EXPIRED'],
	initialStatus: 'PENDING',
	// invitations expire after 15 days; follow a little longer
	maxTrackMs: 20 * 86_400_000,
};

export interface InvitationFilters {
	status: string[];
	payloadType: string[];
	wantCreated: boolean;
	wantStatusChanges: boolean;
}

function toEvent(event: string, raw: IDataObject, extra: Partial<TriggerEvent> = {}): TriggerEvent {
	return triggerEvent(event, {
		time: str(raw.InvitationDate),
		invitationId: str(raw.Id),
		engagementId: str(raw.EngagementId),
		status: str(raw.Status),
		data: raw,
		...extra,
	});
}

/**
 * Invitations received (ParticipantType RECEIVER), newest first by InvitationDate, read back to the oldest invitation
 * that can still change. New ones and status changes come from one listing.
 */
export async function pollInvitations(
	ctx: IPollFunctions,
	cursor: StatusCursor,
	settings: PollSettings,
	filters: InvitationFilters,
): Promise<{ events: TriggerEvent[]; cursor: StatusCursor }> {
	// Without status-change events nothing needs following: every status counts as final, so the scan only reaches
	// back over the overlap (and a server-side status filter cannot leave stale pending entries behind).
	const rules: StatusCursorOptions = {
		...INVITATION_RULES,
		...(filters.wantStatusChanges ? {} : { finalStatuses: ['PENDING', ...INVITATION_RULES.finalStatuses] }),
		overlapMs: settings.overlapMs,
	};
	const floorMs = statusScanFloor(cursor, rules);
	// Server-side status filtering only when status changes are not followed (they need every status).
	const serverStatus = !filters.wantStatusChanges && filters.status.length ? { Status: filters.status } : {};
	const read = await readDescendingUntil<IDataObject>({
		floorMs,
		date: (i) => i.InvitationDate,
		fetch: async (token) =>
			await listPage(
				ctx,
				'ListEngagementInvitations',
				{
					ParticipantType: 'RECEIVER',
					Sort: { SortBy: 'InvitationDate', SortOrder: 'DESCENDING' },
					MaxResults: 100,
					...serverStatus,
					...(filters.payloadType.length ? { PayloadType: filters.payloadType } : {}),
				},
				'EngagementInvitationSummaries',
				token,
			),
	});
	const records = read.records.map((raw) => ({
		id: str(raw.Id) ?? '',
		date: str(raw.InvitationDate) ?? '',
		status: str(raw.Status) ?? '',
		raw,
	}));
	const result = acceptStatuses(cursor, records, {
		...rules,
		floorMs,
		listingComplete: read.complete && !serverStatus.Status,
		nowMs: settings.nowMs,
	});
	const events: TriggerEvent[] = [];
	if (filters.wantCreated) {
		for (const r of result.created) {
			if (filters.status.length && !filters.status.includes(r.status)) continue;
			events.push(toEvent('invitationCreated', r.raw));
		}
	}
	let next = result.cursor;
	if (filters.wantStatusChanges) {
		for (const change of result.changed) {
			events.push(toEvent('invitationStatusChanged', change.record.raw, { previousStatus: change.previousStatus }));
		}
		// Followed invitations that vanished from the listing: ask for each (a few calls, only when it happens).
		for (const id of result.missing.slice(0, 10)) {
			const before = next.known[id];
			try {
				const raw = await partnerCentralCall(ctx, 'GetEngagementInvitation', { Identifier: id });
				const status = str(raw.Status);
				if (status && before && status !== before.s) {
					events.push(toEvent('invitationStatusChanged', raw, { previousStatus: before.s }));
					next = { ...next, known: { ...next.known, [id]: { s: status, d: before.d } } };
				}
			} catch (error) {
				ctx.logger.warn(
					`AWS Partner Central Trigger: invitation ${id} is no longer listed and cannot be read (${(error as Error).message}); no longer followed`,
				);
				const known = { ...next.known };
				delete known[id];
				next = { ...next, known };
			}
		}
	}
	return { events, cursor: next };
}
