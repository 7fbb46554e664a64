import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ASSOCIATION_TYPES } from '../../../shared/hubspot/associations';
import { batchRead } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import { asNodeError, assertNumericId, perItem, requiredString } from '../common';
import { dealJson, dealPropertiesField, dealPropertiesToRead, readLimit, returnAllFields } from './readFields';

const show = { resource: ['deal'], operation: ['getAssociated'] };

/** The records whose deals can be read, as data: the node's value, HubSpot's path name, words for messages. */
export const ASSOCIATED_FROM: Record<string, { path: string; label: string }> = {
	company: { path: 'companies', label: 'company' },
	contact: { path: 'contacts', label: 'contact' },
};

/** v4 association pages hold at most 500 links. */
const ASSOCIATION_PAGE_LIMIT = 500;

export const description: INodeProperties[] = [
	{
		displayName: 'Of',
		name: 'objectType',
		type: 'options',
		default: 'company',
		displayOptions: { show },
		options: [
			{ name: 'Company', value: 'company', description: 'The deals associated with a company' },
			{ name: 'Contact', value: 'contact', description: 'The deals associated with a contact' },
		],
	},
	{
		displayName: 'Company or Contact ID',
		name: 'objectId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9876543210',
		displayOptions: { show },
		description:
			'HubSpot ID of the company or contact (for example the objectId of a HubSpot trigger event). One output item per associated deal; none when it has no deals.',
	},
	dealPropertiesField('getAssociated'),
	...returnAllFields('getAssociated'),
];

interface Link {
	dealId: string;
	typeIds: number[];
}

/** The deal ids linked to one company or contact, following v4 `paging.next.after` until `limit`. */
async function associatedDealIds(
	ctx: IExecuteFunctions,
	fromPath: string,
	fromId: string,
	limit: number,
	itemIndex: number,
): Promise<Link[]> {
	const links: Link[] = [];
	let after: string | undefined;
	do {
		const qs: IDataObject = { limit: ASSOCIATION_PAGE_LIMIT };
		if (after) qs.after = after;
		const page = (await hubspotRequest(
			ctx,
			{ method: 'GET', path: `/crm/v4/objects/${fromPath}/${encodeURIComponent(fromId)}/associations/deals`, qs },
			{ itemIndex },
		)) as { results?: IDataObject[]; paging?: { next?: { after?: string } } };
		for (const r of page.results ?? []) {
			const dealId = String(r.toObjectId ?? '');
			if (!dealId || links.some((l) => l.dealId === dealId)) continue;
			const typeIds = ((r.associationTypes as IDataObject[]) ?? []).map((t) => Number(t.typeId)).filter(Number.isFinite);
			links.push({ dealId, typeIds });
		}
		after = page.paging?.next?.after ? String(page.paging.next.after) : undefined;
	} while (after && links.length < limit);
	return links.slice(0, limit);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (i) => {
		const objectType = this.getNodeParameter('objectType', i) as string;
		const from = ASSOCIATED_FROM[objectType];
		if (!from) throw new NodeOperationError(this.getNode(), `"${objectType}" is not a company or contact`, { itemIndex: i });
		const objectId = requiredString(this, 'objectId', i, 'Company or Contact ID');
		assertNumericId(this, objectId, from.label, i);
		let links: Link[];
		try {
			links = await associatedDealIds(this, from.path, objectId, readLimit(this, i), i);
		} catch (error) {
			if (!(error instanceof NodeApiError) || String(error.httpCode) !== '404') throw asNodeError(this, error, i);
			const message = `HubSpot: ${from.label} ${objectId} does not exist (deleted or merged?)`;
			throw new NodeApiError(this.getNode(), { message, objectId }, {
				message,
				httpCode: '404',
				itemIndex: i,
				description: `Check the ${from.label} ID; a deleted ${from.label} has no deals.`,
			});
		}
		if (!links.length) return [];
		// Read the deals 100 per call; one deleted in between is left out.
		const { found } = await batchRead(this, 'deals', links.map((l) => l.dealId), dealPropertiesToRead(this, i), { itemIndex: i });
		const out: IDataObject[] = [];
		for (const link of links) {
			const deal = found.get(link.dealId);
			if (!deal) continue;
			const json: IDataObject = { ...dealJson(deal), associatedWith: { objectType, objectId }, associationTypeIds: link.typeIds };
			if (objectType === 'company') json.primaryCompany = link.typeIds.includes(ASSOCIATION_TYPES.companyToDealPrimary);
			out.push(json);
		}
		return out;
	});
}
