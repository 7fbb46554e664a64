import { snapshotTarget } from '../common/ids';
import { defineOperation } from '../common/operation';

const [resourceType, resourceId] = snapshotTarget(false);

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagement',
	operation: 'listResourceAssociations',
	name: 'List Resource Associations',
	action: 'List which opportunities are linked to which engagements',
	description: 'Find the engagements of an opportunity (filter by Resource ID) or the opportunities of an engagement',
	sdkOperation: 'ListEngagementResourceAssociations',
	optional: [
		{
			name: 'engagementId',
			label: 'Engagement ID',
			path: 'EngagementIdentifier',
		},
		resourceType,
		resourceId,
		{
			name: 'createdBy',
			label: 'Created By (AWS Account ID)',
			path: 'CreatedBy',
		},
	],
});
