import { SolutionSortName, SolutionStatus, SortOrder } from '@aws-sdk/client-partnercentral-selling';

import { withSortBy } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'solution',
	operation: 'list',
	name: 'List',
	action: 'List partner solutions',
	description: 'Your solutions (IDs to link to opportunities with Opportunity > Associate)',
	sdkOperation: 'ListSolutions',
	optional: [
		{
			name: 'statuses',
			label: 'Statuses',
			path: 'Status',
			type: 'multiOptions',
			enumValues: SolutionStatus,
		},
		{
			name: 'solutionIds',
			label: 'Solution IDs',
			path: 'Identifier',
			type: 'stringList',
		},
		{
			name: 'categories',
			label: 'Categories',
			path: 'Category',
			type: 'stringList',
		},
		{
			name: 'marketplaceSolutionArns',
			label: 'AWS Marketplace Solution ARNs',
			path: 'AwsMarketplaceSolutionArn',
			type: 'stringList',
		},
		{
			name: 'sortBy',
			label: 'Sort By',
			path: 'Sort.SortBy',
			type: 'options',
			enumValues: SolutionSortName,
		},
		{
			name: 'sortOrder',
			label: 'Sort Order',
			path: 'Sort.SortOrder',
			type: 'options',
			enumValues: SortOrder,
		},
	],
	build: withSortBy('Name', 'ASCENDING'),
});
