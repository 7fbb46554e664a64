import { invitationId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementTask',
	operation: 'startByAcceptingInvitation',
	name: 'Start by Accepting Invitation',
	action: 'Accept an invitation and create the opportunity',
	description:
		'Accept an AWS referral: accepts the invitation and creates the opportunity in your account (asynchronous; the result carries the opportunity ID)',
	sdkOperation: 'StartEngagementByAcceptingInvitationTask',
	fields: [invitationId()],
	wait: { kind: 'engagementByAcceptingInvitation', idFrom: 'TaskId' },
});
