import { invitationId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementInvitation',
	operation: 'accept',
	name: 'Accept',
	action: 'Accept an engagement invitation',
	description:
		'Accept only: this does NOT create your opportunity. To accept an AWS referral and get the opportunity, use Engagement Task > Start by Accepting Invitation.',
	sdkOperation: 'AcceptEngagementInvitation',
	fields: [invitationId()],
});
