import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../common';
import * as ensure from './ensure.operation';

export const operations: Record<string, OperationModule> = { ensure };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['property'] } },
		default: 'ensure',
		options: [
			{
				name: 'Ensure',
				value: 'ensure',
				action: 'Create the AWS deal properties if missing',
				description: 'Create the aws_* deal properties and their group; report what was created and what existed',
			},
		],
	},
	...ensure.description,
];
