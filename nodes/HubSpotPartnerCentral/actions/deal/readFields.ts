import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_DEAL_PROPERTIES } from '../../../shared/hubspot/bundles';
import type { HsObject } from '../../../shared/hubspot/objects';
import { uniqueStrings } from '../../../shared/hubspot/objects';
import { DEAL_PROPERTY_NAMES } from '../../../shared/sync/hubspotProperties';
import { splitList } from '../common';

/** Fields and helpers shared by the deal read operations (Search, Get, Get Deals of a Company or Contact). */

export function dealPropertiesField(operation: string): INodeProperties {
	return {
		displayName: 'Deal Properties',
		name: 'properties',
		type: 'string',
		default: '',
		placeholder: 'e.g. dealname, amount, my_custom_field',
		displayOptions: { show: { resource: ['deal'], operation: [operation] } },
		description:
			'Comma-separated internal names of the deal properties to return. Empty: the standard deal properties (name, amount, stage, pipeline, close date, owner...) and every aws_* property.',
	};
}

export function returnAllFields(operation: string): INodeProperties[] {
	const show = { resource: ['deal'], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			displayOptions: { show },
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** The properties to request: the user's list, else the standard ones plus every aws_* property. */
export function dealPropertiesToRead(ctx: IExecuteFunctions, itemIndex: number, always: string[] = []): string[] {
	const chosen = splitList(ctx.getNodeParameter('properties', itemIndex, ''));
	return uniqueStrings([...(chosen.length ? chosen : [...DEFAULT_DEAL_PROPERTIES, ...DEAL_PROPERTY_NAMES]), ...always]);
}

/** Return All: unlimited; otherwise the Limit parameter. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Number.POSITIVE_INFINITY;
	return Math.max(1, Math.floor(Number(ctx.getNodeParameter('limit', itemIndex, 50)) || 50));
}

/** A deal as the read operations output it. */
export function dealJson(deal: HsObject): IDataObject {
	return { id: deal.id, properties: deal.properties, createdAt: deal.createdAt ?? null, updatedAt: deal.updatedAt ?? null };
}
