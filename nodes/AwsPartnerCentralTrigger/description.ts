import type { INodeProperties } from 'n8n-workflow';

import { TASK_SOURCES } from './tasks';

export const EVENT_OPTIONS = [
	{
		name: 'Opportunity Created or Updated',
		value: 'opportunityChanged',
		description: 'ListOpportunities with LastModifiedDate after the cursor (one call when nothing changed)',
	},
	{
		name: 'New Engagement Invitation',
		value: 'invitationCreated',
		description: 'An invitation (AWS referral or partner invitation) received by your account',
	},
	{
		name: 'Engagement Invitation Status Changed',
		value: 'invitationStatusChanged',
		description: 'PENDING → ACCEPTED, REJECTED or EXPIRED, for invitations received since activation',
	},
	...TASK_SOURCES.map((t) => ({ name: t.displayName, value: t.event, description: t.description })),
	{
		name: 'AWS Opportunity Summary Changed',
		value: 'awsSummaryChanged',
		description:
			'AWS-side view (stage, team, insights) of the opportunities this trigger has seen. Costs one GetAwsOpportunitySummary call per followed opportunity per poll.',
	},
];

export const pollTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: ['opportunityChanged', 'invitationCreated'],
		required: true,
		description:
			'Each list-based event type costs one API call per poll when nothing changed. The first activation starts from now (see Backfill From).',
	},
	{
		displayName: 'Invitation Status',
		name: 'invitationStatus',
		type: 'multiOptions',
		options: [
			{ name: 'Accepted', value: 'ACCEPTED' },
			{ name: 'Expired', value: 'EXPIRED' },
			{ name: 'Pending', value: 'PENDING' },
			{ name: 'Rejected', value: 'REJECTED' },
		],
		default: [],
		description: 'Only new invitations in these statuses (empty = any)',
		displayOptions: { show: { events: ['invitationCreated'] } },
	},
	{
		displayName: 'Invitation Payload Type',
		name: 'invitationPayloadType',
		type: 'multiOptions',
		options: [
			{ name: 'Lead Invitation', value: 'LeadInvitation' },
			{ name: 'Opportunity Invitation', value: 'OpportunityInvitation' },
		],
		default: [],
		description: 'Only invitations with these payload types (empty = any)',
		displayOptions: { show: { events: ['invitationCreated', 'invitationStatusChanged'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Backfill From',
				name: 'backfillFrom',
				type: 'dateTime',
				default: '',
				description:
					'On first activation, also emit changes since this date instead of starting from now. Changing it later restarts the cursors from the new date.',
			},
			{
				displayName: 'Followed Opportunities (Summary Changes)',
				name: 'maxTrackedOpportunities',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 200 },
				default: 20,
				description:
					'How many of the most recently changed opportunities to watch for AWS summary changes: one read call each per poll',
			},
			{
				displayName: 'Max Items per Poll',
				name: 'maxItemsPerPoll',
				type: 'number',
				typeOptions: { minValue: 10 },
				default: 500,
				description: 'Larger backlogs continue on the next poll (nothing is skipped)',
			},
			{
				displayName: 'Overlap (Seconds)',
				name: 'overlapSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description:
					'Each poll re-reads this far behind its cursor, to catch records that become visible late; repeats are filtered out',
			},
		],
	},
];
