import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../common';
import * as get from './get.operation';

export const operations: Record<string, OperationModule> = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['owner'] } },
		default: 'get',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an owner',
				description: 'Get a HubSpot user (deal owner) by ID or email',
			},
		],
	},
	...get.description,
];
