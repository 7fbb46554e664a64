import { engagementId, snapshotTarget } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'resourceSnapshot',
	operation: 'create',
	name: 'Create',
	action: 'Share a snapshot of an opportunity in an engagement',
	description: 'Create an immutable snapshot of the opportunity for the engagement members',
	sdkOperation: 'CreateResourceSnapshot',
	fields: [engagementId(), ...snapshotTarget(true)],
});
