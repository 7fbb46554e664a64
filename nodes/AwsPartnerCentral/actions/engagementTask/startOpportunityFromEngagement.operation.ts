import { engagementId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementTask',
	operation: 'startOpportunityFromEngagement',
	name: 'Start Opportunity From Engagement',
	action: 'Create an opportunity from an engagement context',
	description: 'Turn an engagement context (e.g. a lead) into an opportunity in your account (asynchronous)',
	sdkOperation: 'StartOpportunityFromEngagementTask',
	fields: [
		engagementId('Identifier'),
		{
			name: 'contextId',
			label: 'Context ID',
			path: 'ContextIdentifier',
			required: true,
		},
	],
	wait: { kind: 'opportunityFromEngagement', idFrom: 'TaskId' },
});
