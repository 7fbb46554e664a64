/**
 * CRM search (hubspot.md 2.2 "Search" and 2.4 limits): filterGroups are ORed, filters inside a group ANDed;
 * 13 operators; one sort; `query` over the type's searchable properties; limit <= 200; `after` is an offset;
 * results capped at 10,000 (paging past it -> 400); `total` counts every match.
 * Ties (and searches without sorts) are ordered by id ascending (simulator choice, documented in README).
 */
import { validationError } from './errors';
import type { PropertyRecord } from './properties';
import { parseTimestamp } from './values';
import type { ObjRecord } from './world';

export const SEARCH_MAX_LIMIT = 200;
export const SEARCH_RESULT_CAP = 10_000;
export const MAX_FILTER_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 6;
export const MAX_FILTERS_TOTAL = 18;
export const MAX_QUERY_LENGTH = 3000;

const OPERATORS = ['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'] as const;
type Operator = (typeof OPERATORS)[number];

export interface Filter {
	propertyName: string;
	operator: Operator;
	value?: unknown;
	highValue?: unknown;
	values?: unknown[];
}

export interface SearchRequest {
	filterGroups: Array<{ filters: Filter[] }>;
	sorts: Array<{ propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }>;
	query?: string;
	properties?: string[];
	limit: number;
	after: number;
}

type PropLookup = (name: string) => PropertyRecord | undefined;
/** Ids of the records of `singular` type (company, contact, deal...) associated with a record. */
export type AssociatedIds = (rec: ObjRecord, singular: string) => string[];

/** Validates the raw body and returns a typed request (400 VALIDATION_ERROR otherwise). */
export function parseSearchRequest(body: unknown, lookup: PropLookup): SearchRequest {
	const b = (body ?? {}) as Record<string, unknown>;
	if (typeof b !== 'object' || Array.isArray(b)) throw validationError('Invalid input JSON: the search body must be an object.');
	const limit = b.limit === undefined ? 10 : Number(b.limit);
	if (!Number.isInteger(limit) || limit < 0 || limit > SEARCH_MAX_LIMIT) {
		throw validationError(`Invalid input JSON: limit must be between 0 and ${SEARCH_MAX_LIMIT}, got ${String(b.limit)}.`);
	}
	const after = b.after === undefined || b.after === null || b.after === '' ? 0 : Number(b.after);
	if (!Number.isInteger(after) || after < 0) throw validationError(`Invalid input JSON: after must be a non-negative integer string, got ${String(b.after)}.`);
	if (after + limit > SEARCH_RESULT_CAP) {
		throw validationError(`There was a problem with the request. Search results are limited to ${SEARCH_RESULT_CAP} records: after (${after}) + limit (${limit}) goes past that limit.`);
	}
	if (b.query !== undefined && typeof b.query !== 'string') throw validationError('Invalid input JSON: query must be a string.');
	if (typeof b.query === 'string' && b.query.length > MAX_QUERY_LENGTH) throw validationError(`query must be at most ${MAX_QUERY_LENGTH} characters.`);
	const groups = (b.filterGroups ?? []) as unknown;
	if (!Array.isArray(groups)) throw validationError('Invalid input JSON: filterGroups must be an array.');
	if (groups.length > MAX_FILTER_GROUPS) throw validationError(`Too many filter groups: ${groups.length}; at most ${MAX_FILTER_GROUPS} are allowed.`);
	let total = 0;
	const filterGroups = groups.map((g) => {
		const filters = ((g as Record<string, unknown>)?.filters ?? []) as unknown;
		if (!Array.isArray(filters)) throw validationError('Invalid input JSON: filters must be an array.');
		if (filters.length > MAX_FILTERS_PER_GROUP) throw validationError(`Too many filters in a group: ${filters.length}; at most ${MAX_FILTERS_PER_GROUP} per group are allowed.`);
		total += filters.length;
		return { filters: filters.map((f) => parseFilter(f, lookup)) };
	});
	if (total > MAX_FILTERS_TOTAL) throw validationError(`Too many filters: ${total}; at most ${MAX_FILTERS_TOTAL} in all filter groups are allowed.`);
	const rawSorts = (b.sorts ?? []) as unknown;
	if (!Array.isArray(rawSorts)) throw validationError('Invalid input JSON: sorts must be an array.');
	if (rawSorts.length > 1) throw validationError('Only one sort is supported in a search request.');
	const sorts = rawSorts.map((s) => {
		if (typeof s === 'string') {
			const desc = s.startsWith('-');
			return { propertyName: desc ? s.slice(1) : s, direction: desc ? ('DESCENDING' as const) : ('ASCENDING' as const) };
		}
		const o = s as Record<string, unknown>;
		const direction = (o.direction === undefined ? 'ASCENDING' : o.direction) as 'ASCENDING' | 'DESCENDING';
		if (direction !== 'ASCENDING' && direction !== 'DESCENDING') throw validationError(`Invalid sort direction ${String(o.direction)}; use ASCENDING or DESCENDING.`);
		if (typeof o.propertyName !== 'string') throw validationError('Invalid input JSON: sorts[].propertyName is required.');
		return { propertyName: o.propertyName, direction };
	});
	const properties = b.properties === undefined ? undefined : (b.properties as string[]);
	if (properties !== undefined && !Array.isArray(properties)) throw validationError('Invalid input JSON: properties must be an array of names.');
	return { filterGroups, sorts, query: b.query as string | undefined, properties, limit, after };
}

function parseFilter(raw: unknown, lookup: PropLookup): Filter {
	const f = (raw ?? {}) as Record<string, unknown>;
	if (typeof f.propertyName !== 'string') throw validationError('Invalid input JSON: filters[].propertyName is required.');
	const operator = (f.operator ?? 'EQ') as Operator;
	if (!OPERATORS.includes(operator)) throw validationError(`Invalid filter operator ${String(f.operator)}; allowed: ${OPERATORS.join(', ')}.`);
	if (!lookup(f.propertyName) && f.propertyName !== 'id' && !f.propertyName.startsWith('associations.')) {
		throw validationError(`There was a problem with the request. Property "${f.propertyName}" does not exist and cannot be used in a filter.`);
	}
	if (['IN', 'NOT_IN'].includes(operator) && !Array.isArray(f.values)) throw validationError(`Operator ${operator} needs "values" (an array).`);
	if (operator === 'BETWEEN' && (f.value === undefined || f.highValue === undefined)) throw validationError('Operator BETWEEN needs "value" and "highValue".');
	if (!['IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY'].includes(operator) && f.value === undefined) {
		throw validationError(`Operator ${operator} needs a "value".`);
	}
	return { propertyName: f.propertyName, operator, value: f.value, highValue: f.highValue, values: f.values as unknown[] | undefined };
}

type Kind = 'number' | 'time' | 'text';

function kindOf(prop: PropertyRecord | undefined, name: string): Kind {
	if (name === 'id' || name === 'hs_object_id') return 'number';
	if (!prop) return 'text';
	if (prop.type === 'number') return 'number';
	if (prop.type === 'datetime' || prop.type === 'date') return 'time';
	return 'text';
}

function toComparable(kind: Kind, raw: unknown): number | string | undefined {
	if (raw === undefined || raw === null) return undefined;
	const s = String(raw);
	if (kind === 'number') {
		const n = Number(s);
		return Number.isFinite(n) ? n : undefined;
	}
	if (kind === 'time') return parseTimestamp(s);
	return s.toLowerCase();
}

function compare(a: number | string, b: number | string): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Tokens of a value: words split on anything but letters/digits, plus the whole value. */
function tokens(value: string): string[] {
	const lower = value.toLowerCase();
	return [lower, ...lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean)];
}

function tokenMatches(value: string, pattern: string): boolean {
	const p = pattern.toLowerCase();
	if (p.includes('*')) {
		const re = new RegExp(`^${p.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
		return tokens(value).some((t) => re.test(t));
	}
	return tokens(value).includes(p);
}

function valueOf(rec: ObjRecord, name: string): string | undefined {
	if (name === 'id') return rec.id;
	const v = rec.properties[name];
	return v === undefined || v === '' ? undefined : v;
}

function matchFilter(rec: ObjRecord, f: Filter, lookup: PropLookup, associated: AssociatedIds): boolean {
	if (f.propertyName.startsWith('associations.')) {
		// HubSpot's pseudo-property `associations.<type>`: EQ/IN/NEQ/NOT_IN on associated record ids.
		const linked = associated(rec, f.propertyName.slice('associations.'.length));
		const wanted = (f.operator === 'IN' || f.operator === 'NOT_IN' ? (f.values ?? []) : [f.value]).map(String);
		const hit = wanted.some((w) => linked.includes(w));
		if (f.operator === 'EQ' || f.operator === 'IN') return hit;
		if (f.operator === 'NEQ' || f.operator === 'NOT_IN') return !hit;
		if (f.operator === 'HAS_PROPERTY') return linked.length > 0;
		if (f.operator === 'NOT_HAS_PROPERTY') return linked.length === 0;
		throw validationError(`Operator ${f.operator} is not supported on ${f.propertyName}.`);
	}
	const prop = lookup(f.propertyName);
	const kind = kindOf(prop, f.propertyName);
	const raw = valueOf(rec, f.propertyName);
	const isMulti = prop?.type === 'enumeration' && prop.fieldType === 'checkbox';
	const have = raw === undefined ? undefined : toComparable(kind, raw);
	const want = toComparable(kind, f.value);
	const eq = (x: unknown): boolean => {
		if (raw === undefined) return false;
		if (isMulti) return raw.toLowerCase().split(';').includes(String(x).toLowerCase());
		const w = toComparable(kind, x);
		return w !== undefined && have !== undefined && compare(have, w) === 0;
	};
	switch (f.operator) {
		case 'EQ':
			return eq(f.value);
		case 'NEQ':
			return !eq(f.value);
		case 'IN':
			return (f.values ?? []).some(eq);
		case 'NOT_IN':
			return !(f.values ?? []).some(eq);
		case 'HAS_PROPERTY':
			return raw !== undefined;
		case 'NOT_HAS_PROPERTY':
			return raw === undefined;
		case 'CONTAINS_TOKEN':
			return raw !== undefined && tokenMatches(raw, String(f.value));
		case 'NOT_CONTAINS_TOKEN':
			return raw === undefined || !tokenMatches(raw, String(f.value));
		case 'BETWEEN': {
			const high = toComparable(kind, f.highValue);
			return have !== undefined && want !== undefined && high !== undefined && compare(have, want) >= 0 && compare(have, high) <= 0;
		}
		default: {
			if (have === undefined || want === undefined) return false;
			const c = compare(have, want);
			return f.operator === 'GT' ? c > 0 : f.operator === 'GTE' ? c >= 0 : f.operator === 'LT' ? c < 0 : c <= 0;
		}
	}
}

function matchQuery(rec: ObjRecord, query: string, searchable: string[]): boolean {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	if (!words.length) return true;
	const haystack = [rec.id, ...searchable.map((n) => rec.properties[n] ?? '')].filter(Boolean);
	return words.every((w) => haystack.some((h) => tokens(h).some((t) => t.startsWith(w.replace(/\*$/, '')))));
}

export interface SearchOutcome {
	total: number;
	page: ObjRecord[];
	nextAfter?: string;
}

export function runSearch(records: ObjRecord[], req: SearchRequest, lookup: PropLookup, searchable: string[], associated: AssociatedIds = () => []): SearchOutcome {
	let matched = records.filter((r) => {
		if (req.query && !matchQuery(r, req.query, searchable)) return false;
		if (!req.filterGroups.length) return true;
		return req.filterGroups.some((g) => g.filters.every((f) => matchFilter(r, f, lookup, associated)));
	});
	const byId = (a: ObjRecord, b: ObjRecord) => Number(a.id) - Number(b.id);
	const sort = req.sorts[0];
	if (sort) {
		const kind = kindOf(lookup(sort.propertyName), sort.propertyName);
		const dir = sort.direction === 'DESCENDING' ? -1 : 1;
		const keyed = matched.map((rec) => ({ rec, key: toComparable(kind, valueOf(rec, sort.propertyName)), id: Number(rec.id) }));
		keyed.sort((a, b) => {
			if (a.key === undefined && b.key === undefined) return a.id - b.id;
			if (a.key === undefined) return 1;
			if (b.key === undefined) return -1;
			return compare(a.key, b.key) * dir || a.id - b.id;
		});
		matched = keyed.map((k) => k.rec);
	} else {
		matched = matched.sort(byId);
	}
	const end = Math.min(req.after + req.limit, matched.length, SEARCH_RESULT_CAP);
	const page = matched.slice(req.after, end);
	const nextAfter = end < matched.length && end < SEARCH_RESULT_CAP && req.limit > 0 ? String(end) : undefined;
	return { total: matched.length, page, nextAfter };
}
