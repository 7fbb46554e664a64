import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../common';
import * as createOrUpdate from './createOrUpdate.operation';

export const operations: Record<string, OperationModule> = { createOrUpdate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		default: 'createOrUpdate',
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update a company by domain',
				description: 'Find the company by domain, update it or create it, and link it to a deal',
			},
		],
	},
	...createOrUpdate.description,
];
