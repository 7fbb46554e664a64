import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ASSOCIATION_TYPES, inlineAssociation } from '../../../shared/hubspot/associations';
import { textToHtml } from '../../../shared/hubspot/html';
import { toHsObject } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import { dealIdField, optionalString, optionsField, perItem, requiredString } from '../common';

const show = { resource: ['deal'], operation: ['createTask'] };
const DAY_MS = 24 * 60 * 60 * 1000;

export const description: INodeProperties[] = [
	dealIdField('deal', 'createTask', 'HubSpot ID of the deal the task is about'),
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Answer AWS: more detail on the customer problem',
		displayOptions: { show },
	},
	{
		displayName: 'Details',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: { show },
		description: 'What to do and why, as plain text (line breaks are kept)',
	},
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		displayOptions: { show },
		description: 'When the task is due; one day from now when empty',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		default: 'MEDIUM',
		displayOptions: { show },
		options: [
			{ name: 'High', value: 'HIGH' },
			{ name: 'Low', value: 'LOW' },
			{ name: 'Medium', value: 'MEDIUM' },
			{ name: 'None', value: 'NONE' },
		],
	},
	optionsField('deal', 'createTask', [
		{
			displayName: 'Owner ID',
			name: 'ownerId',
			type: 'string',
			default: '',
			description: 'Who gets the task. When empty, the deal owner (read from the deal) gets it.',
		},
		{
			displayName: 'Task Type',
			name: 'taskType',
			type: 'options',
			default: 'TODO',
			options: [
				{ name: 'Call', value: 'CALL' },
				{ name: 'Email', value: 'EMAIL' },
				{ name: 'To-Do', value: 'TODO' },
			],
		},
	]),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (i) => {
		const dealId = requiredString(this, 'dealId', i, 'Deal ID');
		const subject = requiredString(this, 'subject', i, 'Subject');
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		let ownerId = optionalString(this, 'options.ownerId', i);
		if (!ownerId) {
			const deal = (await hubspotRequest(
				this,
				{ method: 'GET', path: `/crm/v3/objects/deals/${encodeURIComponent(dealId)}`, qs: { properties: 'hubspot_owner_id' } },
				{ itemIndex: i },
			)) as IDataObject;
			ownerId = String((deal.properties as IDataObject)?.hubspot_owner_id ?? '').trim();
		}
		const dueRaw = optionalString(this, 'dueDate', i);
		const due = dueRaw ? new Date(dueRaw) : new Date(Date.now() + DAY_MS);
		if (Number.isNaN(due.getTime())) {
			throw new NodeOperationError(this.getNode(), `Due Date "${dueRaw}" is not a date`, { itemIndex: i });
		}
		const properties: IDataObject = {
			hs_task_subject: subject,
			hs_task_body: textToHtml(optionalString(this, 'body', i)),
			hs_timestamp: due.toISOString(),
			hs_task_priority: this.getNodeParameter('priority', i, 'MEDIUM') as string,
			hs_task_status: 'NOT_STARTED',
			hs_task_type: (options.taskType as string) || 'TODO',
		};
		if (ownerId) properties.hubspot_owner_id = ownerId;
		const task = (await hubspotRequest(
			this,
			{
				method: 'POST',
				path: '/crm/v3/objects/tasks',
				body: { properties, associations: [inlineAssociation(dealId, ASSOCIATION_TYPES.taskToDeal)] },
			},
			{ itemIndex: i },
		)) as IDataObject;
		return {
			taskId: String(task.id),
			dealId,
			ownerId: ownerId || null,
			task: toHsObject(task) as unknown as IDataObject,
		};
	});
}
