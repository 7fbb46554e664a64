import type { IDataObject } from 'n8n-workflow';

import type { HubSpotContext, HubSpotRequestOptions } from './transport';
import { hubspotRequest } from './transport';

/** A CRM record as the bundle contract (contract 3) carries it. */
export interface HsObject {
	id: string;
	properties: Record<string, string | null>;
	createdAt?: string;
	updatedAt?: string;
}

/** HubSpot batch endpoints take at most 100 inputs. */
export const BATCH_LIMIT = 100;
/** A search page holds at most 200 records. */
export const SEARCH_PAGE_LIMIT = 200;
/** A search query reaches at most 10,000 results; paging further answers 400. */
export const SEARCH_RESULT_CAP = 10_000;

export function chunk<T>(items: T[], size = BATCH_LIMIT): T[][] {
	if (size < 1) throw new Error('chunk size must be at least 1');
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

export function uniqueStrings(values: Iterable<unknown>): string[] {
	const seen = new Set<string>();
	for (const v of values) {
		if (v === undefined || v === null) continue;
		const s = String(v).trim();
		if (s) seen.add(s);
	}
	return [...seen];
}

export function toHsObject(raw: IDataObject): HsObject {
	const properties: Record<string, string | null> = {};
	for (const [k, v] of Object.entries((raw.properties as IDataObject) ?? {})) {
		properties[k] = v === undefined || v === null ? null : String(v);
	}
	const out: HsObject = { id: String(raw.id), properties };
	if (raw.createdAt) out.createdAt = String(raw.createdAt);
	if (raw.updatedAt) out.updatedAt = String(raw.updatedAt);
	return out;
}

/** Property values travel as strings; null clears a value. */
export function toPropertyStrings(values: IDataObject): Record<string, string | null> {
	const out: Record<string, string | null> = {};
	for (const [k, v] of Object.entries(values)) {
		if (v === undefined) continue;
		if (v === null) out[k] = '';
		else if (v instanceof Date) out[k] = v.toISOString();
		else if (typeof v === 'object') out[k] = JSON.stringify(v);
		else out[k] = String(v);
	}
	return out;
}

export interface BatchReadResult {
	found: Map<string, HsObject>;
	missing: string[];
}

/**
 * Batch read by id (or by a unique property with `idProperty`), 100 per call. Ids HubSpot does not return are
 * reported in `missing` (HubSpot answers 207 with errors, or simply leaves them out).
 */
export async function batchRead(
	ctx: HubSpotContext,
	objectType: string,
	ids: string[],
	properties: string[],
	options: HubSpotRequestOptions & { idProperty?: string } = {},
): Promise<BatchReadResult> {
	const found = new Map<string, HsObject>();
	const wanted = uniqueStrings(ids);
	for (const part of chunk(wanted)) {
		const body: IDataObject = { inputs: part.map((id) => ({ id })), properties };
		if (options.idProperty) body.idProperty = options.idProperty;
		const response = (await hubspotRequest(
			ctx,
			{ method: 'POST', path: `/crm/v3/objects/${objectType}/batch/read`, body },
			options,
		)) as { results?: IDataObject[] };
		for (const raw of response.results ?? []) {
			const obj = toHsObject(raw);
			const key = options.idProperty ? (obj.properties[options.idProperty] ?? obj.id) : obj.id;
			found.set(String(key), obj);
		}
	}
	return { found, missing: wanted.filter((id) => !found.has(id)) };
}

export interface SearchRequest {
	filterGroups?: IDataObject[];
	properties?: string[];
	query?: string;
	/** One sort (HubSpot takes one); default and `hs_object_id` sorts page past the 10,000 cap, others cannot. */
	sort?: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' };
}

/**
 * Adds `hs_object_id > afterId` (or `<` when reading in descending id order) to every filter group (groups are
 * ORed, so each needs it).
 */
export function withIdFloor(filterGroups: IDataObject[] | undefined, afterId: string | undefined, operator: 'GT' | 'LT' = 'GT'): IDataObject[] {
	if (afterId === undefined) return filterGroups ?? [];
	const floor = { propertyName: 'hs_object_id', operator, value: afterId };
	if (!filterGroups || filterGroups.length === 0) return [{ filters: [floor] }];
	return filterGroups.map((g) => ({ ...g, filters: [...((g.filters as IDataObject[]) ?? []), floor] }));
}

/** A search sorted by another property than the id matches more records than HubSpot lets anyone page through. */
export class SearchCapError extends Error {
	constructor(
		readonly total: number,
		readonly cap: number,
		readonly sortProperty: string,
	) {
		super(`${total} records match, but HubSpot returns at most ${cap} results for a search sorted by ${sortProperty}`);
	}
}

/**
 * Every search result up to `limit` (default: all), paging with `after`. Results are sorted by `hs_object_id`
 * unless `request.sort` names another property. Sorted by id, a query nearing HubSpot's 10,000-result cap moves its
 * window: the search restarts with `hs_object_id > last id seen` (keyset paging), so any number of records can be
 * read. Sorted by another property, paging stops at the cap with a SearchCapError. Search lags writes by a few
 * seconds.
 */
export async function searchAll(
	ctx: HubSpotContext,
	objectType: string,
	request: SearchRequest,
	options: HubSpotRequestOptions & { limit?: number; pageSize?: number; resultCap?: number } = {},
): Promise<HsObject[]> {
	const limit = options.limit ?? Number.POSITIVE_INFINITY;
	const cap = options.resultCap ?? SEARCH_RESULT_CAP;
	const pageSize = Math.min(options.pageSize ?? SEARCH_PAGE_LIMIT, SEARCH_PAGE_LIMIT);
	const sort = request.sort ?? { propertyName: 'hs_object_id', direction: 'ASCENDING' };
	const keyset = sort.propertyName === 'hs_object_id';
	const floorOperator = sort.direction === 'DESCENDING' ? 'LT' : 'GT';
	const out: HsObject[] = [];
	let floor: string | undefined;
	let after: string | undefined;
	let readInWindow = 0;
	for (;;) {
		const size = Math.min(pageSize, limit - out.length);
		if (size <= 0) return out;
		const body: IDataObject = {
			filterGroups: withIdFloor(request.filterGroups, floor, floorOperator),
			sorts: [{ propertyName: sort.propertyName, direction: sort.direction }],
			limit: size,
		};
		if (request.properties?.length) body.properties = request.properties;
		if (request.query) body.query = request.query;
		if (after !== undefined) body.after = after;
		const page = (await hubspotRequest(
			ctx,
			{ method: 'POST', path: `/crm/v3/objects/${objectType}/search`, body },
			options,
		)) as { results?: IDataObject[]; total?: number; paging?: { next?: { after?: string } } };
		const results = (page.results ?? []).map(toHsObject);
		if (!keyset && out.length === 0 && page.total !== undefined && page.total > cap && limit > cap) {
			throw new SearchCapError(page.total, cap, sort.propertyName);
		}
		out.push(...results);
		readInWindow += results.length;
		if (out.length >= limit) return out.slice(0, limit);
		const next = page.paging?.next?.after;
		if (results.length === 0) return out;
		// HubSpot stops offering `paging.next` at the cap although more records match: `total` tells.
		const more = next !== undefined || (page.total !== undefined ? page.total > readInWindow : readInWindow >= cap);
		if (!more) return out;
		if (next === undefined || readInWindow + Math.min(pageSize, limit - out.length) > cap) {
			if (!keyset) throw new SearchCapError(page.total ?? readInWindow, cap, sort.propertyName);
			// The window is used up or the next page would cross the cap: restart past the last id instead.
			floor = results[results.length - 1].id;
			after = undefined;
			readInWindow = 0;
		} else {
			after = next;
		}
	}
}
