import { engagementId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagement',
	operation: 'get',
	name: 'Get',
	action: 'Get an engagement',
	description: 'Engagement with its contexts, member count and who changed it last',
	sdkOperation: 'GetEngagement',
	fields: [engagementId('Identifier')],
});
