/** In-memory state of the Partner Central simulator (plain JSON-serialisable data, so it can be saved/loaded). */

export const PARTNER_ACCOUNT_ID = '111122223333';
/** Account id AWS uses as sender/creator in engagements (as in the AWS event examples: "aws"). */
export const AWS_ACCOUNT_ID = 'aws';
export const REGION = 'us-east-1';

export type Json = Record<string, unknown>;

export interface OpportunityRecord {
	Catalog: string;
	Id: string;
	Arn: string;
	CreatedDate: number;
	LastModifiedDate: number;
	Origin: 'Partner Referral' | 'AWS Referral';
	/** The replaceable part: PrimaryNeedsFromAws, NationalSecurity, PartnerOpportunityIdentifier, Customer, Project,
	 * OpportunityType, Marketing, SoftwareRevenue, LifeCycle. */
	data: Json;
	OpportunityTeam: Json[];
	RelatedEntityIdentifiers: Record<string, string[]>;
	Tags: { Key: string; Value: string }[];
	submission?: { InvolvementType: string; Visibility: string; submittedAt: number };
	engagementId?: string;
	awsSummary?: Json;
	/** AWS referral: data only visible after the invitation was accepted. */
	invitationId?: string;
}

export interface EngagementContext {
	Id: string;
	Type: string;
	Payload: Json;
}

export interface EngagementRecord {
	Catalog: string;
	Id: string;
	Arn: string;
	Title?: string;
	Description?: string;
	CreatedAt: number;
	CreatedBy: string;
	ModifiedAt: number;
	ModifiedBy: string;
	Contexts: EngagementContext[];
	members: { AccountId: string; CompanyName: string; WebsiteUrl?: string }[];
	/** Opportunities linked to the engagement (ListEngagementResourceAssociations). */
	resources: { ResourceType: string; ResourceId: string; CreatedBy: string }[];
	Tags: { Key: string; Value: string }[];
	nextContextId: number;
}

export interface InvitationRecord {
	Catalog: string;
	Id: string;
	Arn: string;
	EngagementId: string;
	EngagementTitle?: string;
	EngagementDescription?: string;
	PayloadType: 'OpportunityInvitation' | 'LeadInvitation';
	Payload: Json;
	Status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';
	InvitationDate: number;
	ExpirationDate: number;
	SenderAwsAccountId: string;
	SenderCompanyName: string;
	ReceiverAccountId: string;
	InvitationMessage?: string;
	RejectionReason?: string;
	/** For AWS referrals created via admin: the full opportunity data, withheld parts only copied on acceptance. */
	referral?: Json;
	EnrichmentContext?: Json;
	opportunityId?: string;
}

export interface TaskRecord {
	kind: 'EngagementFromOpportunity' | 'EngagementByAcceptingInvitation' | 'OpportunityFromEngagement';
	Catalog: string;
	TaskId: string;
	TaskArn: string;
	StartTime: number;
	TaskStatus: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';
	Message?: string;
	ReasonCode?: string;
	OpportunityId?: string;
	ResourceSnapshotJobId?: string;
	EngagementId?: string;
	EngagementInvitationId?: string;
	ContextId?: string;
	Tags: { Key: string; Value: string }[];
}

export interface ProspectingTaskRecord {
	Catalog: string;
	TaskId: string;
	TaskArn: string;
	TaskName: string;
	StartTime: number;
	EndTime?: number;
	Status: 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
	Identifiers: string[];
	Engagements: { EngagementIdentifier: string; EngagementContextId?: string; Status: string; ReasonCode?: string; Message?: string }[];
}

export interface SnapshotRecord {
	Catalog: string;
	Arn: string;
	EngagementId: string;
	ResourceType: string;
	ResourceId: string;
	ResourceSnapshotTemplateName: string;
	Revision: number;
	CreatedAt: number;
	CreatedBy: string;
	Payload: Json;
	TargetMemberAccounts: string[];
}

export interface SnapshotJobRecord {
	Catalog: string;
	Id: string;
	Arn: string;
	EngagementId: string;
	ResourceType: string;
	ResourceId: string;
	ResourceSnapshotTemplateName: string;
	CreatedAt: number;
	Status: 'Running' | 'Stopped';
	LastSuccessfulExecutionDate?: number;
	LastFailure?: string;
	Tags: { Key: string; Value: string }[];
}

export interface SolutionRecord {
	Catalog: string;
	Id: string;
	Arn?: string;
	Name: string;
	Status: 'Active' | 'Inactive' | 'Draft';
	Category: string;
	CreatedDate: number;
	AwsMarketplaceSolutionArn?: string;
}

export interface IdempotencyRecord {
	bodyKey: string;
	response: unknown;
}

export interface PcState {
	partner: { accountId: string; companyName: string; websiteUrl: string };
	opportunities: Record<string, OpportunityRecord>;
	engagements: Record<string, EngagementRecord>;
	invitations: Record<string, InvitationRecord>;
	tasks: Record<string, TaskRecord>;
	prospectingTasks: Record<string, ProspectingTaskRecord>;
	snapshots: SnapshotRecord[];
	snapshotJobs: Record<string, SnapshotJobRecord>;
	solutions: SolutionRecord[];
	settings: Record<string, { ResourceSnapshotJobRoleArn?: string }>;
	/** Tags of resources other than the ones above (by ARN). */
	tags: Record<string, { Key: string; Value: string }[]>;
	idempotency: Record<string, IdempotencyRecord>;
	nextOpportunityNumber: number;
	/** Counters shown to tests (e.g. STS AssumeRole calls). */
	counters: { assumeRole: number; getCallerIdentity: number };
}

export function initialState(now: number): PcState {
	return {
		partner: { accountId: PARTNER_ACCOUNT_ID, companyName: 'Simulated Partner Inc.', websiteUrl: 'https://partner.example.com' },
		opportunities: {},
		engagements: {},
		invitations: {},
		tasks: {},
		prospectingTasks: {},
		snapshots: [],
		snapshotJobs: {},
		solutions: [
			{ Catalog: 'Sandbox', Id: 'S-1234567', Name: 'Sandbox test solution', Status: 'Active', Category: 'Software Product', CreatedDate: now },
			{ Catalog: 'AWS', Id: 'S-0000001', Name: 'Managed Analytics Platform', Status: 'Active', Category: 'Software Product', CreatedDate: now },
			{ Catalog: 'AWS', Id: 'S-0000002', Name: 'Cloud Migration Services', Status: 'Active', Category: 'Consulting Service', CreatedDate: now },
			{ Catalog: 'AWS', Id: 'S-0000003', Name: 'Legacy Appliance (retired)', Status: 'Inactive', Category: 'Hardware Product', CreatedDate: now },
		].map((s) => ({ ...s, Arn: `arn:aws:partnercentral:${REGION}:${PARTNER_ACCOUNT_ID}:catalog/${s.Catalog}/solution/${s.Id}` })) as SolutionRecord[],
		settings: {},
		tags: {},
		idempotency: {},
		nextOpportunityNumber: 1000000001,
		counters: { assumeRole: 0, getCallerIdentity: 0 },
	};
}

export function opportunityArn(catalog: string, id: string): string {
	return `arn:aws:partnercentral:${REGION}:${PARTNER_ACCOUNT_ID}:catalog/${catalog}/opportunity/${id}`;
}
export function engagementArn(catalog: string, id: string): string {
	return `arn:aws:partnercentral:${REGION}:${PARTNER_ACCOUNT_ID}:catalog/${catalog}/engagement/${id}`;
}
export function invitationArn(catalog: string, id: string): string {
	return `arn:aws:partnercentral::${PARTNER_ACCOUNT_ID}:${catalog}/engagement-invitation/${id}`;
}
export function taskArn(catalog: string, kind: string, id: string): string {
	return `arn:aws:partnercentral:${REGION}:${PARTNER_ACCOUNT_ID}:catalog/${catalog}/${kind}/${id}`;
}
export function snapshotJobArn(catalog: string, id: string): string {
	return `arn:aws:partnercentral:${REGION}:${PARTNER_ACCOUNT_ID}:catalog/${catalog}/resource-snapshot-job/${id}`;
}
export function snapshotArn(catalog: string, engagementId: string, resourceId: string, template: string, revision: number): string {
	return `arn:aws:partnercentral:${REGION}:${PARTNER_ACCOUNT_ID}:catalog/${catalog}/engagement/${engagementId}/resource/Opportunity/${resourceId}/template/${template}/snapshot/${revision}`;
}

export function iso(ms: number | undefined): string | undefined {
	return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** Deterministic JSON with sorted keys (for idempotency body comparison). */
export function stableJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	const obj = value as Record<string, unknown>;
	return `{${Object.keys(obj)
		.filter((k) => obj[k] !== undefined)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
		.join(',')}}`;
}

export function clone<T>(v: T): T {
	return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
