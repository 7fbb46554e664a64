import type { INodeProperties } from 'n8n-workflow';

import * as company from './company';
import * as contact from './contact';
import * as deal from './deal';
import * as lineItem from './lineItem';
import * as owner from './owner';
import * as pipeline from './pipeline';
import * as product from './product';
import * as property from './property';

/** Every parameter of the node: the resource picker, then each resource's operations and fields. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'deal',
		options: [
			{ name: 'Company', value: 'company' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Deal', value: 'deal' },
			{ name: 'Line Item', value: 'lineItem' },
			{ name: 'Owner', value: 'owner' },
			{ name: 'Pipeline', value: 'pipeline' },
			{ name: 'Product', value: 'product' },
			{ name: 'Property', value: 'property' },
		],
	},
	...deal.description,
	...company.description,
	...contact.description,
	...product.description,
	...lineItem.description,
	...property.description,
	...pipeline.description,
	...owner.description,
];
