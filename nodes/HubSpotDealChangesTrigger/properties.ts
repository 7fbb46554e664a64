import type { INodeProperties } from 'n8n-workflow';

export const pollProperties: INodeProperties[] = [
	{
		displayName:
			'Checks HubSpot for deals created or changed since the last check. No HubSpot webhook setup needed; changes arrive at the next poll (and up to a minute later while HubSpot search catches up). The first activation starts from now unless you set a backfill start.',
		name: 'pollNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Pipeline Name or ID',
		name: 'pipeline',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelines' },
		default: '',
		description:
			'Only deals in this pipeline. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Deal Name Contains',
		name: 'nameTag',
		type: 'string',
		default: '',
		placeholder: 'e.g. #AWS',
		description:
			'Only deals whose name contains this text (upper or lower case alike), e.g. the tag your reps add to co-sell deals. Leave empty for all deals.',
	},
	{
		displayName: 'Only Deals With a Value In',
		name: 'hasProperty',
		type: 'string',
		default: '',
		placeholder: 'e.g. aws_opportunity_id',
		description:
			'Internal name of a deal property that must have a value, e.g. aws_opportunity_id for deals already linked to Partner Central. Leave empty for all deals.',
	},
	{
		displayName: 'Backfill Start',
		name: 'backfillFrom',
		type: 'dateTime',
		default: '',
		description:
			'Also emit deals changed since this date on the first run. Leave empty to start from the moment the workflow is activated. Changing it later restarts the cursor from the new date.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Additional Properties',
				name: 'properties',
				type: 'string',
				default: '',
				placeholder: 'e.g. description, hs_next_step',
				description:
					'More deal properties to include, separated by commas. The usual deal fields and all aws_* sync properties are always included.',
			},
			{
				displayName: 'Max Deals per Poll',
				name: 'maxDealsPerPoll',
				type: 'number',
				default: 1000,
				typeOptions: { minValue: 1 },
				description:
					'Emit at most about this many deals per check; a bigger backlog continues at the next check, in order, without gaps',
			},
			{
				displayName: 'Search Lag Allowance (Seconds)',
				name: 'overlapSeconds',
				type: 'number',
				default: 120,
				typeOptions: { minValue: 0 },
				description:
					'HubSpot search shows changes a little late. Each check looks back this far again (deals already emitted are not repeated) so late ones are not missed. Also covers a clock difference between n8n and HubSpot.',
			},
		],
	},
];
