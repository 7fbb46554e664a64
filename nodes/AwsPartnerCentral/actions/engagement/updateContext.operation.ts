import { EngagementContextType } from '@aws-sdk/client-partnercentral-selling';

import { engagementId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagement',
	operation: 'updateContext',
	name: 'Update Context',
	action: 'Update a context of an engagement',
	description: "Change a context's payload; needs the engagement's current last-modified time (from Engagement > Get)",
	sdkOperation: 'UpdateEngagementContext',
	fields: [
		engagementId(),
		{
			name: 'contextId',
			label: 'Context ID',
			path: 'ContextIdentifier',
			required: true,
		},
		{
			name: 'engagementLastModifiedAt',
			label: 'Engagement Last Modified At',
			path: 'EngagementLastModifiedAt',
			required: true,
			placeholder: '2026-01-31T12:00:00.000Z',
			description: 'ModifiedAt of the engagement as read (optimistic lock: a newer change makes this fail)',
		},
		{
			name: 'contextType',
			label: 'Context Type',
			path: 'Type',
			type: 'options',
			enumValues: EngagementContextType,
			required: true,
			default: 'Lead',
		},
		{
			name: 'payload',
			label: 'Payload (JSON)',
			path: 'Payload',
			type: 'json',
			required: true,
		},
	],
});
