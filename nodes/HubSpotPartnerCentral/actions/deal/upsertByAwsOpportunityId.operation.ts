import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AssociationInput } from '../../../shared/hubspot/associations';
import { ASSOCIATION_TYPES, createAssociations } from '../../../shared/hubspot/associations';
import type { HsObject } from '../../../shared/hubspot/objects';
import { chunk, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
	asNodeError,
	batchErrorsById,
	errorItem,
	failItems,
	inInputOrder,
	optionalString,
	propertyValueFields,
	readPropertyValues,
	requiredString,
	splitList,
} from '../common';

const show = { resource: ['deal'], operation: ['upsertByAwsOpportunityId'] };
const ID_PROPERTY = 'aws_opportunity_id';

export const description: INodeProperties[] = [
	{
		displayName: 'AWS Opportunity ID',
		name: 'awsOpportunityId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. O1234567',
		displayOptions: { show },
		description:
			'Partner Central opportunity ID. HubSpot keeps one deal per ID (the property is unique), so retries and parallel runs update the same deal instead of making a second one.',
	},
	...propertyValueFields('deal', 'upsertByAwsOpportunityId', '={{ $json.hubspotProperties ?? {} }}'),
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

interface Request {
	itemIndex: number;
	oppId: string;
	properties: Record<string, string | null>;
	companyId: string;
	companyPrimary: boolean;
	contactIds: string[];
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const requests: Request[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const oppId = requiredString(this, 'awsOpportunityId', i, 'AWS Opportunity ID');
			const properties = toPropertyStrings(readPropertyValues(this, i));
			if (properties[ID_PROPERTY] !== undefined && properties[ID_PROPERTY] !== oppId) {
				throw new NodeOperationError(this.getNode(), `The properties set ${ID_PROPERTY} to "${properties[ID_PROPERTY]}" but the AWS Opportunity ID field is "${oppId}"`, { itemIndex: i });
			}
			properties[ID_PROPERTY] = oppId;
			requests.push({
				itemIndex: i,
				oppId,
				properties,
				companyId: optionalString(this, 'companyId', i),
				companyPrimary: this.getNodeParameter('companyPrimary', i, true) as boolean,
				contactIds: splitList(this.getNodeParameter('contactIds', i, '')),
			});
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, i);
			results.set(i, [errorItem(error, i)]);
		}
	}

	// HubSpot rejects a batch naming the same ID twice: merge items for one opportunity (later items win).
	const merged = new Map<string, Record<string, string | null>>();
	for (const r of requests) merged.set(r.oppId, { ...(merged.get(r.oppId) ?? {}), ...r.properties });
	const deals = new Map<string, { deal: HsObject; created: boolean }>();
	const failed = new Map<string, unknown>();
	for (const part of chunk([...merged.entries()])) {
		const indexes = requests.filter((r) => part.some(([id]) => id === r.oppId)).map((r) => r.itemIndex);
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
				const key = deal.properties[ID_PROPERTY];
				if (key) deals.set(key, { deal, created: raw.new === true });
			}
			for (const [id, message] of batchErrorsById(response)) failed.set(id, new Error(message));
		} catch (error) {
			failItems(this, error, indexes, results);
			for (const [id] of part) failed.set(id, error);
		}
	}

	const associations = { companies: [] as AssociationInput[], contacts: [] as AssociationInput[] };
	for (const r of requests) {
		const done = deals.get(r.oppId);
		if (!done) continue;
		if (r.companyId) {
			associations.companies.push({ fromId: done.deal.id, toId: r.companyId, typeId: ASSOCIATION_TYPES.dealToCompany });
			if (r.companyPrimary) {
				associations.companies.push({ fromId: done.deal.id, toId: r.companyId, typeId: ASSOCIATION_TYPES.dealToCompanyPrimary });
			}
		}
		for (const contactId of r.contactIds) {
			associations.contacts.push({ fromId: done.deal.id, toId: contactId, typeId: ASSOCIATION_TYPES.dealToContact });
		}
	}
	let associationError: unknown;
	try {
		if (associations.companies.length) await createAssociations(this, 'deals', 'companies', associations.companies);
		if (associations.contacts.length) await createAssociations(this, 'deals', 'contacts', associations.contacts);
	} catch (error) {
		associationError = error;
	}

	for (const r of requests) {
		if (results.has(r.itemIndex)) continue;
		const done = deals.get(r.oppId);
		const wantsLinks = Boolean(r.companyId) || r.contactIds.length > 0;
		const problem =
			failed.get(r.oppId) ??
			(done ? undefined : new Error(`HubSpot did not return a deal for ${r.oppId}`)) ??
			(wantsLinks ? associationError : undefined);
		if (problem) {
			if (!this.continueOnFail()) throw asNodeError(this, problem, r.itemIndex);
			results.set(r.itemIndex, [errorItem(problem, r.itemIndex, { awsOpportunityId: r.oppId, dealId: done?.deal.id ?? null })]);
			continue;
		}
		results.set(r.itemIndex, [
			{
				json: { dealId: done!.deal.id, created: done!.created, awsOpportunityId: r.oppId, deal: done!.deal as unknown as IDataObject },
				pairedItem: { item: r.itemIndex },
			},
		]);
	}
	return inInputOrder(items.length, results);
}
