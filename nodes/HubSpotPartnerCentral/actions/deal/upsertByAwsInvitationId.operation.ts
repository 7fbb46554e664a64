import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { UpsertKey } from './upsertByAwsId';
import { upsertDeals, upsertDescription } from './upsertByAwsId';

const key: UpsertKey = {
	operation: 'upsertByAwsInvitationId',
	idProperty: 'aws_invitation_id',
	param: 'awsInvitationId',
	label: 'AWS Invitation ID',
	placeholder: 'e.g. engi-0123456789abc',
	meaning: 'Engagement invitation (AWS referral) ID: a referral has no opportunity ID until it is accepted',
};

export const description: INodeProperties[] = upsertDescription(key);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await upsertDeals.call(this, items, key);
}
