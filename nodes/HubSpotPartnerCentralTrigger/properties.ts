import type { INodeProperties } from 'n8n-workflow';

export const SETUP_NOTICE =
	'Set up in HubSpot: open your app (Development > Legacy apps > your private app, or your project app) > Webhooks. ' +
	'Paste this node\'s Production URL as the target URL. Create subscriptions for: deal creation, deal property change ' +
	'(dealname, dealstage, amount, closedate, pipeline, hubspot_owner_id, description and the aws_* properties you let ' +
	'reps edit), deal deletion, deal merge and deal restore; add company and contact property changes if those should ' +
	're-sync a deal. Copy the client secret from the app\'s Auth tab into the credential. Full guide: docs/hubspot-triggers.md.';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: SETUP_NOTICE,
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Object Types',
		name: 'objectTypes',
		type: 'multiOptions',
		default: ['deal'],
		description: 'Which HubSpot records to react to. Leave empty to pass events of every type.',
		options: [
			{ name: 'Company', value: 'company' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Deal', value: 'deal' },
			{ name: 'Line Item', value: 'line_item' },
			{ name: 'Product', value: 'product' },
			{ name: 'Ticket', value: 'ticket' },
		],
	},
	{
		displayName: 'Events',
		name: 'actions',
		type: 'multiOptions',
		default: ['creation', 'propertyChange', 'deletion', 'merge', 'restore'],
		description: 'Which changes to react to. Leave empty to pass every kind of event.',
		options: [
			{ name: 'Association Changed', value: 'associationChange' },
			{ name: 'Created', value: 'creation' },
			{ name: 'Deleted', value: 'deletion' },
			{ name: 'Merged', value: 'merge' },
			{ name: 'Property Changed', value: 'propertyChange' },
			{ name: 'Restored', value: 'restore' },
		],
	},
	{
		displayName: 'Only These Properties',
		name: 'propertyNames',
		type: 'string',
		default: '',
		placeholder: 'e.g. dealstage, amount, closedate',
		description:
			'For "Property Changed" events: the internal property names to react to, separated by commas. Leave empty to react to every property HubSpot sends. Other event kinds are not affected.',
	},
	{
		displayName: 'Ignore Changes Made by This Sync',
		name: 'ignoreOwnWrites',
		type: 'boolean',
		default: false,
		description:
			'Whether to drop events caused by your own app writing to HubSpot (change source API or Integration from the app IDs below), so the sync does not react to its own updates',
	},
	{
		displayName: 'Own App IDs',
		name: 'ownAppIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1234567',
		description:
			'The app ID(s) whose writes to ignore, separated by commas: the app n8n uses to write to HubSpot (shown on the app page in HubSpot)',
		displayOptions: { show: { ignoreOwnWrites: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Accepted Signature Versions',
				name: 'signatureVersions',
				type: 'multiOptions',
				default: ['v3'],
				description:
					'HubSpot signs webhooks with v3 (timestamped, cannot be replayed). Allow v1 or v2 only for an old app that sends nothing else: they carry no timestamp, so a captured request could be replayed.',
				options: [
					{ name: 'V1 (Legacy, Body Only)', value: 'v1' },
					{ name: 'V2 (Legacy, Method + URL + Body)', value: 'v2' },
					{ name: 'V3 (Recommended)', value: 'v3' },
				],
			},
			{
				displayName: 'Drop Redelivered Events',
				name: 'deduplicate',
				type: 'boolean',
				default: true,
				description:
					'Whether to drop an event HubSpot delivers again (it retries when n8n answers slowly or fails); the same event ID, time, record, type and property seen within the window below is passed only once',
			},
			{
				displayName: 'One Item per Record',
				name: 'groupByRecord',
				type: 'boolean',
				default: false,
				description:
					'Whether to combine the events of the same record in one batch into one item (with all its events in "events"). A new deal usually arrives as a creation plus one property change per property; combined, the workflow handles it once.',
			},
			{
				displayName: 'Public Webhook URL',
				name: 'publicWebhookUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/abc/hubspot',
				description:
					"The exact URL you pasted into HubSpot, if it differs from the Production URL n8n shows (a proxy or tunnel in front of n8n rewrites it). HubSpot signs the URL it calls, so the check needs it. Leave empty to use n8n's own URL (WEBHOOK_URL) and the proxy headers.",
			},
			{
				displayName: 'Redelivery Window (Hours)',
				name: 'dedupWindowHours',
				type: 'number',
				default: 25,
				typeOptions: { minValue: 0.1 },
				description: 'How long to remember events. HubSpot retries for about a day.',
			},
			{
				displayName: 'Remembered Events (Max)',
				name: 'dedupMaxEntries',
				type: 'number',
				default: 5000,
				typeOptions: { minValue: 100 },
				description: 'At most this many events are remembered (the oldest are forgotten first)',
			},
			{
				displayName: 'Trust Proxy Headers',
				name: 'trustProxyHeaders',
				type: 'boolean',
				default: true,
				description:
					'Whether to also try the URL given by X-Forwarded-Proto/X-Forwarded-Host (or Forwarded) headers when checking the signature. Safe: a match still needs the client secret.',
			},
		],
	},
];
