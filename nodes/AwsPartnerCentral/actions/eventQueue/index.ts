import type { INodeProperties } from 'n8n-workflow';

import * as acknowledge from './acknowledge.operation';
import * as extendVisibility from './extendVisibility.operation';

/**
 * The "Event Queue" resource of the AWS Partner Central node: acknowledge (delete) or extend the visibility of a
 * message received by the AWS Partner Central Event Trigger in SQS mode.
 */
export const eventQueueOperations = { acknowledge, extendVisibility };

export const eventQueueDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['eventQueue'] } },
		options: [acknowledge.option, extendVisibility.option],
		default: 'acknowledge',
	},
	...acknowledge.description,
	...extendVisibility.description,
];
