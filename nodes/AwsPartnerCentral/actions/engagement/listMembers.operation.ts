import { engagementId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagement',
	operation: 'listMembers',
	name: 'List Members',
	action: 'List the members of an engagement',
	description: 'Companies in the engagement (only members can call this)',
	sdkOperation: 'ListEngagementMembers',
	fields: [engagementId('Identifier')],
});
