import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { changeVisibility } from '../../../shared/events/sqs';
import { queueFields, queueTarget, sqsError } from './common';

export const option: INodePropertyOptions = {
	name: 'Extend Visibility',
	value: 'extendVisibility',
	action: 'Keep an event hidden from other receivers for longer',
	description:
		'Give a long-running workflow more time before the message is delivered again (SQS ChangeMessageVisibility). 0 makes it visible again at once (retry now).',
};

export const sqsAction = 'sqs:ChangeMessageVisibility';

export const description: INodeProperties[] = [
	...queueFields('extendVisibility'),
	{
		displayName: 'Hidden For (Seconds)',
		name: 'visibilityTimeout',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 43200 },
		default: 300,
		description: 'Counted from now; SQS allows at most 12 hours from the first receive',
		displayOptions: { show: { resource: ['eventQueue'], operation: ['extendVisibility'] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const seconds = Number(this.getNodeParameter('visibilityTimeout', itemIndex, 300));
	const target = await queueTarget(this, itemIndex);
	try {
		await changeVisibility(target.client, target.queueUrl, target.receiptHandle, seconds);
	} catch (error) {
		throw sqsError(this, error, itemIndex, 'change the visibility of the event');
	} finally {
		target.client.destroy();
	}
	return [
		{
			json: {
				visibilityTimeout: seconds,
				visibleAgainAt: new Date(Date.now() + seconds * 1000).toISOString(),
				queueUrl: target.queueUrl,
			},
			pairedItem: { item: itemIndex },
		},
	];
}
