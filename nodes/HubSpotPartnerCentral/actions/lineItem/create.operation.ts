import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ASSOCIATION_TYPES, inlineAssociation } from '../../../shared/hubspot/associations';
import { toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
	dealIdField,
	optionalString,
	perItem,
	propertyValueFields,
	readPropertyValues,
	requiredString,
} from '../common';

const show = { resource: ['lineItem'], operation: ['create'] };

export const description: INodeProperties[] = [
	dealIdField('lineItem', 'create', 'HubSpot deal the line item belongs to'),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'HubSpot product the line item is based on (from Product > Create), optional',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0 },
		displayOptions: { show },
	},
	{
		displayName: 'Unit Price',
		name: 'price',
		type: 'number',
		default: 0,
		displayOptions: { show },
	},
	...propertyValueFields('lineItem', 'create', '{}'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (i) => {
		const dealId = requiredString(this, 'dealId', i, 'Deal ID');
		const properties = toPropertyStrings({
			...readPropertyValues(this, i),
			name: requiredString(this, 'name', i, 'Name'),
			quantity: this.getNodeParameter('quantity', i, 1) as number,
			price: this.getNodeParameter('price', i, 0) as number,
		});
		const productId = optionalString(this, 'productId', i);
		if (productId) properties.hs_product_id = productId;
		const lineItem = (await hubspotRequest(
			this,
			{
				method: 'POST',
				path: '/crm/v3/objects/line_items',
				body: { properties, associations: [inlineAssociation(dealId, ASSOCIATION_TYPES.lineItemToDeal)] },
			},
			{ itemIndex: i },
		)) as IDataObject;
		return { lineItemId: String(lineItem.id), dealId, lineItem: toHsObject(lineItem) as unknown as IDataObject };
	});
}
