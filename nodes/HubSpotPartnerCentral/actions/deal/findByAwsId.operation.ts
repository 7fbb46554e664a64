import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { DEFAULT_DEAL_PROPERTIES } from '../../../shared/hubspot/bundles';
import type { HsObject } from '../../../shared/hubspot/objects';
import { chunk, searchAll, uniqueStrings } from '../../../shared/hubspot/objects';
import { DEAL_PROPERTY_NAMES } from '../../../shared/sync/hubspotProperties';
import { collectRequests, failItems, inInputOrder, requiredString, splitList } from '../common';

const show = { resource: ['deal'], operation: ['findByAwsId'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'HubSpot search shows a deal a few seconds after it was written. To avoid duplicates, create deals with "Upsert by AWS Opportunity ID" rather than "find, then create".',
		name: 'searchLagNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Find By',
		name: 'idType',
		type: 'options',
		default: 'aws_opportunity_id',
		displayOptions: { show },
		options: [
			{ name: 'AWS Invitation ID', value: 'aws_invitation_id', description: 'The engagement invitation (AWS referral) the deal came from' },
			{ name: 'AWS Opportunity ID', value: 'aws_opportunity_id', description: 'The Partner Central opportunity (O...)' },
		],
	},
	{
		displayName: 'AWS ID',
		name: 'awsId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. O1234567',
		displayOptions: { show },
		description: 'The ID to look for. All input items are searched together, up to 100 IDs per search.',
	},
	{
		displayName: 'Additional Deal Properties',
		name: 'dealProperties',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'Comma-separated deal properties to return on top of the standard ones and every aws_* property',
	},
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const byType = new Map<string, Array<{ itemIndex: number; awsId: string }>>();
	const requests = collectRequests(this, items, results, (i) => ({
		idType: this.getNodeParameter('idType', i) as string,
		awsId: requiredString(this, 'awsId', i, 'AWS ID'),
	}));
	for (const r of requests) byType.set(r.idType, [...(byType.get(r.idType) ?? []), r]);
	const properties = uniqueStrings([
		...DEFAULT_DEAL_PROPERTIES,
		...DEAL_PROPERTY_NAMES,
		...splitList(this.getNodeParameter('dealProperties', 0, '')),
	]);

	for (const [idType, requests] of byType) {
		for (const part of chunk(requests)) {
			const indexes = part.map((r) => r.itemIndex);
			let deals: HsObject[];
			try {
				deals = await searchAll(
					this,
					'deals',
					{
						filterGroups: [{ filters: [{ propertyName: idType, operator: 'IN', values: uniqueStrings(part.map((r) => r.awsId)) }] }],
						properties,
					},
					{ itemIndex: indexes[0] },
				);
			} catch (error) {
				failItems(this, error, indexes, results);
				continue;
			}
			for (const r of part) {
				const matches = deals.filter((d) => d.properties[idType] === r.awsId);
				const json: IDataObject = {
					found: matches.length > 0,
					[idType === 'aws_opportunity_id' ? 'awsOpportunityId' : 'awsInvitationId']: r.awsId,
					dealId: matches[0]?.id ?? null,
					deal: (matches[0] as unknown as IDataObject) ?? null,
				};
				if (matches.length > 1) json.duplicateDealIds = matches.slice(1).map((d) => d.id);
				results.set(r.itemIndex, [{ json, pairedItem: { item: r.itemIndex } }]);
			}
		}
	}
	return inInputOrder(items.length, results);
}
