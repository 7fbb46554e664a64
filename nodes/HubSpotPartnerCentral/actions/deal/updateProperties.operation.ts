import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { HsObject } from '../../../shared/hubspot/objects';
import { chunk, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
	asNodeError,
	batchErrorsById,
	errorItem,
	failItems,
	inInputOrder,
	propertyValueFields,
	readPropertyValues,
	requiredString,
} from '../common';

const show = { resource: ['deal'], operation: ['updateProperties'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Deal ID',
		name: 'dealId',
		type: 'string',
		required: true,
		default: '={{ $json.dealId }}',
		displayOptions: { show },
		description: 'HubSpot ID of the deal to update. All input items are written together, 100 deals per call.',
	},
	...propertyValueFields('deal', 'updateProperties', '={{ $json.hubspotProperties ?? {} }}'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const requests: Array<{ itemIndex: number; dealId: string; properties: Record<string, string | null> }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const dealId = requiredString(this, 'dealId', i, 'Deal ID');
			const properties = toPropertyStrings(readPropertyValues(this, i));
			if (Object.keys(properties).length === 0) {
				throw new NodeOperationError(this.getNode(), 'No properties to update', {
					itemIndex: i,
					description: 'Fill Properties (JSON) or add Property Values.',
				});
			}
			requests.push({ itemIndex: i, dealId, properties });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, i);
			results.set(i, [errorItem(error, i)]);
		}
	}

	// One input per deal per call (HubSpot rejects duplicates): merge items for the same deal, later items win.
	const merged = new Map<string, Record<string, string | null>>();
	for (const r of requests) merged.set(r.dealId, { ...(merged.get(r.dealId) ?? {}), ...r.properties });
	const updated = new Map<string, HsObject>();
	const failed = new Map<string, unknown>();
	for (const part of chunk([...merged.entries()])) {
		const indexes = requests.filter((r) => part.some(([id]) => id === r.dealId)).map((r) => r.itemIndex);
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

	for (const r of requests) {
		if (results.has(r.itemIndex)) continue;
		const deal = updated.get(r.dealId);
		if (!deal) {
			const problem = failed.get(r.dealId) ?? new Error(`HubSpot did not update deal ${r.dealId} (deleted or merged?)`);
			if (!this.continueOnFail()) throw asNodeError(this, problem, r.itemIndex);
			results.set(r.itemIndex, [errorItem(problem, r.itemIndex, { dealId: r.dealId })]);
			continue;
		}
		results.set(r.itemIndex, [{ json: { dealId: deal.id, deal: deal as unknown as IDataObject }, pairedItem: { item: r.itemIndex } }]);
	}
	return inInputOrder(items.length, results);
}
