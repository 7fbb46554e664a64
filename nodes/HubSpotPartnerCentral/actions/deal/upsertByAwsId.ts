import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AssociationInput } from '../../../shared/hubspot/associations';
import { ASSOCIATION_TYPES } from '../../../shared/hubspot/associations';
import type { HsObject } from '../../../shared/hubspot/objects';
import { chunk, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
	batchErrorsById,
	collectRequests,
	emitOutcomes,
	failItems,
	indexesFor,
	inInputOrder,
	mergeByKey,
	optionalString,
	propertyValueFields,
	readPropertyValues,
	requiredString,
	splitList,
	tryAssociate,
} from '../common';

/** What differs between "Upsert by AWS Opportunity ID" and "Upsert by AWS Invitation ID". */
export interface UpsertKey {
	operation: string;
	/** The unique deal property HubSpot upserts on. */
	idProperty: 'aws_opportunity_id' | 'aws_invitation_id';
	/** Node parameter (and output field) holding the ID. */
	param: string;
	label: string;
	placeholder: string;
	/** First sentence of the field's description, without a final period. */
	meaning: string;
}

export const upsertDescription = (key: UpsertKey): INodeProperties[] => {
	const show = { resource: ['deal'], operation: [key.operation] };
	return [
		{
			displayName: key.label,
			name: key.param,
			type: 'string',
			required: true,
			default: '',
			placeholder: key.placeholder,
			displayOptions: { show },
			description: `${key.meaning}. HubSpot keeps one deal per ID (the property is unique), so retries and parallel runs update the same deal instead of making a second one.`,
		},
		...propertyValueFields('deal', key.operation, '={{ $json.newDeal?.properties ?? $json.deal?.properties ?? {} }}'),
	{
		displayName: 'Associate With Company ID',
		name: 'companyId',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'HubSpot company to link to the deal (leave empty to keep the links as they are)',
	},
	{
		displayName: 'Company Is Primary',
		name: 'companyPrimary',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: 'Whether the company becomes the deal\'s primary company',
	},
	{
		displayName: 'Associate With Contact IDs',
		name: 'contactIds',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'Comma-separated HubSpot contact IDs to link to the deal',
	},
	];
};

/** Batch upsert on the unique property, 100 per call, then the optional company/contact links. */
export async function upsertDeals(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	key: UpsertKey,
): Promise<INodeExecutionData[]> {
	const ID_PROPERTY = key.idProperty;
	const results = new Map<number, INodeExecutionData[]>();
	const requests = collectRequests(this, items, results, (i) => {
		const oppId = requiredString(this, key.param, i, key.label);
		const properties = toPropertyStrings(readPropertyValues(this, i));
		if (properties[ID_PROPERTY] !== undefined && properties[ID_PROPERTY] !== oppId) {
			throw new NodeOperationError(
				this.getNode(),
				`The properties set ${ID_PROPERTY} to "${properties[ID_PROPERTY]}" but the ${key.label} field is "${oppId}"`,
				{ itemIndex: i },
			);
		}
		properties[ID_PROPERTY] = oppId;
		return {
			oppId,
			properties,
			companyId: optionalString(this, 'companyId', i),
			companyPrimary: this.getNodeParameter('companyPrimary', i, true) as boolean,
			contactIds: splitList(this.getNodeParameter('contactIds', i, '')),
		};
	});

	const keyOf = (r: { oppId: string }) => r.oppId;
	const deals = new Map<string, { deal: HsObject; created: boolean }>();
	const failed = new Map<string, unknown>();
	for (const part of chunk([...mergeByKey(requests, keyOf).entries()])) {
		const indexes = indexesFor(requests, keyOf, part.map(([id]) => id));
		try {
			const response = (await hubspotRequest(
				this,
				{
					method: 'POST',
					path: '/crm/v3/objects/deals/batch/upsert',
					body: { inputs: part.map(([id, properties]) => ({ id, idProperty: ID_PROPERTY, properties })) },
				},
				{ itemIndex: indexes[0] },
			)) as IDataObject;
			for (const raw of (response.results as IDataObject[]) ?? []) {
				const deal = toHsObject(raw);
				const oppId = deal.properties[ID_PROPERTY];
				if (oppId) deals.set(oppId, { deal, created: raw.new === true });
			}
			for (const [id, message] of batchErrorsById(response)) failed.set(id, new Error(message));
		} catch (error) {
			failItems(this, error, indexes, results);
		}
	}

	const companyLinks: AssociationInput[] = [];
	const contactLinks: AssociationInput[] = [];
	for (const r of requests) {
		const fromId = deals.get(r.oppId)?.deal.id;
		if (!fromId) continue;
		if (r.companyId) {
			companyLinks.push({ fromId, toId: r.companyId, typeId: ASSOCIATION_TYPES.dealToCompany });
			if (r.companyPrimary) companyLinks.push({ fromId, toId: r.companyId, typeId: ASSOCIATION_TYPES.dealToCompanyPrimary });
		}
		for (const toId of r.contactIds) contactLinks.push({ fromId, toId, typeId: ASSOCIATION_TYPES.dealToContact });
	}
	const linkError = (await tryAssociate(this, 'companies', companyLinks)) ?? (await tryAssociate(this, 'contacts', contactLinks));

	emitOutcomes(this, requests, results, (r) => {
		const done = deals.get(r.oppId);
		const extra = { [key.param]: r.oppId, dealId: done?.deal.id ?? null };
		if (!done) return { error: failed.get(r.oppId) ?? new Error(`HubSpot did not return a deal for ${r.oppId}`), extra };
		if (linkError && (r.companyId || r.contactIds.length)) return { error: linkError, extra };
		return { json: { dealId: done.deal.id, created: done.created, [key.param]: r.oppId, deal: done.deal as unknown as IDataObject } };
	});
	return inInputOrder(items.length, results);
}
