import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AssociationInput } from '../../../shared/hubspot/associations';
import { ASSOCIATION_TYPES, createAssociations } from '../../../shared/hubspot/associations';
import { isPlausibleEmail, normalizeEmail } from '../../../shared/hubspot/normalize';
import type { HsObject } from '../../../shared/hubspot/objects';
import { chunk, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
	asNodeError,
	batchErrorsById,
	errorItem,
	failItems,
	inInputOrder,
	optionalString,
	propertyValueFields,
	readPropertyValues,
	requiredString,
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

interface Request {
	itemIndex: number;
	email: string;
	properties: Record<string, string | null>;
	dealId: string;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const requests: Request[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
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
			requests.push({ itemIndex: i, email, properties, dealId: optionalString(this, 'dealId', i) });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, i);
			results.set(i, [errorItem(error, i)]);
		}
	}

	const merged = new Map<string, Record<string, string | null>>();
	for (const r of requests) merged.set(r.email, { ...(merged.get(r.email) ?? {}), ...r.properties });
	const contacts = new Map<string, { contact: HsObject; created: boolean }>();
	const failed = new Map<string, unknown>();
	for (const part of chunk([...merged.entries()])) {
		const indexes = requests.filter((r) => part.some(([e]) => e === r.email)).map((r) => r.itemIndex);
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
	let linkError: unknown;
	if (links.length) {
		try {
			await createAssociations(this, 'deals', 'contacts', links);
		} catch (error) {
			linkError = error;
		}
	}

	for (const r of requests) {
		if (results.has(r.itemIndex)) continue;
		const done = contacts.get(r.email);
		const problem = done
			? r.dealId
				? linkError
				: undefined
			: (failed.get(r.email) ?? new Error(`HubSpot did not return a contact for ${r.email}`));
		if (problem) {
			if (!this.continueOnFail()) throw asNodeError(this, problem, r.itemIndex);
			results.set(r.itemIndex, [errorItem(problem, r.itemIndex, { email: r.email, contactId: done?.contact.id ?? null })]);
			continue;
		}
		results.set(r.itemIndex, [
			{
				json: { contactId: done!.contact.id, created: done!.created, email: r.email, dealId: r.dealId || null, contact: done!.contact as unknown as IDataObject },
				pairedItem: { item: r.itemIndex },
			},
		]);
	}
	return inInputOrder(items.length, results);
}
