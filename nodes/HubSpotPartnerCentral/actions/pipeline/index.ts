import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../common';
import * as getStages from './getStages.operation';

export const operations: Record<string, OperationModule> = { getStages };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['pipeline'] } },
		default: 'getStages',
		options: [
			{
				name: 'Get Stages',
				value: 'getStages',
				action: 'Get the stages of deal pipelines',
				description: 'List deal stages with their IDs, order, probability and whether they close the deal',
			},
		],
	},
	...getStages.description,
];
