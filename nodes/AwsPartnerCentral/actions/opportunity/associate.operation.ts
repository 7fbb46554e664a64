import { opportunityId, relatedEntityFields } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'opportunity',
	operation: 'associate',
	name: 'Associate',
	action: 'Link a solution, AWS product or Marketplace offer to an opportunity',
	description: 'Link a solution (S-...), AWS product code or AWS Marketplace offer/product/solution ARN',
	sdkOperation: 'AssociateOpportunity',
	fields: [opportunityId('OpportunityIdentifier'), ...relatedEntityFields],
});
