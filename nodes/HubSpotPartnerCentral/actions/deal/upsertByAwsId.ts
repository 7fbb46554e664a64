import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AssociationInput } from '../../../shared/hubspot/associations';
import { ASSOCIATION_TYPES } from '../../../shared/hubspot/associations';
import { toPropertyStrings } from '../../../shared/hubspot/objects';
import {
	collectRequests,
	emitOutcomes,
	inInputOrder,
	optionalString,
	propertyValueFields,
	readPropertyValues,
	requiredString,
	splitList,
	tryAssociate,
} from '../common';
import { batchUpsert, dealCompanyLinks, writeByKey, writeOutcome } from '../writeByKey';

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
	const deals = await writeByKey(this, requests, keyOf, results, async (part, itemIndex) =>
		await batchUpsert(this, 'deals', ID_PROPERTY, part, itemIndex),
	);

	const companyLinks: AssociationInput[] = [];
	const contactLinks: AssociationInput[] = [];
	for (const r of requests) {
		const fromId = deals.written.get(r.oppId)?.record.id;
		if (!fromId) continue;
		if (r.companyId) companyLinks.push(...dealCompanyLinks(fromId, r.companyId, r.companyPrimary));
		for (const toId of r.contactIds) contactLinks.push({ fromId, toId, typeId: ASSOCIATION_TYPES.dealToContact });
	}
	const linkError = (await tryAssociate(this, 'companies', companyLinks)) ?? (await tryAssociate(this, 'contacts', contactLinks));

	emitOutcomes(this, requests, results, (r) =>
		writeOutcome(deals, r.oppId, {
			what: 'a deal',
			extra: (done) => ({ [key.param]: r.oppId, dealId: done?.record.id ?? null }),
			linkError,
			wantsLink: Boolean(r.companyId || r.contactIds.length),
			json: (done) => ({ dealId: done.record.id, created: done.created, [key.param]: r.oppId, deal: done.record as unknown as IDataObject }),
		}),
	);
	return inInputOrder(items.length, results);
}
