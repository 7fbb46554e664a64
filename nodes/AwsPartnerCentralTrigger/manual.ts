import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { partnerCentralCall } from '../shared/partnerCentral/transport';
import { listPage, str, triggerEvent, type TriggerEvent } from './context';
import { TASK_SOURCES } from './tasks';

const SAMPLE = 3;

/**
 * "Test step": the most recent real records of each selected event type, so the user can map fields. Cursors are
 * not touched (n8n does not keep static data for manual runs anyway).
 */
export async function manualSample(ctx: IPollFunctions, events: string[]): Promise<TriggerEvent[]> {
	const out: TriggerEvent[] = [];
	if (events.includes('opportunityChanged') || events.includes('awsSummaryChanged')) {
		const page = await listPage(
			ctx,
			'ListOpportunities',
			{ Sort: { SortBy: 'LastModifiedDate', SortOrder: 'DESCENDING' }, MaxResults: SAMPLE },
			'OpportunitySummaries',
		);
		if (events.includes('opportunityChanged')) {
			for (const o of page.items) {
				out.push(triggerEvent('opportunityChanged', { time: str(o.LastModifiedDate), opportunityId: str(o.Id), data: o }));
			}
		}
		if (events.includes('awsSummaryChanged')) {
			for (const o of page.items.slice(0, 1)) {
				try {
					const summary = await partnerCentralCall(ctx, 'GetAwsOpportunitySummary', { RelatedOpportunityIdentifier: o.Id });
					out.push(triggerEvent('awsSummaryChanged', { time: new Date().toISOString(), opportunityId: str(o.Id), data: summary }));
				} catch {
					// the latest opportunity may not be submitted to AWS yet: no summary to show
				}
			}
		}
	}
	if (events.includes('invitationCreated') || events.includes('invitationStatusChanged')) {
		const page = await listPage(
			ctx,
			'ListEngagementInvitations',
			{ ParticipantType: 'RECEIVER', Sort: { SortBy: 'InvitationDate', SortOrder: 'DESCENDING' }, MaxResults: SAMPLE },
			'EngagementInvitationSummaries',
		);
		const event = events.includes('invitationCreated') ? 'invitationCreated' : 'invitationStatusChanged';
		for (const i of page.items) {
			out.push(
				triggerEvent(event, {
					time: str(i.InvitationDate),
					invitationId: str(i.Id),
					engagementId: str(i.EngagementId),
					status: str(i.Status),
					data: i,
				}),
			);
		}
	}
	for (const source of TASK_SOURCES) {
		if (!events.includes(source.event)) continue;
		const page = await listPage(
			ctx,
			source.listOperation,
			{ Sort: { SortBy: 'StartTime', SortOrder: 'DESCENDING' }, MaxResults: SAMPLE },
			'TaskSummaries',
		);
		for (const t of page.items as IDataObject[]) {
			out.push(
				triggerEvent(source.event, {
					time: str(t.StartTime),
					taskId: str(t.TaskId),
					status: str(t.TaskStatus),
					opportunityId: str(t.OpportunityId),
					data: t,
				}),
			);
		}
	}
	return out;
}
