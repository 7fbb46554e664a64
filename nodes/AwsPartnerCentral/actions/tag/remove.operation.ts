import { resourceArn } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'tag',
	operation: 'remove',
	name: 'Remove',
	action: 'Remove tags from a resource',
	description: 'Remove tags by key',
	sdkOperation: 'UntagResource',
	fields: [
		resourceArn,
		{
			name: 'tagKeys',
			label: 'Tag Keys',
			path: 'TagKeys',
			type: 'stringList',
			required: true,
		},
	],
});
