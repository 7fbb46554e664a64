import { opportunityId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'awsOpportunitySummary',
	operation: 'get',
	name: 'Get',
	action: "Get AWS's view of an opportunity",
	description:
		"AWS's side of a submitted opportunity: AWS stage, next steps, AWS team, engagement score and insights, involvement type",
	sdkOperation: 'GetAwsOpportunitySummary',
	fields: [opportunityId('RelatedOpportunityIdentifier')],
});
