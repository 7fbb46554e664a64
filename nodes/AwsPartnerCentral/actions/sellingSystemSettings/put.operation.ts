import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'sellingSystemSettings',
	operation: 'put',
	name: 'Set',
	action: 'Set selling system settings',
	description: 'Set the IAM role Partner Central uses for resource snapshot jobs',
	sdkOperation: 'PutSellingSystemSettings',
	fields: [
		{
			name: 'resourceSnapshotJobRole',
			label: 'Resource Snapshot Job Role',
			path: 'ResourceSnapshotJobRoleIdentifier',
			required: true,
			placeholder: 'arn:aws:iam::123456789012:role/PartnerCentralSnapshotJobs',
			description: 'Role name or ARN',
		},
	],
});
