import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toHsObject } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import { asNodeError, assertNumericId, dealIdField, optionsField, perItem, requiredString } from '../common';
import { dealJson, dealPropertiesField, dealPropertiesToRead } from './readFields';

export const description: INodeProperties[] = [
	dealIdField('deal', 'get', 'HubSpot ID of the deal. If the deal was merged into another one, the surviving deal is returned and the output says so.'),
	dealPropertiesField('get'),
	optionsField('deal', 'get', [
		{
			displayName: 'Include Deleted Deals',
			name: 'includeDeleted',
			type: 'boolean',
			default: false,
			description:
				'Whether to also return a deal that was deleted and is still in HubSpot\'s recycle bin (the output then has archived: true and archivedAt)',
		},
		{
			displayName: 'For a Merged Deal, Return',
			name: 'mergedDeal',
			type: 'options',
			default: 'survivor',
			options: [
				{ name: 'The Surviving Deal', value: 'survivor', description: 'The deal it was merged into, as HubSpot answers' },
				{
					name: 'The Merged Deal Itself',
					value: 'mergedAway',
					description: 'Its own properties as they were before the merge (from the recycle bin), e.g. to move its AWS link to the survivor',
				},
			],
			description: 'What to return when the ID belongs to a deal that was merged into another one. Both say merged: true and mergedIntoDealId.',
		},
		{
			displayName: 'Output "Not Found" Instead of Failing',
			name: 'notFoundOutput',
			type: 'boolean',
			default: false,
			description:
				'Whether a deal HubSpot does not have (any more) gives an item {ID, found: false} instead of stopping the workflow',
		},
	]),
];

/** Properties that tell whether a deal absorbed others in a merge (hubspot.md 2.1 `merge`). */
const MERGE_PROPERTIES = ['hs_merged_object_ids'];

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/** GET one deal; undefined when HubSpot answers 404. */
async function readDeal(
	ctx: IExecuteFunctions,
	dealId: string,
	properties: string[],
	archived: boolean,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	try {
		const qs: IDataObject = { properties: properties.join(',') };
		if (archived) qs.archived = 'true';
		return (await hubspotRequest(
			ctx,
			{ method: 'GET', path: `/crm/v3/objects/deals/${encodeURIComponent(dealId)}`, qs },
			{ itemIndex },
		)) as IDataObject;
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw asNodeError(ctx, error, itemIndex);
	}
}

/** The output item for a deal HubSpot answered with, saying whether the requested id was merged away. */
export function getDealOutput(requestedId: string, raw: IDataObject): IDataObject {
	const deal = toHsObject(raw);
	const json: IDataObject = { ...dealJson(deal), found: true, requestedId, archived: raw.archived === true };
	if (raw.archivedAt) json.archivedAt = String(raw.archivedAt);
	const mergedIds = (deal.properties.hs_merged_object_ids ?? '').split(';').map((s) => s.trim());
	const merged = deal.id !== requestedId || mergedIds.includes(requestedId);
	json.merged = merged;
	if (merged) json.mergedIntoDealId = deal.id;
	return json;
}

/** The output for the merged-away deal's own record, read from the recycle bin, naming the survivor. */
export function mergedAwayOutput(requestedId: string, own: IDataObject, survivorId: string): IDataObject {
	return { ...getDealOutput(requestedId, own), merged: true, mergedIntoDealId: survivorId };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (i) => {
		const dealId = requiredString(this, 'dealId', i, 'Deal ID');
		assertNumericId(this, dealId, 'deal', i);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const properties = dealPropertiesToRead(this, i, MERGE_PROPERTIES);
		let raw = await readDeal(this, dealId, properties, false, i);
		if (!raw && options.includeDeleted === true) raw = await readDeal(this, dealId, properties, true, i);
		if (raw) {
			const live = getDealOutput(dealId, raw);
			if (live.merged !== true || options.mergedDeal !== 'mergedAway') return live;
			const own = await readDeal(this, dealId, properties, true, i);
			// HubSpot no longer keeps the merged record: say so by returning the survivor (merged: true).
			return own && String(own.id) === dealId ? mergedAwayOutput(dealId, own, String(raw.id)) : live;
		}
		if (options.notFoundOutput === true) return { id: dealId, found: false };
		const message = `HubSpot: deal ${dealId} does not exist (${options.includeDeleted === true ? 'deleted and purged?' : 'deleted?'})`;
		throw new NodeApiError(this.getNode(), { message, dealId }, {
			message,
			httpCode: '404',
			itemIndex: i,
			description:
				options.includeDeleted === true
					? 'HubSpot has neither a live nor a deleted deal with this ID: it was purged from the recycle bin or never existed. Turn on "Output \'Not Found\' Instead of Failing" to carry on.'
					: 'The deal may have been deleted. Turn on "Include Deleted Deals" to read deals in the recycle bin, or "Output \'Not Found\' Instead of Failing" to carry on.',
		});
	});
}
