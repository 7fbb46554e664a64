import { taskFilters, withSortBy } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementTask',
	operation: 'listByAcceptingInvitation',
	name: 'List Accept-Invitation Tasks',
	action: 'List invitation acceptance tasks',
	description: 'Status and resulting opportunity of Start by Accepting Invitation tasks',
	sdkOperation: 'ListEngagementByAcceptingInvitationTasks',
	optional: taskFilters([
		{
			name: 'invitationIds',
			label: 'Invitation IDs',
			path: 'EngagementInvitationIdentifier',
			type: 'stringList',
		},
	]),
	build: withSortBy('StartTime'),
});
