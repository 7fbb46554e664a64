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
		displayOptions: { show: { resource: ['contact'] } },
		default: 'createOrUpdate',
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update a contact by email',
				description: 'Find the contact by email, update it or create it, and link it to a deal',
			},
		],
	},
	...createOrUpdate.description,
];
