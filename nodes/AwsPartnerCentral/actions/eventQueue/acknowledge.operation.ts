import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { deleteMessage } from '../../../shared/events/sqs';
import { queueFields, queueTarget, sqsError } from './common';

export const option: INodePropertyOptions = {
	name: 'Acknowledge Event',
	value: 'acknowledge',
	action: 'Acknowledge an event from the queue',
	description:
		'Delete a message received by the AWS Partner Central Event Trigger (SQS mode) once the workflow has handled it. Put it at the end of the workflow: unacknowledged messages are delivered again.',
};

/** SQS API action this operation calls (for the IAM coverage check). */
export const sqsAction = 'sqs:DeleteMessage';

export const description: INodeProperties[] = queueFields('acknowledge');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const target = await queueTarget(this, itemIndex);
	try {
		await deleteMessage(target.client, target.queueUrl, target.receiptHandle);
	} catch (error) {
		throw sqsError(this, error, itemIndex, 'acknowledge the event');
	} finally {
		target.client.destroy();
	}
	return [{ json: { acknowledged: true, queueUrl: target.queueUrl }, pairedItem: { item: itemIndex } }];
}
