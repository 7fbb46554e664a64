import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AssociationInput } from '../../../shared/hubspot/associations';
import { ASSOCIATION_TYPES } from '../../../shared/hubspot/associations';
import { isPlausibleDomain, normalizeDomain } from '../../../shared/hubspot/normalize';
import type { HsObject } from '../../../shared/hubspot/objects';
import { chunk, searchAll, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
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
	{
		displayName: 'Associate With Deal ID',
		name: 'dealId',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'HubSpot deal to link the company to (optional)',
	},
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
		const domain = normalizeDomain(requiredString(this, 'domain', i, 'Domain'));
		if (!isPlausibleDomain(domain)) {
			throw new NodeOperationError(this.getNode(), `"${domain}" is not a website domain`, { itemIndex: i });
		}
		const properties = toPropertyStrings(readPropertyValues(this, i));
		const name = optionalString(this, 'name', i);
		if (name) properties.name = name;
		properties.domain = domain;
		return { domain, properties, dealId: optionalString(this, 'dealId', i), primary: this.getNodeParameter('primary', i, true) as boolean };
	});

	const key = (r: { domain: string }) => r.domain;
	const companies = new Map<string, { company: HsObject; created: boolean }>();
	for (const part of chunk([...mergeByKey(requests, key).entries()])) {
		const indexes = indexesFor(requests, key, part.map(([d]) => d));
		try {
			for (const [domain, done] of await writeCompanies(this, part, indexes[0])) companies.set(domain, done);
		} catch (error) {
			failItems(this, error, indexes, results);
		}
	}

	const links: AssociationInput[] = [];
	for (const r of requests) {
		const done = companies.get(r.domain);
		if (!done || !r.dealId) continue;
		links.push({ fromId: r.dealId, toId: done.company.id, typeId: ASSOCIATION_TYPES.dealToCompany });
		if (r.primary) links.push({ fromId: r.dealId, toId: done.company.id, typeId: ASSOCIATION_TYPES.dealToCompanyPrimary });
	}
	const linkError = await tryAssociate(this, 'companies', links);

	emitOutcomes(this, requests, results, (r) => {
		const done = companies.get(r.domain);
		const extra = { domain: r.domain, companyId: done?.company.id ?? null };
		if (!done) return { error: new Error(`HubSpot did not return a company for ${r.domain}`), extra };
		if (linkError && r.dealId) return { error: linkError, extra };
		return {
			json: { companyId: done.company.id, created: done.created, domain: r.domain, dealId: r.dealId || null, company: done.company as unknown as IDataObject },
		};
	});
	return inInputOrder(items.length, results);
}

/** One search for up to 100 domains, then one batch update for the known ones and one batch create for the rest. */
async function writeCompanies(
	ctx: IExecuteFunctions,
	part: Array<[string, Record<string, string | null>]>,
	itemIndex: number,
): Promise<Map<string, { company: HsObject; created: boolean }>> {
	const out = new Map<string, { company: HsObject; created: boolean }>();
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
			if (d) out.set(d, { company, created: false });
		}
	}
	if (creates.length) {
		const response = (await hubspotRequest(
			ctx,
			{ method: 'POST', path: '/crm/v3/objects/companies/batch/create', body: { inputs: creates.map(([, properties]) => ({ properties })) } },
			{ itemIndex },
		)) as IDataObject;
		for (const raw of (response.results as IDataObject[]) ?? []) {
			const company = toHsObject(raw);
			out.set(normalizeDomain(company.properties.domain ?? ''), { company, created: true });
		}
	}
	return out;
}
