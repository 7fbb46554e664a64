/**
 * The 45 Partner Central Selling API operations as data: which quota bucket each one draws from, which ones take a
 * ClientToken, which ones page with NextToken (and under which key the results come back), and which ones carry no
 * Catalog (the three tag operations work on ARNs).
 *
 * Quotas: ../shared/reference/partner-central.md section C7 (AWS developer guide "Quotas"). Operations the AWS page
 * does not list are `unlisted`: they are not paced here, and a ThrottlingException on them is retried like any other.
 */

export type QuotaClass =
	| 'write'
	| 'read'
	| 'prospectingRead'
	| 'prospectingList'
	| 'prospectingWrite'
	| 'engagementWrite'
	| 'unlisted';

export interface ListInfo {
	/** Member of the response that holds the page of results. */
	resultKey: string;
	/** Largest MaxResults the service accepts for this operation. */
	maxPageSize: number;
}

export interface OperationInfo {
	quota: QuotaClass;
	/** The request has an idempotency ClientToken. */
	clientToken?: boolean;
	list?: ListInfo;
	/** The request has no Catalog member. */
	noCatalog?: boolean;
}

export const OPERATIONS: Record<string, OperationInfo> = {
	// Opportunity
	CreateOpportunity: { quota: 'write', clientToken: true },
	GetOpportunity: { quota: 'read' },
	ListOpportunities: { quota: 'read', list: { resultKey: 'OpportunitySummaries', maxPageSize: 100 } },
	UpdateOpportunity: { quota: 'write' },
	SubmitOpportunity: { quota: 'unlisted' },
	AssignOpportunity: { quota: 'write' },
	AssociateOpportunity: { quota: 'write' },
	DisassociateOpportunity: { quota: 'write' },
	// AWS opportunity summary
	GetAwsOpportunitySummary: { quota: 'read' },
	// Engagement invitations
	ListEngagementInvitations: {
		quota: 'read',
		list: { resultKey: 'EngagementInvitationSummaries', maxPageSize: 100 },
	},
	GetEngagementInvitation: { quota: 'read' },
	AcceptEngagementInvitation: { quota: 'unlisted' },
	RejectEngagementInvitation: { quota: 'write' },
	CreateEngagementInvitation: { quota: 'unlisted', clientToken: true },
	StartEngagementByAcceptingInvitationTask: { quota: 'write', clientToken: true },
	ListEngagementByAcceptingInvitationTasks: {
		quota: 'unlisted',
		list: { resultKey: 'TaskSummaries', maxPageSize: 1000 },
	},
	// Engagements
	CreateEngagement: { quota: 'engagementWrite', clientToken: true },
	GetEngagement: { quota: 'unlisted' },
	ListEngagements: { quota: 'unlisted', list: { resultKey: 'EngagementSummaryList', maxPageSize: 100 } },
	ListEngagementMembers: { quota: 'unlisted', list: { resultKey: 'EngagementMemberList', maxPageSize: 10 } },
	CreateEngagementContext: { quota: 'unlisted', clientToken: true },
	UpdateEngagementContext: { quota: 'unlisted' },
	ListEngagementResourceAssociations: {
		quota: 'unlisted',
		list: { resultKey: 'EngagementResourceAssociationSummaries', maxPageSize: 1000 },
	},
	// Engagement tasks
	StartEngagementFromOpportunityTask: { quota: 'write', clientToken: true },
	ListEngagementFromOpportunityTasks: {
		quota: 'unlisted',
		list: { resultKey: 'TaskSummaries', maxPageSize: 1000 },
	},
	StartOpportunityFromEngagementTask: { quota: 'unlisted', clientToken: true },
	ListOpportunityFromEngagementTasks: {
		quota: 'unlisted',
		list: { resultKey: 'TaskSummaries', maxPageSize: 1000 },
	},
	// Prospecting
	StartProspectingFromEngagementTask: { quota: 'prospectingWrite', clientToken: true },
	GetProspectingFromEngagementTask: { quota: 'prospectingRead' },
	ListProspectingFromEngagementTasks: {
		quota: 'prospectingList',
		list: { resultKey: 'TaskSummaries', maxPageSize: 100 },
	},
	// Resource snapshots and jobs
	CreateResourceSnapshot: { quota: 'unlisted', clientToken: true },
	GetResourceSnapshot: { quota: 'unlisted' },
	ListResourceSnapshots: {
		quota: 'unlisted',
		list: { resultKey: 'ResourceSnapshotSummaries', maxPageSize: 1000 },
	},
	CreateResourceSnapshotJob: { quota: 'unlisted', clientToken: true },
	StartResourceSnapshotJob: { quota: 'unlisted' },
	StopResourceSnapshotJob: { quota: 'unlisted' },
	DeleteResourceSnapshotJob: { quota: 'unlisted' },
	GetResourceSnapshotJob: { quota: 'unlisted' },
	ListResourceSnapshotJobs: {
		quota: 'unlisted',
		list: { resultKey: 'ResourceSnapshotJobSummaries', maxPageSize: 1000 },
	},
	// Solutions
	ListSolutions: { quota: 'read', list: { resultKey: 'SolutionSummaries', maxPageSize: 100 } },
	// Selling system settings
	GetSellingSystemSettings: { quota: 'unlisted' },
	PutSellingSystemSettings: { quota: 'unlisted' },
	// Tags
	TagResource: { quota: 'unlisted', noCatalog: true },
	UntagResource: { quota: 'unlisted', noCatalog: true },
	ListTagsForResource: { quota: 'unlisted', noCatalog: true },
};

export const CLIENT_TOKEN_OPERATIONS = Object.keys(OPERATIONS).filter((op) => OPERATIONS[op].clientToken);

export function operationInfo(operation: string): OperationInfo | undefined {
	return Object.prototype.hasOwnProperty.call(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
}
