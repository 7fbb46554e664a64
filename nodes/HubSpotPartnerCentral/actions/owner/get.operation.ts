import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeEmail } from '../../../shared/hubspot/normalize';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import { perItem, requiredString } from '../common';

const show = { resource: ['owner'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'by',
		type: 'options',
		default: 'id',
		displayOptions: { show },
		options: [
			{ name: 'Owner ID', value: 'id', description: 'The ID in the deal\'s hubspot_owner_id' },
			{ name: 'Email', value: 'email', description: 'The HubSpot user\'s email address' },
		],
	},
	{
		displayName: 'Owner ID',
		name: 'ownerId',
		type: 'string',
		required: true,
		default: '={{ $json.dealOwnerId }}',
		displayOptions: { show: { ...show, by: ['id'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { ...show, by: ['email'] } },
	},
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (i) => {
		const by = this.getNodeParameter('by', i, 'id') as string;
		if (by === 'email') {
			const email = normalizeEmail(requiredString(this, 'email', i, 'Email'));
			const response = (await hubspotRequest(
				this,
				{ method: 'GET', path: '/crm/v3/owners', qs: { email, limit: 1 } },
				{ itemIndex: i },
			)) as IDataObject;
			const owner = ((response.results as IDataObject[]) ?? [])[0];
			if (!owner) {
				throw new NodeOperationError(this.getNode(), `No HubSpot user with email ${email}`, {
					itemIndex: i,
					description: 'Owners are HubSpot users of this account; deactivated users are not listed.',
				});
			}
			return owner;
		}
		const ownerId = requiredString(this, 'ownerId', i, 'Owner ID');
		return (await hubspotRequest(
			this,
			{ method: 'GET', path: `/crm/v3/owners/${encodeURIComponent(ownerId)}` },
			{ itemIndex: i },
		)) as IDataObject;
	});
}
