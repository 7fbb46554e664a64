import type { IDataObject } from 'n8n-workflow';

/**
 * Search filters as a person enters them in the node (one row per condition, rows with the same group number must
 * all match, a record matching any group is returned) turned into HubSpot's `filterGroups` (hubspot.md 2.2
 * "Search"). Pure functions: tests drive them with tables.
 */

export interface FilterRow {
	propertyName?: string;
	operator?: string;
	value?: unknown;
	group?: unknown;
}

/** How each operator uses the value: none, one value, or a list (comma-separated in the node). */
export const SEARCH_OPERATORS: Record<string, 'none' | 'single' | 'list'> = {
	EQ: 'single',
	NEQ: 'single',
	LT: 'single',
	LTE: 'single',
	GT: 'single',
	GTE: 'single',
	HAS_PROPERTY: 'none',
	NOT_HAS_PROPERTY: 'none',
	CONTAINS_TOKEN: 'single',
	NOT_CONTAINS_TOKEN: 'single',
	IN: 'list',
	NOT_IN: 'list',
};

/** HubSpot's published limits disagree (hubspot.md 2.4); the strictest set is enforced here. */
export const MAX_FILTER_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 6;
export const MAX_FILTERS = 18;

export class FilterError extends Error {}

function valueText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (value instanceof Date) return value.toISOString();
	return String(value).trim();
}

/** One HubSpot filter from a row; throws FilterError with a message a person can act on. */
export function toHubSpotFilter(row: FilterRow, position: number): IDataObject {
	const propertyName = valueText(row.propertyName);
	const operator = valueText(row.operator).toUpperCase() || 'EQ';
	const label = `Filter ${position}`;
	if (!propertyName) throw new FilterError(`${label} has no property name`);
	const kind = SEARCH_OPERATORS[operator];
	if (!kind) throw new FilterError(`${label}: "${operator}" is not a search operator (use one of ${Object.keys(SEARCH_OPERATORS).join(', ')})`);
	if (kind === 'none') return { propertyName, operator };
	if (kind === 'list') {
		const raw = Array.isArray(row.value) ? row.value : valueText(row.value).split(',');
		const values = raw.map(valueText).filter(Boolean);
		if (!values.length) throw new FilterError(`${label} (${propertyName} ${operator}) needs at least one value (comma-separated)`);
		return { propertyName, operator, values };
	}
	const value = valueText(row.value);
	if (!value) throw new FilterError(`${label} (${propertyName} ${operator}) needs a value`);
	return { propertyName, operator, value };
}

function groupKey(group: unknown): string {
	const n = Number(valueText(group) || '1');
	return Number.isFinite(n) ? String(n) : valueText(group);
}

/**
 * Rows to `filterGroups`: rows grouped by their group number (in order of first appearance), limits checked. Paging
 * past 10,000 results adds one `hs_object_id` filter to every group, so one filter per group is kept free for it.
 */
export function buildFilterGroups(rows: FilterRow[]): IDataObject[] {
	const groups = new Map<string, IDataObject[]>();
	rows.forEach((row, i) => {
		const key = groupKey(row.group);
		groups.set(key, [...(groups.get(key) ?? []), toHubSpotFilter(row, i + 1)]);
	});
	if (groups.size > MAX_FILTER_GROUPS) throw new FilterError(`HubSpot allows at most ${MAX_FILTER_GROUPS} filter groups; got ${groups.size}`);
	for (const [key, filters] of groups) {
		if (filters.length > MAX_FILTERS_PER_GROUP - 1) {
			throw new FilterError(`Use at most ${MAX_FILTERS_PER_GROUP - 1} filters in one group (HubSpot allows ${MAX_FILTERS_PER_GROUP}, one is kept for paging); group ${key} has ${filters.length}`);
		}
	}
	if (rows.length + groups.size > MAX_FILTERS) {
		throw new FilterError(`Use at most ${MAX_FILTERS - groups.size} filters with ${groups.size} group(s) (HubSpot allows ${MAX_FILTERS} in all, one per group is kept for paging); got ${rows.length}`);
	}
	return [...groups.values()].map((filters) => ({ filters }));
}
