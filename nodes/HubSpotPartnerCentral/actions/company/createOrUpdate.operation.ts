import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { isPlausibleDomain, normalizeDomain } from '../../../shared/hubspot/normalize';
import type { HsObject } from '../../../shared/hubspot/objects';
import { searchAll, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
	collectRequests,
	inInputOrder,
	optionalString,
	propertyValueFields,
	readPropertyValues,
} from '../common';
import type { KeyedProperties, WriteResult, Written } from '../writeByKey';
import { associateWithDealField, dealCompanyLinks, linkToDealsAndEmit, readKey, writeByKey } from '../writeByKey';

const show = { resource: ['company'], operation: ['createOrUpdate'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. example.com',
		displayOptions: { show },
		description:
			'Company website domain, used to find the existing company (https://, www. and paths are removed). A company with this domain is updated; otherwise one is created.',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'Company name (kept as is when empty)',
	},
	...propertyValueFields('company', 'createOrUpdate', '{}'),
	associateWithDealField('company', 'createOrUpdate', 'company'),
	{
		displayName: 'Primary Company of the Deal',
		name: 'primary',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: 'Whether the company becomes the deal\'s primary company',
	},
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const requests = collectRequests(this, items, results, (i) => {
		const domain = readKey(this, i, { param: 'domain', label: 'Domain', normalize: normalizeDomain, isValid: isPlausibleDomain, invalid: 'is not a website domain' });
		const properties = toPropertyStrings(readPropertyValues(this, i));
		const name = optionalString(this, 'name', i);
		if (name) properties.name = name;
		properties.domain = domain;
		return { domain, properties, dealId: optionalString(this, 'dealId', i), primary: this.getNodeParameter('primary', i, true) as boolean };
	});

	const key = (r: { domain: string }) => r.domain;
	const companies = await writeByKey(this, requests, key, results, async (part, itemIndex) => await writeCompanies(this, part, itemIndex));

	await linkToDealsAndEmit(this, requests, results, companies, {
		what: 'company',
		toType: 'companies',
		keyName: 'domain',
		keyOf: key,
		links: (r, dealId, id) => dealCompanyLinks(dealId, id, r.primary),
	});
	return inInputOrder(items.length, results);
}

/** One search for up to 100 domains, then one batch update for the known ones and one batch create for the rest. */
async function writeCompanies(
	ctx: IExecuteFunctions,
	part: KeyedProperties,
	itemIndex: number,
): Promise<WriteResult> {
	const out = new Map<string, Written>();
	const found = await searchAll(
		ctx,
		'companies',
		{ filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'IN', values: part.map(([d]) => d) }] }], properties: ['name', 'domain'] },
		{ itemIndex },
	);
	const existing = new Map<string, HsObject>();
	for (const c of found) {
		const d = normalizeDomain(c.properties.domain ?? '');
		if (!existing.has(d)) existing.set(d, c); // oldest (lowest id) wins if HubSpot already has duplicates
	}
	const updates = part.filter(([d]) => existing.has(d));
	const creates = part.filter(([d]) => !existing.has(d));
	if (updates.length) {
		const byId = new Map(updates.map(([d]) => [existing.get(d)?.id ?? '', d]));
		const response = (await hubspotRequest(
			ctx,
			{
				method: 'POST',
				path: '/crm/v3/objects/companies/batch/update',
				body: { inputs: updates.map(([d, properties]) => ({ id: existing.get(d)?.id, properties })) },
			},
			{ itemIndex },
		)) as IDataObject;
		for (const raw of (response.results as IDataObject[]) ?? []) {
			const company = toHsObject(raw);
			const d = byId.get(company.id);
			if (d) out.set(d, { record: company, created: false });
		}
	}
	let pending = creates;
	for (let attempt = 1; pending.length; attempt++) {
		try {
			const response = (await hubspotRequest(
				ctx,
				{ method: 'POST', path: '/crm/v3/objects/companies/batch/create', body: { inputs: pending.map(([, properties]) => ({ properties })) } },
				{ itemIndex },
			)) as IDataObject;
			for (const raw of (response.results as IDataObject[]) ?? []) {
				const company = toHsObject(raw);
				out.set(normalizeDomain(company.properties.domain ?? ''), { record: company, created: true });
			}
			break;
		} catch (error) {
			// A create is not repeated blindly (it may have been applied): after a 5xx or a lost connection, look the
			// domains up again and create only those still missing.
			// Already a NodeApiError from the transport.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (attempt >= MAX_CREATE_ATTEMPTS || !mayHaveBeenApplied(error)) throw error;
			const again = await searchAll(
				ctx,
				'companies',
				{ filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'IN', values: pending.map(([d]) => d) }] }], properties: ['name', 'domain'] },
				{ itemIndex },
			);
			for (const c of again) {
				const d = normalizeDomain(c.properties.domain ?? '');
				if (!out.has(d) && pending.some(([p]) => p === d)) out.set(d, { record: c, created: true });
			}
			pending = pending.filter(([d]) => !out.has(d));
		}
	}
	return { written: out, failed: new Map() };
}

const MAX_CREATE_ATTEMPTS = 3;

/** A failure after which HubSpot may or may not have applied the request: a 5xx answer or no answer at all. */
function mayHaveBeenApplied(error: unknown): boolean {
	const e = error as { httpCode?: string | null; message?: string };
	const status = Number(e?.httpCode);
	return (Number.isFinite(status) && status >= 500) || /^Could not reach HubSpot/.test(e?.message ?? '');
}
