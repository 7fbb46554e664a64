import { ProspectingFromEngagementTaskSortName, SortOrder } from '@aws-sdk/client-partnercentral-selling';

import { withSortBy } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'prospecting',
	operation: 'list',
	name: 'List Tasks',
	action: 'List prospecting tasks',
	description: 'Prospecting tasks with their progress counts',
	sdkOperation: 'ListProspectingFromEngagementTasks',
	optional: [
		{
			name: 'taskIds',
			label: 'Task IDs',
			path: 'TaskIdentifier',
			type: 'stringList',
			description: 'Up to 10',
		},
		{
			name: 'taskNames',
			label: 'Task Names',
			path: 'TaskName',
			type: 'stringList',
			description: 'Up to 10',
		},
		{
			name: 'startAfter',
			label: 'Started After',
			path: 'StartAfter',
			type: 'dateTime',
		},
		{
			name: 'startBefore',
			label: 'Started Before',
			path: 'StartBefore',
			type: 'dateTime',
		},
		{
			name: 'sortBy',
			label: 'Sort By',
			path: 'Sort.SortBy',
			type: 'options',
			enumValues: ProspectingFromEngagementTaskSortName,
		},
		{
			name: 'sortOrder',
			label: 'Sort Order',
			path: 'Sort.SortOrder',
			type: 'options',
			enumValues: SortOrder,
		},
	],
	build: withSortBy('StartTime', 'DESCENDING'),
});
