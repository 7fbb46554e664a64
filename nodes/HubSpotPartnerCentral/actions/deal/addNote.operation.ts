import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ASSOCIATION_TYPES, inlineAssociation } from '../../../shared/hubspot/associations';
import { textToHtml } from '../../../shared/hubspot/html';
import { toHsObject } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import { dealIdField, optionalString, optionsField, perItem, requiredString } from '../common';

const show = { resource: ['deal'], operation: ['addNote'] };

export const description: INodeProperties[] = [
	dealIdField('deal', 'addNote', 'HubSpot ID of the deal the note goes on'),
	{
		displayName: 'Note',
		name: 'body',
		type: 'string',
		required: true,
		typeOptions: { rows: 5 },
		default: '',
		displayOptions: { show },
		description: 'What the sales rep should read. Plain text: line breaks are kept and nothing is read as HTML.',
	},
	optionsField('deal', 'addNote', [
		{
			displayName: 'Body Is HTML',
			name: 'bodyIsHtml',
			type: 'boolean',
			default: false,
			description: 'Whether the note is already HTML written by you (never put text from AWS or customers here unescaped)',
		},
		{
			displayName: 'Owner ID',
			name: 'ownerId',
			type: 'string',
			default: '',
			description: 'HubSpot owner shown as the note\'s author',
		},
		{
			displayName: 'Timestamp',
			name: 'timestamp',
			type: 'dateTime',
			default: '',
			description: 'Where the note sits on the deal timeline; now when empty',
		},
	]),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (i) => {
		const dealId = requiredString(this, 'dealId', i, 'Deal ID');
		const text = requiredString(this, 'body', i, 'Note');
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const timestamp = options.timestamp ? new Date(String(options.timestamp)) : new Date();
		const properties: IDataObject = {
			hs_note_body: options.bodyIsHtml ? text : textToHtml(text),
			hs_timestamp: (Number.isNaN(timestamp.getTime()) ? new Date() : timestamp).toISOString(),
		};
		const ownerId = optionalString(this, 'options.ownerId', i);
		if (ownerId) properties.hubspot_owner_id = ownerId;
		const note = (await hubspotRequest(
			this,
			{
				method: 'POST',
				path: '/crm/v3/objects/notes',
				body: { properties, associations: [inlineAssociation(dealId, ASSOCIATION_TYPES.noteToDeal)] },
			},
			{ itemIndex: i },
		)) as IDataObject;
		return { noteId: String(note.id), dealId, note: toHsObject(note) as unknown as IDataObject };
	});
}
