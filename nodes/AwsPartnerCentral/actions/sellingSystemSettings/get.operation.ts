import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'sellingSystemSettings',
	operation: 'get',
	name: 'Get',
	action: 'Get selling system settings',
	description: 'The IAM role Partner Central uses for resource snapshot jobs',
	sdkOperation: 'GetSellingSystemSettings',
});
