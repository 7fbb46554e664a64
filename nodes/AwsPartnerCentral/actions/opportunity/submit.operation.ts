import { SalesInvolvementType, Visibility } from '@aws-sdk/client-partnercentral-selling';

import { opportunityId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'opportunity',
	operation: 'submit',
	name: 'Submit',
	action: 'Submit an opportunity to AWS',
	description:
		'Submit for AWS review (AWS recommends Engagement Task > Start From Opportunity, which also shares it in an engagement)',
	sdkOperation: 'SubmitOpportunity',
	fields: [
		opportunityId(),
		{
			name: 'involvementType',
			label: 'Involvement Type',
			path: 'InvolvementType',
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
			path: 'Visibility',
			type: 'options',
			enumValues: Visibility,
		},
	],
});
