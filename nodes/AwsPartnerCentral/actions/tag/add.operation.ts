import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resourceArn } from '../common/ids';
import { defineOperation, param } from '../common/operation';

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'tag',
	operation: 'add',
	name: 'Add',
	action: 'Add tags to a resource',
	description: 'Add or overwrite tags on a Partner Central resource (by ARN)',
	sdkOperation: 'TagResource',
	fields: [resourceArn],
	extraProperties: [
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Tag',
			default: {},
			options: [
				{
					displayName: 'Tag',
					name: 'tag',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '' },
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
	],
	build: (ctx: IExecuteFunctions, itemIndex: number, request: IDataObject) => {
		const tags = param<{ tag?: Array<{ key: string; value: string }> }>(ctx, 'tags', itemIndex, {});
		const list = (tags.tag ?? []).filter((t) => t.key).map((t) => ({ Key: t.key, Value: t.value ?? '' }));
		if (list.length) request.Tags = list;
		return request;
	},
});
