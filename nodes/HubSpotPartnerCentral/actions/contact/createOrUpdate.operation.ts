import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ASSOCIATION_TYPES } from '../../../shared/hubspot/associations';
import { isPlausibleEmail, normalizeEmail } from '../../../shared/hubspot/normalize';
import { toPropertyStrings } from '../../../shared/hubspot/objects';
import {
	collectRequests,
	inInputOrder,
	optionalString,
	propertyValueFields,
	readPropertyValues,
} from '../common';
import { associateWithDealField, batchUpsert, linkToDealsAndEmit, readKey, writeByKey } from '../writeByKey';

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
	associateWithDealField('contact', 'createOrUpdate', 'contact'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const requests = collectRequests(this, items, results, (i) => {
		const email = readKey(this, i, { param: 'email', label: 'Email', normalize: normalizeEmail, isValid: isPlausibleEmail, invalid: 'is not an email address' });
		const properties = toPropertyStrings(readPropertyValues(this, i));
		for (const f of NAMED_FIELDS) {
			const value = optionalString(this, f.name, i);
			if (value) properties[f.property] = value;
		}
		properties.email = email;
		return { email, properties, dealId: optionalString(this, 'dealId', i) };
	});

	const key = (r: { email: string }) => r.email;
	const contacts = await writeByKey(this, requests, key, results, async (part, itemIndex) =>
		await batchUpsert(this, 'contacts', 'email', part, itemIndex, normalizeEmail),
	);

	await linkToDealsAndEmit(this, requests, results, contacts, {
		what: 'contact',
		toType: 'contacts',
		keyName: 'email',
		keyOf: key,
		links: (_, dealId, id) => [{ fromId: dealId, toId: id, typeId: ASSOCIATION_TYPES.dealToContact }],
	});
	return inInputOrder(items.length, results);
}
