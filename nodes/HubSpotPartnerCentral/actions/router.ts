import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as company from './company';
import type { OperationModule } from './common';
import * as contact from './contact';
import * as deal from './deal';
import * as lineItem from './lineItem';
import * as owner from './owner';
import * as pipeline from './pipeline';
import * as product from './product';
import * as property from './property';

const resources: Record<string, Record<string, OperationModule>> = {
	company: company.operations,
	contact: contact.operations,
	deal: deal.operations,
	lineItem: lineItem.operations,
	owner: owner.operations,
	pipeline: pipeline.operations,
	product: product.operations,
	property: property.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = resources[resource]?.[operation];
	if (!op) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await op.execute.call(this, items)];
}
