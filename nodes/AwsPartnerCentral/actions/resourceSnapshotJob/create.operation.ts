import { engagementId, snapshotTarget } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'resourceSnapshotJob',
	operation: 'create',
	name: 'Create',
	action: 'Create a resource snapshot job',
	description: 'A job that re-shares the opportunity snapshot in the engagement whenever the opportunity changes',
	sdkOperation: 'CreateResourceSnapshotJob',
	fields: [engagementId(), ...snapshotTarget(true)],
});
