import { taskFilters, withSortBy } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementTask',
	operation: 'listOpportunityFromEngagement',
	name: 'List Opportunity-From-Engagement Tasks',
	action: 'List opportunity-from-engagement tasks',
	description: 'Status and resulting opportunity of Start Opportunity From Engagement tasks',
	sdkOperation: 'ListOpportunityFromEngagementTasks',
	optional: taskFilters([
		{
			name: 'engagementIds',
			label: 'Engagement IDs',
			path: 'EngagementIdentifier',
			type: 'stringList',
		},
		{
			name: 'contextIds',
			label: 'Context IDs',
			path: 'ContextIdentifier',
			type: 'stringList',
		},
	]),
	build: withSortBy('StartTime'),
});
