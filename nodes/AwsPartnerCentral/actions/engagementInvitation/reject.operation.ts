import { invitationId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementInvitation',
	operation: 'reject',
	name: 'Reject',
	action: 'Reject an engagement invitation',
	description: 'Decline an invitation; its data is no longer accessible afterwards',
	sdkOperation: 'RejectEngagementInvitation',
	fields: [invitationId()],
	optional: [
		{
			name: 'rejectionReason',
			label: 'Rejection Reason',
			path: 'RejectionReason',
			type: 'options',
			enumValues: {
				a: 'Customer problem unclear',
				b: 'Next steps unclear',
				c: 'Unable to support',
				d: 'Duplicate of partner referral',
				e: 'Other',
			},
		},
	],
});
