import { engagementId, snapshotTarget } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'resourceSnapshot',
	operation: 'get',
	name: 'Get',
	action: 'Get a resource snapshot',
	description: 'The opportunity summary shared in an engagement (latest revision unless one is given)',
	sdkOperation: 'GetResourceSnapshot',
	fields: [engagementId(), ...snapshotTarget(true)],
	optional: [
		{
			name: 'revision',
			label: 'Revision',
			path: 'Revision',
			type: 'number',
			default: 1,
		},
	],
});
