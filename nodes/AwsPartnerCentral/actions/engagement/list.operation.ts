import { EngagementContextType, SortOrder } from '@aws-sdk/client-partnercentral-selling';

import { withSortBy } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagement',
	operation: 'list',
	name: 'List',
	action: 'List engagements',
	description:
		'List engagements you are a member of (to find the engagements of one opportunity, use List Resource Associations)',
	sdkOperation: 'ListEngagements',
	optional: [
		{
			name: 'engagementIds',
			label: 'Engagement IDs',
			path: 'EngagementIdentifier',
			type: 'stringList',
		},
		{
			name: 'createdBy',
			label: 'Created By (AWS Account IDs)',
			path: 'CreatedBy',
			type: 'stringList',
		},
		{
			name: 'excludeCreatedBy',
			label: 'Not Created By (AWS Account IDs)',
			path: 'ExcludeCreatedBy',
			type: 'stringList',
		},
		{
			name: 'contextTypes',
			label: 'Context Types',
			path: 'ContextTypes',
			type: 'multiOptions',
			enumValues: EngagementContextType,
		},
		{
			name: 'excludeContextTypes',
			label: 'Exclude Context Types',
			path: 'ExcludeContextTypes',
			type: 'multiOptions',
			enumValues: EngagementContextType,
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
