import { ResourceSnapshotJobStatus, SortOrder } from '@aws-sdk/client-partnercentral-selling';

import { withSortBy } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'resourceSnapshotJob',
	operation: 'list',
	name: 'List',
	action: 'List resource snapshot jobs',
	description: 'Snapshot jobs, optionally of one engagement or status',
	sdkOperation: 'ListResourceSnapshotJobs',
	optional: [
		{
			name: 'engagementId',
			label: 'Engagement ID',
			path: 'EngagementIdentifier',
		},
		{
			name: 'status',
			label: 'Status',
			path: 'Status',
			type: 'options',
			enumValues: ResourceSnapshotJobStatus,
		},
		{
			name: 'sortOrder',
			label: 'Sort by Created Date',
			path: 'Sort.SortOrder',
			type: 'options',
			enumValues: SortOrder,
		},
	],
	build: withSortBy('CreatedDate'),
});
