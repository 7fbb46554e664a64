import {
	ChangeMessageVisibilityCommand,
	DeleteMessageCommand,
	ReceiveMessageCommand,
	SQSClient,
	type Message,
} from '@aws-sdk/client-sqs';
import type { IDataObject } from 'n8n-workflow';

import { getAwsCredentialsProvider } from '../partnerCentral/awsIdentity';
import type { PartnerCentralCredentials } from '../partnerCentral/credentials';
import { checkEnvelope, type EnvelopeOptions, type NormalisedEvent } from './envelope';

/**
 * The SQS route: an EventBridge rule puts Partner Central events into a queue, n8n long-polls it (no inbound
 * connection needed). Same AWS identity as the Partner Central credential. The endpoint is the Queue URL's origin,
 * so a queue in any region, a VPC endpoint or a local simulator all work from the URL alone.
 */

export interface QueueLocation {
	queueUrl: string;
	endpoint: string;
	region: string;
}

const NOT_A_QUEUE_URL = (queueUrl: string) =>
	`"${queueUrl}" is not a queue URL (expected https://sqs.<region>.amazonaws.com/<account>/<queue>)`;

/** Where a queue lives, from its URL; a string explains why the URL is not usable. */
export function locateQueue(queueUrl: string, fallbackRegion: string): QueueLocation | string {
	let url: URL;
	try {
		url = new URL(queueUrl);
	} catch {
		return NOT_A_QUEUE_URL(queueUrl);
	}
	if (!/^https?:$/.test(url.protocol) || url.pathname.split('/').filter(Boolean).length < 2) {
		return NOT_A_QUEUE_URL(queueUrl);
	}
	const match = /^sqs[.-]([a-z]{2}(?:-[a-z]+)+-\d+)\./.exec(url.hostname);
	const region = match ? match[1] : url.hostname === 'queue.amazonaws.com' ? 'us-east-1' : fallbackRegion;
	return { queueUrl, endpoint: url.origin, region };
}

export function sqsClientFor(credentials: PartnerCentralCredentials, location: QueueLocation): SQSClient {
	return new SQSClient({
		region: location.region,
		endpoint: location.endpoint,
		credentials: getAwsCredentialsProvider(credentials),
		maxAttempts: 3,
	});
}

export interface QueueItem extends IDataObject {
	messageId: string | null;
	receiptHandle: string | null;
	queueUrl: string;
	/** How many times SQS has handed out this message (1 = first delivery). */
	receiveCount: number;
	firstReceivedAt: string | null;
}

export type ReceivedMessage =
	| { ok: true; item: NormalisedEvent & QueueItem }
	| { ok: false; reason: string; filtered: boolean; message: QueueItem };

export async function receiveEvents(
	client: SQSClient,
	args: {
		queueUrl: string;
		maxMessages: number;
		waitTimeSeconds: number;
		visibilityTimeout?: number;
		envelope: EnvelopeOptions;
		abortSignal?: AbortSignal;
	},
): Promise<ReceivedMessage[]> {
	const out = await client.send(
		new ReceiveMessageCommand({
			QueueUrl: args.queueUrl,
			MaxNumberOfMessages: Math.min(10, Math.max(1, args.maxMessages)),
			WaitTimeSeconds: Math.min(20, Math.max(0, args.waitTimeSeconds)),
			...(args.visibilityTimeout ? { VisibilityTimeout: args.visibilityTimeout } : {}),
			MessageSystemAttributeNames: ['ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp', 'SentTimestamp'],
		}),
		{ abortSignal: args.abortSignal as never },
	);
	return (out.Messages ?? []).map((message) => toReceived(message, args.queueUrl, args.envelope));
}

export function toReceived(message: Message, queueUrl: string, envelope: EnvelopeOptions): ReceivedMessage {
	const attributes = message.Attributes ?? {};
	const firstReceived = Number(attributes.ApproximateFirstReceiveTimestamp);
	const queue: QueueItem = {
		messageId: message.MessageId ?? null,
		receiptHandle: message.ReceiptHandle ?? null,
		queueUrl,
		receiveCount: Number(attributes.ApproximateReceiveCount ?? 1) || 1,
		firstReceivedAt: Number.isFinite(firstReceived) && firstReceived > 0 ? new Date(firstReceived).toISOString() : null,
	};
	const check = checkEnvelope(message.Body ?? '', envelope);
	if (!check.ok) return { ok: false, reason: check.reason, filtered: check.field === 'filtered', message: queue };
	return { ok: true, item: { ...check.event, ...queue } };
}

export async function deleteMessage(client: SQSClient, queueUrl: string, receiptHandle: string): Promise<void> {
	await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }));
}

export async function changeVisibility(
	client: SQSClient,
	queueUrl: string,
	receiptHandle: string,
	seconds: number,
): Promise<void> {
	await client.send(
		new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: seconds }),
	);
}
