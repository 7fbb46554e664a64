import { defineOperation } from '../common/operation';
import { engagementId } from '../common/ids';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementInvitation',
	operation: 'create',
	name: 'Create',
	action: 'Invite a partner or AWS to an engagement',
	description: 'Send one invitation (with an opportunity or lead payload) to an AWS account',
	sdkOperation: 'CreateEngagementInvitation',
	fields: [
		engagementId(),
		{
			name: 'invitation',
			label: 'Invitation (JSON)',
			path: 'Invitation',
			type: 'json',
			required: true,
			default: '{\n  "Message": "",\n  "Receiver": { "Account": { "AwsAccountId": "" } },\n  "Payload": {}\n}',
			description:
				'The Invitation object of the API: Message, Receiver and Payload (OpportunityInvitation or LeadInvitation)',
		},
	],
});
