import { engagementId, snapshotTarget } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'resourceSnapshot',
	operation: 'list',
	name: 'List',
	action: 'List the snapshots of an engagement',
	description: 'Snapshots shared in an engagement, optionally for one resource or template',
	sdkOperation: 'ListResourceSnapshots',
	fields: [engagementId()],
	optional: [
		...snapshotTarget(false),
		{
			name: 'createdBy',
			label: 'Created By (AWS Account ID)',
			path: 'CreatedBy',
		},
	],
});
