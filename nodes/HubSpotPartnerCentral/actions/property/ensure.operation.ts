import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ensureDealProperties } from '../../../shared/hubspot/ensureProperties';
import { asNodeError, errorItem } from '../common';

const show = { resource: ['property'], operation: ['ensure'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Creates the "AWS Partner Central" property group and every aws_* deal property the sync uses, if missing. Safe to run again: existing properties are left as they are. Runs once, whatever the number of input items.',
		name: 'ensureNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const pairedItem = items.map((_, item) => ({ item }));
	try {
		const result = await ensureDealProperties(this, { itemIndex: 0 });
		return [
			{
				json: {
					...(result as unknown as IDataObject),
					createdCount: result.created.length,
					existingCount: result.existing.length,
				},
				pairedItem: pairedItem.length ? pairedItem : { item: 0 },
			},
		];
	} catch (error) {
		if (this.continueOnFail()) return [errorItem(error, 0)];
		throw asNodeError(this, error, 0);
	}
}
