import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AssociationInput } from '../../../shared/hubspot/associations';
import { ASSOCIATION_TYPES, createAssociations } from '../../../shared/hubspot/associations';
import { isPlausibleDomain, normalizeDomain } from '../../../shared/hubspot/normalize';
import type { HsObject } from '../../../shared/hubspot/objects';
import { chunk, searchAll, toHsObject, toPropertyStrings } from '../../../shared/hubspot/objects';
import { hubspotRequest } from '../../../shared/hubspot/transport';
import {
	asNodeError,
	errorItem,
	failItems,
	inInputOrder,
	optionalString,
	propertyValueFields,
	readPropertyValues,
	requiredString,
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

interface Request {
	itemIndex: number;
	domain: string;
	properties: Record<string, string | null>;
	dealId: string;
	primary: boolean;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const requests: Request[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const domain = normalizeDomain(requiredString(this, 'domain', i, 'Domain'));
			if (!isPlausibleDomain(domain)) {
				throw new NodeOperationError(this.getNode(), `"${domain}" is not a website domain`, { itemIndex: i });
			}
			const properties = toPropertyStrings(readPropertyValues(this, i));
			const name = optionalString(this, 'name', i);
			if (name) properties.name = name;
			properties.domain = domain;
			requests.push({
				itemIndex: i,
				domain,
				properties,
				dealId: optionalString(this, 'dealId', i),
				primary: this.getNodeParameter('primary', i, true) as boolean,
			});
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, i);
			results.set(i, [errorItem(error, i)]);
		}
	}

	const merged = new Map<string, Record<string, string | null>>();
	for (const r of requests) merged.set(r.domain, { ...(merged.get(r.domain) ?? {}), ...r.properties });
	const companies = new Map<string, { company: HsObject; created: boolean }>();
	for (const part of chunk([...merged.entries()])) {
		const indexes = requests.filter((r) => part.some(([d]) => d === r.domain)).map((r) => r.itemIndex);
		try {
			const found = await searchAll(
				this,
				'companies',
				{
					filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'IN', values: part.map(([d]) => d) }] }],
					properties: ['name', 'domain'],
				},
				{ itemIndex: indexes[0] },
			);
			const existing = new Map<string, HsObject>();
			for (const c of found) {
				const d = normalizeDomain(c.properties.domain ?? '');
				if (!existing.has(d)) existing.set(d, c); // oldest (lowest id) wins if HubSpot already has duplicates
			}
			const updates = part.filter(([d]) => existing.has(d));
			const creates = part.filter(([d]) => !existing.has(d));
			if (updates.length) {
				const response = (await hubspotRequest(
					this,
					{
						method: 'POST',
						path: '/crm/v3/objects/companies/batch/update',
						body: { inputs: updates.map(([d, properties]) => ({ id: existing.get(d)!.id, properties })) },
					},
					{ itemIndex: indexes[0] },
				)) as IDataObject;
				for (const raw of (response.results as IDataObject[]) ?? []) {
					const company = toHsObject(raw);
					const d = [...existing.entries()].find(([, c]) => c.id === company.id)?.[0];
					if (d) companies.set(d, { company, created: false });
				}
			}
			if (creates.length) {
				const response = (await hubspotRequest(
					this,
					{
						method: 'POST',
						path: '/crm/v3/objects/companies/batch/create',
						body: { inputs: creates.map(([, properties]) => ({ properties })) },
					},
					{ itemIndex: indexes[0] },
				)) as IDataObject;
				for (const raw of (response.results as IDataObject[]) ?? []) {
					const company = toHsObject(raw);
					companies.set(normalizeDomain(company.properties.domain ?? ''), { company, created: true });
				}
			}
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
	let linkError: unknown;
	if (links.length) {
		try {
			await createAssociations(this, 'deals', 'companies', links);
		} catch (error) {
			linkError = error;
		}
	}

	for (const r of requests) {
		if (results.has(r.itemIndex)) continue;
		const done = companies.get(r.domain);
		const problem = done ? (r.dealId ? linkError : undefined) : new Error(`HubSpot did not return a company for ${r.domain}`);
		if (problem) {
			if (!this.continueOnFail()) throw asNodeError(this, problem, r.itemIndex);
			results.set(r.itemIndex, [errorItem(problem, r.itemIndex, { domain: r.domain, companyId: done?.company.id ?? null })]);
			continue;
		}
		results.set(r.itemIndex, [
			{
				json: { companyId: done!.company.id, created: done!.created, domain: r.domain, dealId: r.dealId || null, company: done!.company as unknown as IDataObject },
				pairedItem: { item: r.itemIndex },
			},
		]);
	}
	return inInputOrder(items.length, results);
}
