import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	acceptModified,
	modifiedLowerBound,
	readModifiedAscending,
	toMs,
	type ModifiedCursor,
} from '../shared/events/cursors';
import { listPage, str, triggerEvent, type PollSettings, type TriggerEvent } from './context';

/**
 * "Opportunity Created or Updated": ListOpportunities sorted by LastModifiedDate ascending, read by key from the
 * cursor (see nodes/shared/events/cursors.ts for why nothing is skipped or repeated).
 */
export async function pollOpportunities(
	ctx: IPollFunctions,
	cursor: ModifiedCursor,
	settings: PollSettings,
): Promise<{ events: TriggerEvent[]; ids: string[]; cursor: ModifiedCursor }> {
	const from = modifiedLowerBound(cursor, { overlapMs: settings.overlapMs });
	const read = await readModifiedAscending<IDataObject>({
		from,
		afterInclusive: cursor.afterInclusive,
		maxRecords: settings.maxItems,
		modifiedAt: (o) => o.LastModifiedDate,
		fetch: async (q) =>
			await listPage(
				ctx,
				'ListOpportunities',
				{
					LastModifiedDate: {
						AfterLastModifiedDate: q.after,
						...(q.before ? { BeforeLastModifiedDate: q.before } : {}),
					},
					Sort: { SortBy: 'LastModifiedDate', SortOrder: 'ASCENDING' },
					MaxResults: 100,
				},
				'OpportunitySummaries',
				q.nextToken,
			),
	});
	const records = read.records
		.map((o) => ({ id: str(o.Id) ?? '', modifiedAt: str(o.LastModifiedDate) ?? '', raw: o }))
		.filter((r) => r.id && r.modifiedAt);
	const accepted = acceptModified(cursor, records, { overlapMs: settings.overlapMs });
	if (read.afterInclusive) accepted.cursor.afterInclusive = true;
	const events = accepted.emit.map((r) => {
		const created = toMs(r.raw.CreatedDate);
		return triggerEvent('opportunityChanged', {
			time: r.modifiedAt,
			opportunityId: r.id,
			// created since the previous poll (within its overlap), as opposed to an update of an older one
			isNew: !Number.isNaN(created) && created >= Math.max(from.getTime(), toMs(cursor.startedAt)),
			data: r.raw,
		});
	});
	return { events, ids: accepted.emit.map((r) => r.id), cursor: accepted.cursor };
}
