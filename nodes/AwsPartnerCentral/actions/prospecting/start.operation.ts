import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'prospecting',
	operation: 'start',
	name: 'Start',
	action: 'Turn engagement contexts into prospecting results',
	description: 'Start a prospecting task over up to 100 engagements (asynchronous)',
	sdkOperation: 'StartProspectingFromEngagementTask',
	fields: [
		{
			name: 'taskName',
			label: 'Task Name',
			path: 'TaskName',
			required: true,
			description: '1 to 128 characters',
		},
		{
			name: 'engagementIds',
			label: 'Engagement IDs',
			path: 'Identifiers',
			type: 'stringList',
			required: true,
		},
	],
	wait: { kind: 'prospectingFromEngagement', idFrom: 'TaskId' },
});
