import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { HsObject } from '../../../shared/hubspot/objects';
import { chunk, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
	batchErrorsById,
	collectRequests,
	dealIdField,
	emitOutcomes,
	failItems,
	indexesFor,
	inInputOrder,
	mergeByKey,
	propertyValueFields,
	readPropertyValues,
	requiredString,
} from '../common';

export const description: INodeProperties[] = [
	dealIdField('deal', 'updateProperties', 'HubSpot ID of the deal to update. All input items are written together, 100 deals per call.'),
	...propertyValueFields('deal', 'updateProperties', '={{ $json.deal?.properties ?? {} }}'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const requests = collectRequests(this, items, results, (i) => {
		const dealId = requiredString(this, 'dealId', i, 'Deal ID');
		const properties = toPropertyStrings(readPropertyValues(this, i));
		if (Object.keys(properties).length === 0) {
			throw new NodeOperationError(this.getNode(), 'No properties to update', {
				itemIndex: i,
				description: 'Fill Properties (JSON) or add Property Values.',
			});
		}
		return { dealId, properties };
	});

	const key = (r: { dealId: string }) => r.dealId;
	const updated = new Map<string, HsObject>();
	const failed = new Map<string, unknown>();
	for (const part of chunk([...mergeByKey(requests, key).entries()])) {
		const indexes = indexesFor(requests, key, part.map(([id]) => id));
		try {
			const response = (await hubspotRequest(
				this,
				{
					method: 'POST',
					path: '/crm/v3/objects/deals/batch/update',
					body: { inputs: part.map(([id, properties]) => ({ id, properties })) },
				},
				{ itemIndex: indexes[0] },
			)) as IDataObject;
			for (const raw of (response.results as IDataObject[]) ?? []) updated.set(String(raw.id), toHsObject(raw));
			for (const [id, message] of batchErrorsById(response)) failed.set(id, new Error(`Deal ${id}: ${message}`));
		} catch (error) {
			failItems(this, error, indexes, results);
		}
	}

	emitOutcomes(this, requests, results, (r) => {
		const deal = updated.get(r.dealId);
		if (deal) return { json: { dealId: deal.id, deal: deal as unknown as IDataObject } };
		return { error: failed.get(r.dealId) ?? new Error(`HubSpot did not update deal ${r.dealId} (deleted or merged?)`), extra: { dealId: r.dealId } };
	});
	return inInputOrder(items.length, results);
}
