import type { IDataObject } from 'n8n-workflow';
import { RelatedEntityType, ResourceType, SortOrder, TaskStatus } from '@aws-sdk/client-partnercentral-selling';

import type { FieldSpec } from './fields';

/** Identifier fields used by several operations. */

export const opportunityId = (path = 'Identifier'): FieldSpec => ({
	name: 'opportunityId',
	label: 'Opportunity ID',
	path,
	required: true,
	placeholder: 'O1234567',
	description: 'Partner Central opportunity ID (starts with O)',
});

export const engagementId = (path = 'EngagementIdentifier'): FieldSpec => ({
	name: 'engagementId',
	label: 'Engagement ID',
	path,
	required: true,
	placeholder: 'eng-abcdefghijklm',
});

export const invitationId = (path = 'Identifier'): FieldSpec => ({
	name: 'invitationId',
	label: 'Invitation ID',
	path,
	required: true,
	placeholder: 'engi-abcdefghijklm',
	description: 'Engagement invitation ID or ARN',
});

export const snapshotJobId: FieldSpec = {
	name: 'resourceSnapshotJobId',
	label: 'Resource Snapshot Job ID',
	path: 'ResourceSnapshotJobIdentifier',
	required: true,
	placeholder: 'job-abcdefghijklm',
};

export const resourceArn: FieldSpec = {
	name: 'resourceArn',
	label: 'Resource ARN',
	path: 'ResourceArn',
	required: true,
	placeholder: 'arn:aws:partnercentral:us-east-1:123456789012:catalog/AWS/opportunity/O1234567',
};

/** The four members that name a resource snapshot (also used by snapshot jobs). */
export const snapshotTarget = (required: boolean): FieldSpec[] => [
	{
		name: 'resourceType',
		label: 'Resource Type',
		path: 'ResourceType',
		type: 'options',
		enumValues: ResourceType,
		required,
		default: required ? 'Opportunity' : undefined,
	},
	{
		name: 'resourceId',
		label: 'Resource ID',
		path: 'ResourceIdentifier',
		required,
		placeholder: 'O1234567',
		description: 'ID of the resource (opportunity) the snapshot is about',
	},
	{
		name: 'templateName',
		label: 'Snapshot Template',
		path: 'ResourceSnapshotTemplateIdentifier',
		required,
		default: required ? 'OpportunitySummaryView' : undefined,
		description:
			'OpportunitySummaryView (shared with all engagement members) or AwsOpportunitySummaryFullView (AWS updates, visible to the opportunity owner only)',
	},
];

export const taskFilters = (extra: FieldSpec[] = []): FieldSpec[] => [
	{
		name: 'taskIds',
		label: 'Task IDs',
		path: 'TaskIdentifier',
		type: 'stringList',
	},
	{
		name: 'taskStatus',
		label: 'Task Status',
		path: 'TaskStatus',
		type: 'multiOptions',
		enumValues: TaskStatus,
	},
	{
		name: 'opportunityIds',
		label: 'Opportunity IDs',
		path: 'OpportunityIdentifier',
		type: 'stringList',
	},
	...extra,
	{
		name: 'sortOrder',
		label: 'Sort by Start Time',
		path: 'Sort.SortOrder',
		type: 'options',
		enumValues: SortOrder,
	},
];

/**
 * `Sort` needs both SortBy and SortOrder: when the user picked one of them, fill the other with the default
 * (the operation's only or usual sort key, and the given default order).
 */
export const withSortBy =
	(sortBy: string, sortOrder = 'ASCENDING') =>
	(_ctx: unknown, _itemIndex: number, request: IDataObject): IDataObject => {
		const sort = request.Sort as IDataObject | undefined;
		if (sort) {
			sort.SortBy = sort.SortBy ?? sortBy;
			sort.SortOrder = sort.SortOrder ?? sortOrder;
		}
		return request;
	};

const RELATED_NON_SOLUTION = Object.values(RelatedEntityType).filter((t) => t !== 'Solutions');

/** What an opportunity is linked to (Associate / Disassociate): solutions from a dropdown, others by ID or ARN. */
export const relatedEntityFields: FieldSpec[] = [
	{
		name: 'relatedEntityType',
		label: 'Related Entity Type',
		path: 'RelatedEntityType',
		type: 'options',
		enumValues: RelatedEntityType,
		required: true,
		default: 'Solutions',
	},
	{
		name: 'solutionId',
		label: 'Solution Name or ID',
		path: 'RelatedEntityIdentifier',
		type: 'options',
		loadOptionsMethod: 'getSolutions',
		required: true,
		show: { relatedEntityType: ['Solutions'] },
	},
	{
		name: 'relatedEntityId',
		label: 'Related Entity ID',
		path: 'RelatedEntityIdentifier',
		required: true,
		show: { relatedEntityType: RELATED_NON_SOLUTION },
		placeholder: 'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/Offer/offer-abc',
		description: 'AWS product code or AWS Marketplace ARN',
	},
];
