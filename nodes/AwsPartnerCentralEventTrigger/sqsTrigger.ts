import { NodeOperationError, sleep, type INodeExecutionData, type ITriggerFunctions, type ITriggerResponse } from 'n8n-workflow';

import { deleteMessage, locateQueue, receiveEvents, sqsClientFor, type ReceivedMessage } from '../shared/events/sqs';
import { getPartnerCentralCredentials } from '../shared/partnerCentral/transport';
import { envelopeOptions, type SqsOptions } from './settings';

/** After this many receive failures in a row the trigger reports an error (n8n then re-activates it with back-off). */
const MAX_CONSECUTIVE_FAILURES = 5;

/**
 * SQS mode: long-poll the queue and start one execution per valid event. Messages are never deleted here: the
 * workflow acknowledges them (AWS Partner Central node, Event Queue → Acknowledge). A message that is not a valid
 * Partner Central event is left alone, so after the queue's maximum receives it lands in the dead-letter queue where
 * a person can look at it.
 */
export async function startSqsTrigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
	const queueUrl = String(this.getNodeParameter('queueUrl', '')).trim();
	if (!queueUrl) throw new NodeOperationError(this.getNode(), 'Queue URL is required in SQS mode');
	const options = this.getNodeParameter('options', {}) as SqsOptions;
	const envelope = envelopeOptions(this.getNodeParameter('catalog', 'AWS') as string, this.getNodeParameter('detailTypes', []));
	const credentials = await getPartnerCentralCredentials(this);
	const location = locateQueue(queueUrl, credentials.region || 'us-east-1');
	if (typeof location === 'string') throw new NodeOperationError(this.getNode(), location);
	const client = sqsClientFor(credentials, location);

	let controller = new AbortController();
	let closed = false;
	const receive = async (waitTimeSeconds: number): Promise<ReceivedMessage[]> =>
		await receiveEvents(client, {
			queueUrl,
			maxMessages: options.maxMessages ?? 10,
			waitTimeSeconds,
			visibilityTimeout: options.visibilityTimeout || undefined,
			envelope,
			abortSignal: controller.signal,
		});
	const validItems = async (received: ReceivedMessage[]): Promise<INodeExecutionData[]> => {
		const items: INodeExecutionData[] = [];
		for (const r of received) {
			if (r.ok) {
				items.push({ json: r.item });
			} else if (r.filtered && r.message.receiptHandle) {
				// A Partner Central event of a type this trigger was told to ignore: remove it (filter in the rule to save the receive).
				await deleteMessage(client, queueUrl, r.message.receiptHandle);
			} else {
				this.logger.warn(
					`AWS Partner Central Event Trigger: message ${r.message.messageId} in ${queueUrl} is not a Partner Central event this trigger accepts (${r.reason}); left in the queue for the dead-letter queue`,
				);
			}
		}
		return items;
	};

	const closeFunction = async () => {
		closed = true;
		controller.abort();
		client.destroy();
	};

	if (this.getMode() === 'manual') {
		// "Test step": wait for the next events and show them; they are not deleted and come back after the
		// visibility timeout, so the active workflow will still process them.
		const manualTriggerFunction = async () => {
			const deadline = Date.now() + 60_000;
			while (!closed && Date.now() < deadline) {
				const items = await validItems(await receive(options.waitTimeSeconds ?? 20));
				if (items.length) {
					this.emit([items]);
					return;
				}
			}
			if (!closed) {
				throw new NodeOperationError(this.getNode(), 'No Partner Central event arrived in the queue within 60 seconds');
			}
		};
		return { closeFunction, manualTriggerFunction };
	}

	const loop = async () => {
		let failures = 0;
		while (!closed) {
			try {
				const items = await validItems(await receive(options.waitTimeSeconds ?? 20));
				failures = 0;
				for (const item of items) this.emit([[item]]);
			} catch (error) {
				if (closed) return;
				failures++;
				this.logger.warn(
					`AWS Partner Central Event Trigger: receiving from ${queueUrl} failed (${failures} in a row): ${(error as Error).message}`,
				);
				if (failures >= MAX_CONSECUTIVE_FAILURES) {
					closed = true;
					this.emitError(
						new NodeOperationError(this.getNode(), error as Error, {
							description: `Receiving from ${queueUrl} failed ${failures} times in a row. Messages stay in the queue until the trigger works again.`,
						}),
					);
					return;
				}
				controller = new AbortController();
				await sleep(Math.min(30_000, 500 * 2 ** failures));
			}
		}
	};
	void loop();
	return { closeFunction };
}
