import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { searchAll, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import { optionalString, perItem, propertyValueFields, readPropertyValues, requiredString } from '../common';

const show = { resource: ['product'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Product name, e.g. the AWS Marketplace listing or solution name',
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		placeholder: 'e.g. prod-abc123 or S-0012345',
		displayOptions: { show },
		description:
			'Stable identifier (AWS Marketplace product ID or solution ID). When a product with this SKU exists it is returned instead of creating a second one.',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		displayOptions: { show },
	},
	{
		displayName: 'Description',
		name: 'productDescription',
		type: 'string',
		default: '',
		typeOptions: { rows: 3 },
		displayOptions: { show },
	},
	...propertyValueFields('product', 'create', '{}'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (i) => {
		const name = requiredString(this, 'name', i, 'Name');
		const sku = optionalString(this, 'sku', i);
		if (sku) {
			const found = await searchAll(
				this,
				'products',
				{ filterGroups: [{ filters: [{ propertyName: 'hs_sku', operator: 'EQ', value: sku }] }], properties: ['name', 'hs_sku', 'price'] },
				{ itemIndex: i, limit: 1 },
			);
			if (found.length) return { productId: found[0].id, created: false, product: found[0] as unknown as IDataObject };
		}
		const properties = toPropertyStrings({
			...readPropertyValues(this, i),
			name,
			price: this.getNodeParameter('price', i, 0) as number,
		});
		if (sku) properties.hs_sku = sku;
		const text = optionalString(this, 'productDescription', i);
		if (text) properties.description = text;
		const product = (await hubspotRequest(this, { method: 'POST', path: '/crm/v3/objects/products', body: { properties } }, { itemIndex: i })) as IDataObject;
		return { productId: String(product.id), created: true, product: toHsObject(product) as unknown as IDataObject };
	});
}
