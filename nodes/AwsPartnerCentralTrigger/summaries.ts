import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { observeSummary, type SummaryCursor } from '../shared/events/cursors';
import { partnerCentralCall } from '../shared/partnerCentral/transport';
import { syncFingerprint } from '../shared/sync/fingerprint';
import { triggerEvent, type TriggerEvent } from './context';

/** Fields of GetAwsOpportunitySummary that describe the opportunity (not the request). */
function summaryFields(summary: IDataObject): Record<string, unknown> {
	const rest: Record<string, unknown> = { ...summary };
	delete rest.Catalog;
	return rest;
}

function isMissing(error: unknown): boolean {
	const text = `${(error as { description?: string }).description ?? ''} ${(error as Error).message ?? ''}`;
	return /ResourceNotFound|not found/i.test(text);
}

/**
 * AWS opportunity summary changes for the followed opportunities: one GetAwsOpportunitySummary each. The first look
 * at an opportunity is its baseline; a summary that appears later (after submission) counts as a change.
 */
export async function pollSummaries(
	ctx: IPollFunctions,
	cursor: SummaryCursor,
): Promise<{ events: TriggerEvent[]; cursor: SummaryCursor }> {
	const events: TriggerEvent[] = [];
	let next = cursor;
	for (const id of cursor.tracked) {
		let summary: IDataObject | null;
		try {
			summary = await partnerCentralCall(ctx, 'GetAwsOpportunitySummary', { RelatedOpportunityIdentifier: id });
		} catch (error) {
			if (!isMissing(error)) {
				// already a NodeApiError/NodeOperationError from the transport
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
				throw error;
			}
			summary = null; // not submitted to AWS (yet)
		}
		const fingerprint = summary ? syncFingerprint(summaryFields(summary)) : '';
		const seen = observeSummary(next, id, fingerprint);
		next = seen.cursor;
		if (seen.changed && summary) {
			events.push(
				triggerEvent('awsSummaryChanged', {
					time: new Date().toISOString(),
					opportunityId: id,
					summaryFingerprint: fingerprint,
					previousSummaryFingerprint: seen.previous || null,
					data: summary,
				}),
			);
		}
	}
	return { events, cursor: next };
}
