import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { UpsertKey } from './upsertByAwsId';
import { upsertDeals, upsertDescription } from './upsertByAwsId';

const key: UpsertKey = {
	operation: 'upsertByAwsOpportunityId',
	idProperty: 'aws_opportunity_id',
	param: 'awsOpportunityId',
	label: 'AWS Opportunity ID',
	placeholder: 'e.g. O1234567',
	meaning: 'Partner Central opportunity ID',
};

export const description: INodeProperties[] = upsertDescription(key);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await upsertDeals.call(this, items, key);
}
