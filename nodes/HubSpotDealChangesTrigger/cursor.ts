/**
 * Cursor for "deals created or modified since last time", over HubSpot CRM search. Pure: the search call is injected.
 *
 * Why it is built this way:
 * - Every request is a fresh keyset query (`hs_lastmodifieddate >= bound`, ascending, one page) instead of deep
 *   `after` paging: offsets shift when deals change mid-read (a deal would be skipped), and a query cannot page past
 *   10,000 results. After each page the bound moves to the page's last timestamp; deals already read at that exact
 *   timestamp are skipped by id.
 * - When a whole page shares one timestamp (more deals changed in the same millisecond than a page holds, e.g. a bulk
 *   import), the cursor reads that timestamp by `hs_object_id` (`= ts AND id > last id`) until done, then continues
 *   with `> ts`. Nothing is skipped or repeated, whatever the number of ties.
 * - Search lags writes: a deal changed at time t may appear in search some seconds later with timestamp t. So the
 *   next poll starts `overlapMs` before the time the previous read began, and a deal is emitted again only when its
 *   hs_lastmodifieddate differs from the one already emitted (dedup by id + timestamp).
 * - A big backlog is read over several polls (time budget, item cap): the position is kept in `resume`.
 */

export interface DealRecord {
	id: string;
	properties: Record<string, string | null | undefined>;
	createdAt?: string;
	updatedAt?: string;
	[key: string]: unknown;
}

export type SearchBody = Record<string, unknown>;
export type SearchFn = (body: SearchBody) => Promise<{ results: DealRecord[] }>;

export interface CursorState {
	version: 1;
	/** Start (ms) of the last complete read; the next read starts at `checkpoint - overlapMs`. */
	checkpoint: number;
	/**
	 * Deals read whose timestamp the next read may meet again, grouped by hs_lastmodifieddate (ms) -> ids (compact:
	 * a bulk change shares one timestamp).
	 */
	seen: Record<string, string[]>;
	/** Where an unfinished read continues. */
	resume?: {
		fromMs: number;
		strict: boolean;
		tie?: { ts: number; afterId: string };
		/** When the unfinished read began: becomes the checkpoint once it completes. */
		startedAt: number;
	};
	/** The backfill setting the state was created for (a new setting restarts the cursor). */
	origin: number | null;
	/** Nothing modified before this is read: the activation time, or the backfill start. */
	notBefore: number;
}

export interface DealFilters {
	/** Pipeline id (`default` or a numeric id). */
	pipeline?: string;
	/** Text that must appear in the deal name, case-insensitively (e.g. `#AWS`). */
	nameTag?: string;
	/** Internal name of a property that must have a value. */
	hasProperty?: string;
}

export interface PollInput {
	state: CursorState;
	search: SearchFn;
	filters: DealFilters;
	properties: string[];
	overlapMs: number;
	/** Stop after emitting this many deals (the rest is read by the next poll). */
	maxDeals: number;
	pageSize?: number;
	/** Clock for the read start and the time budget (injectable for tests). */
	now: () => number;
	/** Stop reading new pages after this time (ms); undefined = no time limit. */
	deadline?: number;
	/** Entries kept in `seen` at most (protects the static data size in extreme bulk changes). */
	maxSeen?: number;
}

export interface EmittedDeal {
	deal: DealRecord;
	lastModifiedMs: number;
	/** Created since the previous complete read (or since the backfill start). */
	isNew: boolean;
}

export interface PollOutput {
	emitted: EmittedDeal[];
	state: CursorState;
	/** True when everything up to now was read; false when the next poll continues a backlog. */
	drained: boolean;
	requests: number;
}

export const LAST_MODIFIED = 'hs_lastmodifieddate';
export const OBJECT_ID = 'hs_object_id';
export const PAGE_SIZE = 200;
export const DEFAULT_MAX_SEEN = 20_000;

/** Properties every search asks for, whatever the user adds. */
export const BASE_PROPERTIES = [LAST_MODIFIED, 'createdate', 'dealname', 'pipeline', 'dealstage', OBJECT_ID];

export function initialState(now: number, backfillFromMs: number | null): CursorState {
	const start = backfillFromMs ?? now;
	return { version: 1, checkpoint: start, seen: {}, origin: backfillFromMs, notBefore: start };
}

/** Key of a node's first-check time in the workflow-wide static data. */
export function firstCheckKey(nodeId: string): string {
	return `hubspotDealChanges:${nodeId}:firstCheckAt`;
}

/**
 * The time of this node's first check, remembered in the workflow-wide static data (set on the first call, returned
 * unchanged afterwards). Kept apart from the cursor: n8n stages a poll node's own static data per check and may drop
 * it when the check emits nothing (the publish-time check with durable cursors), while the workflow-wide data is saved
 * with the activation. A first cursor starts here, so deals changed between publishing and the first regular check
 * are read.
 */
export function rememberFirstCheck(globalData: Record<string, unknown>, nodeId: string, now: number): number {
	const key = firstCheckKey(nodeId);
	const stored = globalData[key];
	if (typeof stored === 'number' && Number.isFinite(stored) && stored <= now) return stored;
	globalData[key] = now;
	return now;
}

/** Once the node has a cursor of its own, the first-check time is not needed any more. */
export function forgetFirstCheck(globalData: Record<string, unknown>, nodeId: string): void {
	const key = firstCheckKey(nodeId);
	if (key in globalData) delete globalData[key];
}

/** The stored state when it is usable for this backfill setting; otherwise undefined (start again). */
export function usableState(stored: unknown, backfillFromMs: number | null): CursorState | undefined {
	if (!stored || typeof stored !== 'object') return undefined;
	const state = stored as Partial<CursorState>;
	if (state.version !== 1 || typeof state.checkpoint !== 'number' || !Number.isFinite(state.checkpoint)) return undefined;
	if ((state.origin ?? null) !== backfillFromMs) return undefined;
	return {
		version: 1,
		checkpoint: state.checkpoint,
		seen: validSeen(state.seen),
		resume: state.resume,
		origin: backfillFromMs,
		notBefore: typeof state.notBefore === 'number' ? state.notBefore : state.checkpoint,
	};
}

/** Milliseconds of a HubSpot date property (ms-epoch string or ISO 8601); NaN when absent or unreadable. */
export function toMs(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string' || value.trim() === '') return Number.NaN;
	const text = value.trim();
	return /^\d+$/.test(text) ? Number(text) : Date.parse(text);
}

export function lastModifiedMs(deal: DealRecord): number {
	const fromProperty = toMs(deal.properties?.[LAST_MODIFIED]);
	return Number.isFinite(fromProperty) ? fromProperty : toMs(deal.updatedAt);
}

/**
 * The word HubSpot's token search can use for a tag: CONTAINS_TOKEN matches whole words and ignores punctuation,
 * so `#AWS` is searched as `AWS` (which also finds "AWS migration" without the hash: the post-filter removes those).
 * Undefined when the tag holds no single usable word (then only the post-filter applies).
 */
export function tagSearchToken(tag: string | undefined): string | undefined {
	const words = (tag ?? '').split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
	return words.length === 1 ? words[0] : undefined;
}

/** HubSpot filters for the user's choices (server side, narrowing the read). */
export function filterClauses(filters: DealFilters): Array<Record<string, string>> {
	const clauses: Array<Record<string, string>> = [];
	if (filters.pipeline?.trim()) clauses.push({ propertyName: 'pipeline', operator: 'EQ', value: filters.pipeline.trim() });
	const token = tagSearchToken(filters.nameTag);
	if (token) clauses.push({ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: token });
	if (filters.hasProperty?.trim()) clauses.push({ propertyName: filters.hasProperty.trim(), operator: 'HAS_PROPERTY' });
	return clauses;
}

/** The same choices checked on the returned deal (authoritative: token search is looser than "contains"). */
export function matchesDealFilters(deal: DealRecord, filters: DealFilters): boolean {
	const props = deal.properties ?? {};
	if (filters.pipeline?.trim() && (props.pipeline ?? '') !== filters.pipeline.trim()) return false;
	const tag = filters.nameTag?.trim();
	if (tag && !String(props.dealname ?? '').toLowerCase().includes(tag.toLowerCase())) return false;
	const prop = filters.hasProperty?.trim();
	if (prop) {
		const value = props[prop];
		if (value === null || value === undefined || String(value).trim() === '') return false;
	}
	return true;
}

export function propertiesToRead(filters: DealFilters, extra: string[]): string[] {
	const all = [...BASE_PROPERTIES, ...extra];
	if (filters.hasProperty?.trim()) all.push(filters.hasProperty.trim());
	return [...new Set(all.filter(Boolean))];
}

type Bound = { op: 'GTE' | 'GT'; ms: number } | { op: 'EQ'; ms: number; afterId: string };

export function searchBody(bound: Bound, filters: DealFilters, properties: string[], limit: number): SearchBody {
	const clauses: Array<Record<string, string>> = [
		{ propertyName: LAST_MODIFIED, operator: bound.op, value: String(bound.ms) },
	];
	if (bound.op === 'EQ') clauses.push({ propertyName: OBJECT_ID, operator: 'GT', value: bound.afterId });
	clauses.push(...filterClauses(filters));
	return {
		filterGroups: [{ filters: clauses }],
		sorts: [{ propertyName: bound.op === 'EQ' ? OBJECT_ID : LAST_MODIFIED, direction: 'ASCENDING' }],
		properties,
		limit,
	};
}

/** Reads the deals changed since the cursor and moves it. The input state is not mutated. */
export async function pollDealChanges(input: PollInput): Promise<PollOutput> {
	const pageSize = Math.min(input.pageSize ?? PAGE_SIZE, PAGE_SIZE);
	const state = input.state;
	const startedAt = state.resume?.startedAt ?? input.now();
	const windowStart = state.checkpoint;
	let lower = state.resume
		? { ms: state.resume.fromMs, strict: state.resume.strict }
		: { ms: Math.max(state.checkpoint - input.overlapMs, state.notBefore), strict: false };
	let tie = state.resume?.tie ? { ...state.resume.tie } : undefined;

	const seen = new Map<string, number>();
	for (const [ts, dealIds] of Object.entries(state.seen)) for (const id of dealIds) seen.set(id, Number(ts));
	const emitted = new Map<string, EmittedDeal>();
	let requests = 0;
	let drained = false;

	const take = (deal: DealRecord) => {
		const ms = lastModifiedMs(deal);
		if (!Number.isFinite(ms)) return;
		if (seen.get(deal.id) === ms) return;
		seen.set(deal.id, ms);
		if (!matchesDealFilters(deal, input.filters)) return;
		const created = toMs(deal.properties?.createdate ?? deal.createdAt);
		// One item per deal per poll: a deal changed while we read it is emitted once, in its latest state.
		emitted.delete(deal.id);
		emitted.set(deal.id, { deal, lastModifiedMs: ms, isNew: Number.isFinite(created) && created >= windowStart });
	};

	for (;;) {
		if (emitted.size >= input.maxDeals) break;
		if (requests > 0 && input.deadline !== undefined && input.now() >= input.deadline) break;
		requests++;
		if (tie) {
			const { results } = await input.search(
				searchBody({ op: 'EQ', ms: tie.ts, afterId: tie.afterId }, input.filters, input.properties, pageSize),
			);
			results.forEach(take);
			if (results.length > 0) tie.afterId = results[results.length - 1].id;
			if (results.length < pageSize) {
				lower = { ms: tie.ts, strict: true };
				tie = undefined;
			}
			continue;
		}
		const { results } = await input.search(
			searchBody({ op: lower.strict ? 'GT' : 'GTE', ms: lower.ms }, input.filters, input.properties, pageSize),
		);
		results.forEach(take);
		if (results.length < pageSize) {
			drained = true;
			break;
		}
		const last = lastModifiedMs(results[results.length - 1]);
		if (!Number.isFinite(last)) {
			throw new Error(`HubSpot returned deal ${results[results.length - 1].id} without ${LAST_MODIFIED}`);
		}
		if (!lower.strict && last <= lower.ms) {
			// A full page at the bound itself: read this millisecond by id.
			tie = { ts: lower.ms, afterId: '0' };
		} else {
			lower = { ms: last, strict: false };
		}
	}

	const nextState: CursorState = drained
		? { version: 1, checkpoint: startedAt, seen: {}, origin: state.origin, notBefore: state.notBefore }
		: {
				version: 1,
				checkpoint: state.checkpoint,
				seen: {},
				origin: state.origin,
				notBefore: state.notBefore,
				resume: { fromMs: lower.ms, strict: lower.strict, tie, startedAt },
			};
	nextState.seen = pruneSeen(seen, nextState, input.overlapMs, input.maxSeen ?? DEFAULT_MAX_SEEN);
	return { emitted: [...emitted.values()], state: nextState, drained, requests };
}

/** Keeps the entries a later read can meet again: at or after its lower bound (and the resume position). */
function pruneSeen(seen: Map<string, number>, state: CursorState, overlapMs: number, maxSeen: number): Record<string, string[]> {
	let floor = (state.resume?.startedAt ?? state.checkpoint) - overlapMs;
	if (state.resume) floor = Math.min(floor, state.resume.tie?.ts ?? state.resume.fromMs);
	const kept = [...seen.entries()]
		.filter(([, ms]) => ms >= floor)
		.sort((a, b) => a[1] - b[1])
		.slice(-maxSeen);
	const grouped: Record<string, string[]> = {};
	for (const [id, ms] of kept) (grouped[String(ms)] ??= []).push(id);
	return grouped;
}

function validSeen(value: unknown): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	if (!value || typeof value !== 'object') return out;
	for (const [ts, dealIds] of Object.entries(value as Record<string, unknown>)) {
		if (Number.isFinite(Number(ts)) && Array.isArray(dealIds)) out[ts] = dealIds.map(String);
	}
	return out;
}

/** A few recent deals for a manual test run: newest first, same filters, cursor untouched. */
export async function recentDeals(
	search: SearchFn,
	filters: DealFilters,
	properties: string[],
	limit: number,
): Promise<DealRecord[]> {
	const { results } = await search({
		filterGroups: filterClauses(filters).length ? [{ filters: filterClauses(filters) }] : [],
		sorts: [{ propertyName: LAST_MODIFIED, direction: 'DESCENDING' }],
		properties,
		limit: Math.min(PAGE_SIZE, Math.max(limit * 5, 20)),
	});
	return results.filter((deal) => matchesDealFilters(deal, filters)).slice(0, limit);
}
