import { snapshotJobId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'resourceSnapshotJob',
	operation: 'stop',
	name: 'Stop',
	action: 'Stop a resource snapshot job',
	description: 'Stop a running job',
	sdkOperation: 'StopResourceSnapshotJob',
	fields: [snapshotJobId],
	wait: {
		kind: 'resourceSnapshotJob',
		idFrom: 'ResourceSnapshotJobIdentifier',
		target: 'Stopped',
	},
});
