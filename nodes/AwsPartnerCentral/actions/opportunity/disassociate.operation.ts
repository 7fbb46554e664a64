import { opportunityId, relatedEntityFields } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'opportunity',
	operation: 'disassociate',
	name: 'Disassociate',
	action: 'Unlink a solution, AWS product or Marketplace offer from an opportunity',
	description: 'Remove a link (attach the replacement first when removing the last required solution)',
	sdkOperation: 'DisassociateOpportunity',
	fields: [opportunityId('OpportunityIdentifier'), ...relatedEntityFields],
});
