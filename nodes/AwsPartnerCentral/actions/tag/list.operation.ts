import { resourceArn } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'tag',
	operation: 'list',
	name: 'List',
	action: 'List the tags of a resource',
	description: 'Tags of a Partner Central resource (by ARN)',
	sdkOperation: 'ListTagsForResource',
	fields: [resourceArn],
});
