import type { INodeProperties } from 'n8n-workflow';

import { PARTNER_CENTRAL_DETAIL_TYPES } from '../shared/events/envelope';

export const REPEAT_NOTICE =
	'Events may repeat and arrive out of order (AWS delivers them at least once): build the workflow so that handling the same event twice does no harm, e.g. re-fetch the opportunity and compare before writing.';

export const eventTriggerProperties: INodeProperties[] = [
	{
		displayName: REPEAT_NOTICE,
		name: 'repeatNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Receive Events Via',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'SQS Queue (Nothing Inbound Needed)',
				value: 'sqs',
				description:
					'An EventBridge rule puts events into an SQS queue; n8n long-polls it. Works when n8n is not reachable from the internet.',
			},
			{
				name: 'Webhook (EventBridge API Destination)',
				value: 'webhook',
				description: 'EventBridge calls this node\'s production URL. n8n must be reachable over HTTPS from AWS.',
			},
		],
		default: 'sqs',
	},
	{
		displayName:
			'Copy this node\'s Production URL into the CloudFormation parameter WebhookUrl (infra/partner-central-events-api-destination.yaml). The credential holds the same API key or user/password as the EventBridge connection.',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { mode: ['webhook'] } },
	},
	{
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		options: [
			{
				name: 'When the Workflow Finishes',
				value: 'lastNode',
				description:
					'A failed execution answers 500, so EventBridge retries and finally puts the event in the dead-letter queue. EventBridge waits at most 5 seconds.',
			},
			{
				name: 'Immediately',
				value: 'onReceived',
				description:
					'Answer 200 as soon as the event is accepted. Use it for long workflows and let n8n\'s error workflow report failures.',
			},
		],
		default: 'lastNode',
		displayOptions: { show: { mode: ['webhook'] } },
	},
	{
		displayName: 'Queue URL',
		name: 'queueUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://sqs.us-east-1.amazonaws.com/123456789012/partner-central-events',
		description: 'The QueueUrl output of the CloudFormation stack (infra/partner-central-events-sqs.yaml)',
		displayOptions: { show: { mode: ['sqs'] } },
	},
	{
		displayName:
			'Each message becomes one execution. Put the AWS Partner Central node\'s "Event Queue → Acknowledge" operation at the end of the workflow: only then is the message deleted. Unacknowledged messages come back after the queue\'s visibility timeout and go to the dead-letter queue after the configured number of receives.',
		name: 'ackNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { mode: ['sqs'] } },
	},
	{
		displayName: 'Catalog',
		name: 'catalog',
		type: 'options',
		options: [
			{ name: 'AWS (Production)', value: 'AWS' },
			{ name: 'Sandbox', value: 'Sandbox' },
			{ name: 'Any', value: 'any' },
		],
		default: 'AWS',
		description: 'Events from another catalog are refused (webhook: 400; queue: left for the dead-letter queue)',
	},
	{
		displayName: 'Event Types',
		name: 'detailTypes',
		type: 'multiOptions',
		options: PARTNER_CENTRAL_DETAIL_TYPES.map((t) => ({ name: t, value: t })),
		default: [],
		description:
			'Leave empty for every Partner Central event type. Other types are ignored without an execution (webhook: answered 200; queue: deleted). Filter in the EventBridge rule too (DetailTypes), to save calls.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { mode: ['sqs'] } },
		options: [
			{
				displayName: 'Wait Time (Seconds)',
				name: 'waitTimeSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 20 },
				default: 20,
				description: 'Long-poll duration of each receive call (SQS maximum 20)',
			},
			{
				displayName: 'Max Messages per Receive',
				name: 'maxMessages',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 10,
			},
			{
				displayName: 'Visibility Timeout (Seconds)',
				name: 'visibilityTimeout',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 43200 },
				default: 0,
				description:
					'How long a received message stays hidden before it is delivered again if not acknowledged. 0 = the queue\'s setting. Make it longer than the workflow takes.',
			},
		],
	},
];
