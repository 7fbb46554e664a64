import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AssociationInput } from '../../../shared/hubspot/associations';
import { ASSOCIATION_TYPES } from '../../../shared/hubspot/associations';
import { isPlausibleEmail, normalizeEmail } from '../../../shared/hubspot/normalize';
import type { HsObject } from '../../../shared/hubspot/objects';
import { chunk, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
	batchErrorsById,
	collectRequests,
	emitOutcomes,
	failItems,
	indexesFor,
	inInputOrder,
	mergeByKey,
	optionalString,
	propertyValueFields,
	readPropertyValues,
	requiredString,
	tryAssociate,
} from '../common';

const show = { resource: ['contact'], operation: ['createOrUpdate'] };

const NAMED_FIELDS: Array<{ name: string; displayName: string; property: string }> = [
	{ name: 'firstName', displayName: 'First Name', property: 'firstname' },
	{ name: 'lastName', displayName: 'Last Name', property: 'lastname' },
	{ name: 'phone', displayName: 'Phone', property: 'phone' },
	{ name: 'jobTitle', displayName: 'Job Title', property: 'jobtitle' },
];

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Email address, used to find the contact (compared in lowercase). A contact with this email is updated; otherwise one is created.',
	},
	...NAMED_FIELDS.map(
		(f): INodeProperties => ({
			displayName: f.displayName,
			name: f.name,
			type: 'string',
			default: '',
			displayOptions: { show },
			description: `Kept as is when empty (HubSpot property ${f.property})`,
		}),
	),
	...propertyValueFields('contact', 'createOrUpdate', '{}'),
	{
		displayName: 'Associate With Deal ID',
		name: 'dealId',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'HubSpot deal to link the contact to (optional)',
	},
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const requests = collectRequests(this, items, results, (i) => {
		const email = normalizeEmail(requiredString(this, 'email', i, 'Email'));
		if (!isPlausibleEmail(email)) {
			throw new NodeOperationError(this.getNode(), `"${email}" is not an email address`, { itemIndex: i });
		}
		const properties = toPropertyStrings(readPropertyValues(this, i));
		for (const f of NAMED_FIELDS) {
			const value = optionalString(this, f.name, i);
			if (value) properties[f.property] = value;
		}
		properties.email = email;
		return { email, properties, dealId: optionalString(this, 'dealId', i) };
	});

	const key = (r: { email: string }) => r.email;
	const contacts = new Map<string, { contact: HsObject; created: boolean }>();
	const failed = new Map<string, unknown>();
	for (const part of chunk([...mergeByKey(requests, key).entries()])) {
		const indexes = indexesFor(requests, key, part.map(([email]) => email));
		try {
			const response = (await hubspotRequest(
				this,
				{
					method: 'POST',
					path: '/crm/v3/objects/contacts/batch/upsert',
					body: { inputs: part.map(([email, properties]) => ({ id: email, idProperty: 'email', properties })) },
				},
				{ itemIndex: indexes[0] },
			)) as IDataObject;
			for (const raw of (response.results as IDataObject[]) ?? []) {
				const contact = toHsObject(raw);
				const email = normalizeEmail(contact.properties.email ?? '');
				if (email) contacts.set(email, { contact, created: raw.new === true });
			}
			for (const [id, message] of batchErrorsById(response)) failed.set(normalizeEmail(id), new Error(message));
		} catch (error) {
			failItems(this, error, indexes, results);
		}
	}

	const links: AssociationInput[] = [];
	for (const r of requests) {
		const done = contacts.get(r.email);
		if (done && r.dealId) links.push({ fromId: r.dealId, toId: done.contact.id, typeId: ASSOCIATION_TYPES.dealToContact });
	}
	const linkError = await tryAssociate(this, 'contacts', links);

	emitOutcomes(this, requests, results, (r) => {
		const done = contacts.get(r.email);
		const extra = { email: r.email, contactId: done?.contact.id ?? null };
		if (!done) return { error: failed.get(r.email) ?? new Error(`HubSpot did not return a contact for ${r.email}`), extra };
		if (linkError && r.dealId) return { error: linkError, extra };
		return {
			json: { contactId: done.contact.id, created: done.created, email: r.email, dealId: r.dealId || null, contact: done.contact as unknown as IDataObject },
		};
	});
	return inInputOrder(items.length, results);
}
