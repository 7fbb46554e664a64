import { opportunityId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'opportunity',
	operation: 'assign',
	name: 'Assign',
	action: 'Assign an opportunity to a user',
	description: 'Make another Partner Central user the owner of the opportunity',
	sdkOperation: 'AssignOpportunity',
	fields: [
		opportunityId(),
		{
			name: 'assigneeEmail',
			label: 'Assignee Email',
			path: 'Assignee.Email',
			required: true,
			placeholder: 'name@example.com',
		},
		{
			name: 'assigneeFirstName',
			label: 'Assignee First Name',
			path: 'Assignee.FirstName',
			required: true,
		},
		{
			name: 'assigneeLastName',
			label: 'Assignee Last Name',
			path: 'Assignee.LastName',
			required: true,
		},
		{
			name: 'assigneeBusinessTitle',
			label: 'Assignee Business Title',
			path: 'Assignee.BusinessTitle',
			required: true,
			default: 'PartnerAccountManager',
			description: 'PartnerAccountManager to set the opportunity owner',
		},
	],
	optional: [
		{
			name: 'assigneePhone',
			label: 'Assignee Phone',
			path: 'Assignee.Phone',
			placeholder: '+14155550100',
		},
	],
});
