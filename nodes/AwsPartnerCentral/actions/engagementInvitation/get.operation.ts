import { invitationId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementInvitation',
	operation: 'get',
	name: 'Get',
	action: 'Get an engagement invitation',
	description: 'Invitation details: payload (opportunity or lead), status, dates, existing members',
	sdkOperation: 'GetEngagementInvitation',
	fields: [invitationId()],
});
