import { OpportunityOrigin } from '@aws-sdk/client-partnercentral-selling';

import { defineOperation } from '../common/operation';
import { applySpend, OPPORTUNITY_FIELDS } from '../common/opportunityFields';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'opportunity',
	operation: 'create',
	name: 'Create',
	action: 'Create an opportunity',
	description: 'Create a partner opportunity (review status starts as Pending Submission)',
	sdkOperation: 'CreateOpportunity',
	optional: [
		...OPPORTUNITY_FIELDS,
		{
			name: 'origin',
			label: 'Origin',
			path: 'Origin',
			type: 'options',
			enumValues: OpportunityOrigin,
			description: 'Partner Referral in the AWS catalog; AWS Referral only to simulate one in Sandbox',
		},
	],
	optionalLabel: 'Opportunity Fields',
	build: (_ctx, _i, request) => applySpend(request),
});
