import { ReviewStatus, SortOrder, Stage, OpportunitySortName } from '@aws-sdk/client-partnercentral-selling';

import { withSortBy } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'opportunity',
	operation: 'list',
	name: 'List',
	action: 'List opportunities',
	description: 'List opportunity summaries, newest changes first by default',
	sdkOperation: 'ListOpportunities',
	optional: [
		{
			name: 'modifiedAfter',
			label: 'Modified After',
			path: 'LastModifiedDate.AfterLastModifiedDate',
			type: 'dateTime',
		},
		{
			name: 'modifiedBefore',
			label: 'Modified Before',
			path: 'LastModifiedDate.BeforeLastModifiedDate',
			type: 'dateTime',
		},
		{
			name: 'opportunityIds',
			label: 'Opportunity IDs',
			path: 'Identifier',
			type: 'stringList',
		},
		{
			name: 'stages',
			label: 'Stages',
			path: 'LifeCycleStage',
			type: 'multiOptions',
			enumValues: Stage,
		},
		{
			name: 'reviewStatuses',
			label: 'Review Statuses',
			path: 'LifeCycleReviewStatus',
			type: 'multiOptions',
			enumValues: ReviewStatus,
		},
		{
			name: 'customerCompanyNames',
			label: 'Customer Company Names',
			path: 'CustomerCompanyName',
			type: 'stringList',
		},
		{
			name: 'sortBy',
			label: 'Sort By',
			path: 'Sort.SortBy',
			type: 'options',
			enumValues: OpportunitySortName,
		},
		{
			name: 'sortOrder',
			label: 'Sort Order',
			path: 'Sort.SortOrder',
			type: 'options',
			enumValues: SortOrder,
		},
	],
	build: withSortBy('LastModifiedDate', 'DESCENDING'),
});
