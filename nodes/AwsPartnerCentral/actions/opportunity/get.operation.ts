import { opportunityId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'opportunity',
	operation: 'get',
	name: 'Get',
	action: 'Get an opportunity',
	description: 'Get every field of an opportunity, including its review status and last-modified date',
	sdkOperation: 'GetOpportunity',
	fields: [opportunityId()],
});
