import {
	EngagementInvitationPayloadType,
	InvitationStatus,
	ParticipantType,
	SortOrder,
} from '@aws-sdk/client-partnercentral-selling';

import { withSortBy } from '../common/ids';
import { defineOperation } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'engagementInvitation',
	operation: 'list',
	name: 'List',
	action: 'List engagement invitations',
	description: 'Invitations you received (AWS referrals, partner invitations) or sent',
	sdkOperation: 'ListEngagementInvitations',
	fields: [
		{
			name: 'participantType',
			label: 'Invitations I',
			path: 'ParticipantType',
			type: 'options',
			enumValues: ParticipantType,
			required: true,
			default: 'RECEIVER',
			description: 'RECEIVER: invitations sent to you; SENDER: invitations you sent',
		},
	],
	optional: [
		{
			name: 'statuses',
			label: 'Statuses',
			path: 'Status',
			type: 'multiOptions',
			enumValues: InvitationStatus,
		},
		{
			name: 'payloadTypes',
			label: 'Payload Types',
			path: 'PayloadType',
			type: 'multiOptions',
			enumValues: EngagementInvitationPayloadType,
		},
		{
			name: 'engagementIds',
			label: 'Engagement IDs',
			path: 'EngagementIdentifier',
			type: 'stringList',
		},
		{
			name: 'senderAwsAccountIds',
			label: 'Sender AWS Account IDs',
			path: 'SenderAwsAccountId',
			type: 'stringList',
		},
		{
			name: 'sortOrder',
			label: 'Sort by Invitation Date',
			path: 'Sort.SortOrder',
			type: 'options',
			enumValues: SortOrder,
		},
	],
	build: withSortBy('InvitationDate'),
});
