import { snapshotJobId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'resourceSnapshotJob',
	operation: 'start',
	name: 'Start',
	action: 'Start a resource snapshot job',
	description: 'Start a created (or stopped) job',
	sdkOperation: 'StartResourceSnapshotJob',
	fields: [snapshotJobId],
	wait: {
		kind: 'resourceSnapshotJob',
		idFrom: 'ResourceSnapshotJobIdentifier',
		target: 'Running',
	},
});
