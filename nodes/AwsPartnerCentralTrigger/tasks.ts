/** The asynchronous Partner Central tasks the trigger can report completions of: one list call each per poll. */
export interface TaskSource {
	event: string;
	displayName: string;
	description: string;
	listOperation: string;
}

export const TASK_SOURCES: TaskSource[] = [
	{
		event: 'acceptInvitationTaskCompleted',
		displayName: 'Task Finished: Accept Invitation',
		description: 'StartEngagementByAcceptingInvitationTask reached COMPLETE or FAILED (the new opportunity ID is in the output)',
		listOperation: 'ListEngagementByAcceptingInvitationTasks',
	},
	{
		event: 'submitOpportunityTaskCompleted',
		displayName: 'Task Finished: Submit Opportunity (Engagement From Opportunity)',
		description: 'StartEngagementFromOpportunityTask reached COMPLETE or FAILED',
		listOperation: 'ListEngagementFromOpportunityTasks',
	},
	{
		event: 'opportunityFromEngagementTaskCompleted',
		displayName: 'Task Finished: Opportunity From Engagement',
		description: 'StartOpportunityFromEngagementTask reached COMPLETE or FAILED',
		listOperation: 'ListOpportunityFromEngagementTasks',
	},
];

export const TASK_FINAL_STATUSES = ['COMPLETE', 'FAILED'] as const;

/**
 * Partner Central operations each event type of the polling trigger may call (IAM least privilege is checked
 * against this table, and the trigger's tests check the trigger calls nothing else).
 */
export const SELLING_OPERATIONS_BY_EVENT: Record<string, string[]> = {
	opportunityChanged: ['ListOpportunities'],
	awsSummaryChanged: ['ListOpportunities', 'GetAwsOpportunitySummary'],
	invitationCreated: ['ListEngagementInvitations'],
	invitationStatusChanged: ['ListEngagementInvitations', 'GetEngagementInvitation'],
	...Object.fromEntries(TASK_SOURCES.map((t) => [t.event, [t.listOperation]])),
};
