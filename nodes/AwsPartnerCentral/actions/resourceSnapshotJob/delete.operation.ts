import { snapshotJobId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'resourceSnapshotJob',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a resource snapshot job',
	description: 'Delete a job (stop it first)',
	sdkOperation: 'DeleteResourceSnapshotJob',
	fields: [snapshotJobId],
});
