import { SalesInvolvementType, Visibility } from '@aws-sdk/client-partnercentral-selling';

import { opportunityId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementTask',
	operation: 'startFromOpportunity',
	name: 'Start From Opportunity',
	action: 'Submit an opportunity to AWS through an engagement',
	description:
		"AWS's recommended submission: creates the engagement and snapshot, invites AWS and submits the opportunity (asynchronous)",
	sdkOperation: 'StartEngagementFromOpportunityTask',
	fields: [
		opportunityId(),
		{
			name: 'involvementType',
			label: 'Involvement Type',
			path: 'AwsSubmission.InvolvementType',
			type: 'options',
			enumValues: SalesInvolvementType,
			required: true,
			default: 'Co-Sell',
		},
	],
	optional: [
		{
			name: 'visibility',
			label: 'Visibility',
			path: 'AwsSubmission.Visibility',
			type: 'options',
			enumValues: Visibility,
		},
	],
	wait: { kind: 'engagementFromOpportunity', idFrom: 'TaskId' },
});
