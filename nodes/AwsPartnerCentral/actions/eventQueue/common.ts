import type { SQSClient } from '@aws-sdk/client-sqs';
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { locateQueue, sqsClientFor } from '../../../shared/events/sqs';
import { getPartnerCentralCredentials } from '../../../shared/partnerCentral/transport';

/** Default name of the trigger whose output the queue fields read. */
export const EVENT_TRIGGER_NAME = 'AWS Partner Central Event Trigger';

export function queueFields(operation: string): INodeProperties[] {
	const displayOptions = { show: { resource: ['eventQueue'], operation: [operation] } };
	return [
		{
			displayName: 'Queue URL',
			name: 'queueUrl',
			type: 'string',
			required: true,
			default: `={{ $('${EVENT_TRIGGER_NAME}').item.json.queueUrl }}`,
			description:
				'Queue the message came from. The default reads it from the AWS Partner Central Event Trigger; change the node name in the expression if you renamed the trigger.',
			displayOptions,
		},
		{
			displayName: 'Receipt Handle',
			name: 'receiptHandle',
			type: 'string',
			required: true,
			default: `={{ $('${EVENT_TRIGGER_NAME}').item.json.receiptHandle }}`,
			description: 'The receipt handle of this delivery of the message (from the trigger output)',
			displayOptions,
		},
	];
}

export interface QueueTarget {
	client: SQSClient;
	queueUrl: string;
	receiptHandle: string;
}

export async function queueTarget(ctx: IExecuteFunctions, itemIndex: number): Promise<QueueTarget> {
	const queueUrl = String(ctx.getNodeParameter('queueUrl', itemIndex, '')).trim();
	const receiptHandle = String(ctx.getNodeParameter('receiptHandle', itemIndex, '')).trim();
	if (!queueUrl || !receiptHandle) {
		throw new NodeOperationError(ctx.getNode(), 'Queue URL and Receipt Handle are required', {
			itemIndex,
			description:
				'This operation acts on a message received by the AWS Partner Central Event Trigger in SQS mode. Check the expressions point at that trigger.',
		});
	}
	const credentials = await getPartnerCentralCredentials(ctx, itemIndex);
	const location = locateQueue(queueUrl, credentials.region || 'us-east-1');
	if (typeof location === 'string') throw new NodeOperationError(ctx.getNode(), location, { itemIndex });
	return { client: sqsClientFor(credentials, location), queueUrl, receiptHandle };
}

export function sqsError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, action: string): NodeApiError {
	const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
	const stale = /ReceiptHandleIsInvalid|InvalidParameterValue|MessageNotInflight/i.test(`${e.name} ${e.message}`);
	return new NodeApiError(
		ctx.getNode(),
		{ name: e.name ?? 'Error', message: e.message ?? String(error) } as JsonObject,
		{
			itemIndex,
			httpCode: e.$metadata?.httpStatusCode ? String(e.$metadata.httpStatusCode) : undefined,
			message: `Could not ${action}: ${e.message ?? String(error)}`,
			description: stale
				? 'The receipt handle is no longer valid: the visibility timeout ran out and the message was (or will be) delivered again, so another execution handles it. Make the workflow faster or raise the visibility timeout.'
				: 'Check the Queue URL and that the AWS identity of the Partner Central credential may use sqs:DeleteMessage / sqs:ChangeMessageVisibility on the queue (infra/ grants both).',
		},
	);
}
