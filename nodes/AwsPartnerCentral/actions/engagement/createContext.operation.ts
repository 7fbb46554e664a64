import { EngagementContextType } from '@aws-sdk/client-partnercentral-selling';

import { engagementId } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagement',
	operation: 'createContext',
	name: 'Create Context',
	action: 'Add a context to an engagement',
	description: 'Add a customer project, lead or prospecting result to an engagement',
	sdkOperation: 'CreateEngagementContext',
	fields: [
		engagementId(),
		{
			name: 'contextType',
			label: 'Context Type',
			path: 'Type',
			type: 'options',
			enumValues: EngagementContextType,
			required: true,
			default: 'CustomerProject',
		},
		{
			name: 'payload',
			label: 'Payload (JSON)',
			path: 'Payload',
			type: 'json',
			required: true,
			description: 'e.g. {"CustomerProject": {"Customer": {...}, "Project": {...}}} or {"Lead": {...}}',
		},
	],
});
