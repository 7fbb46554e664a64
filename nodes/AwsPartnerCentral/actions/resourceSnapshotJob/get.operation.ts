import { snapshotJobId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'resourceSnapshotJob',
	operation: 'get',
	name: 'Get',
	action: 'Get a resource snapshot job',
	description: 'Job status, last successful run and last failure',
	sdkOperation: 'GetResourceSnapshotJob',
	fields: [snapshotJobId],
});
