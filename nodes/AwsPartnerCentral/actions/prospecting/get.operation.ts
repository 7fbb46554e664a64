import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'prospecting',
	operation: 'get',
	name: 'Get Task',
	action: 'Get a prospecting task',
	description: 'A prospecting task with its result for each engagement',
	sdkOperation: 'GetProspectingFromEngagementTask',
	fields: [
		{
			name: 'taskId',
			label: 'Task ID',
			path: 'TaskIdentifier',
			required: true,
		},
	],
});
