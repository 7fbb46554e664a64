import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagement',
	operation: 'create',
	name: 'Create',
	action: 'Create an engagement',
	description: 'Create a collaboration space for a customer project; you become its first member',
	sdkOperation: 'CreateEngagement',
	fields: [
		{ name: 'title', label: 'Title', path: 'Title', required: true },
		{
			name: 'engagementDescription',
			label: 'Description',
			path: 'Description',
			required: true,
		},
	],
	optional: [
		{
			name: 'contexts',
			label: 'Contexts (JSON)',
			path: 'Contexts',
			type: 'json',
			default: '[]',
			description: 'Up to 5 contexts, e.g. [{"Type": "CustomerProject", "Payload": {"CustomerProject": {...}}}]',
		},
	],
});
