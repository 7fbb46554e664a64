import { taskFilters, withSortBy } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementTask',
	operation: 'listFromOpportunity',
	name: 'List From-Opportunity Tasks',
	action: 'List submission tasks',
	description: 'Status, reason code and resulting engagement of Start From Opportunity tasks',
	sdkOperation: 'ListEngagementFromOpportunityTasks',
	optional: taskFilters([
		{
			name: 'engagementIds',
			label: 'Engagement IDs',
			path: 'EngagementIdentifier',
			type: 'stringList',
		},
	]),
	build: withSortBy('StartTime'),
});
