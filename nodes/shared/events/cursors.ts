/**
 * Lossless poll cursors for the AWS Partner Central Trigger. Pure functions over plain JSON state (the state lives in
 * the workflow's static data), so the rules can be tested without n8n or the API.
 *
 * Two shapes of source are handled:
 *
 * 1. "Modified since" lists (ListOpportunities with a LastModifiedDate filter, sorted ascending). The cursor is a
 *    watermark (the newest LastModifiedDate emitted) plus the versions emitted near it. Each poll re-reads from the
 *    watermark minus an overlap, so records that share a timestamp, or that only become visible a little late, are
 *    not skipped; the remembered versions stop them from being emitted twice. Pages are read by key (the next request
 *    starts from the newest timestamp of the previous page) rather than by page token, so a record that changes while
 *    we page moves to a later position we still read, and nothing slides into a page we already passed. Only when a
 *    whole page shares one timestamp does the reader follow the page token to get past the tie.
 *
 * 2. Status lists ordered by a creation date, newest first (ListEngagementInvitations by InvitationDate, List*Tasks by
 *    StartTime). Records never move in that order; only their status changes. The cursor remembers the last status of
 *    every record that can still change (and of recent ones), and each poll reads back to the oldest such record.
 */

/** How a cursor's time is written: ISO-8601 strings, as the transport returns them. */
export type IsoDate = string;

export function toMs(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value !== '') {
		const ms = Date.parse(value);
		if (!Number.isNaN(ms)) return ms;
	}
	return Number.NaN;
}

export function toIso(ms: number): IsoDate {
	return new Date(ms).toISOString();
}

// ---------------------------------------------------------------------------------------------------------------
// 1. "Modified since" cursor
// ---------------------------------------------------------------------------------------------------------------

export interface ModifiedCursor {
	/** Learned from the service: its "after" filter includes the instant given. */
	afterInclusive?: boolean;
	/** Only changes strictly after this instant are emitted (activation time, or the backfill start). */
	startedAt: IsoDate;
	/** Newest modification time emitted so far (starts at `startedAt`). */
	watermark: IsoDate;
	/** id -> modification time already emitted, for modifications at or after `watermark - overlap`. */
	seen: Record<string, IsoDate>;
}

export interface ModifiedCursorOptions {
	/** How far behind the watermark each poll re-reads (ties, late-visible records). */
	overlapMs: number;
	/** Upper bound on remembered versions; the oldest are forgotten first. */
	maxSeen?: number;
}

export interface Versioned {
	id: string;
	modifiedAt: IsoDate;
}

export function newModifiedCursor(start: Date | number): ModifiedCursor {
	const iso = toIso(toMs(start));
	return { startedAt: iso, watermark: iso, seen: {} };
}

/** Each poll reads records modified at or after this instant: the watermark minus the overlap. */
export function modifiedLowerBound(cursor: ModifiedCursor, opts: ModifiedCursorOptions): Date {
	return new Date(toMs(cursor.watermark) - Math.max(0, opts.overlapMs));
}

/**
 * Decide which listed records are new changes, and compute the next cursor. Input order does not matter; the output
 * is ordered by modification time then id. A record listed twice in one poll (it changed while we paged) is emitted
 * once, in its newest version.
 */
export function acceptModified<T extends Versioned>(
	cursor: ModifiedCursor,
	records: T[],
	opts: ModifiedCursorOptions,
): { emit: T[]; cursor: ModifiedCursor } {
	const overlap = Math.max(0, opts.overlapMs);
	const startedAt = toMs(cursor.startedAt);
	const floor = toMs(cursor.watermark) - overlap;

	const newest = new Map<string, T>();
	for (const record of records) {
		const ms = toMs(record.modifiedAt);
		if (Number.isNaN(ms) || !record.id) continue;
		const current = newest.get(record.id);
		if (!current || toMs(current.modifiedAt) < ms) newest.set(record.id, record);
	}

	const emit: T[] = [];
	for (const record of newest.values()) {
		const ms = toMs(record.modifiedAt);
		if (ms <= startedAt || ms < floor) continue;
		const seenAt = cursor.seen[record.id];
		if (seenAt !== undefined && toMs(seenAt) >= ms) continue;
		emit.push(record);
	}
	emit.sort(compareVersioned);

	let watermark = toMs(cursor.watermark);
	const seen: Record<string, IsoDate> = { ...cursor.seen };
	for (const record of emit) {
		watermark = Math.max(watermark, toMs(record.modifiedAt));
		seen[record.id] = toIso(toMs(record.modifiedAt));
	}
	return {
		emit,
		cursor: {
			...(cursor.afterInclusive ? { afterInclusive: true } : {}),
			startedAt: cursor.startedAt,
			watermark: toIso(watermark),
			seen: pruneSeen(seen, watermark - overlap - 1, opts.maxSeen ?? 5000),
		},
	};
}

function compareVersioned(a: Versioned, b: Versioned): number {
	return toMs(a.modifiedAt) - toMs(b.modifiedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function pruneSeen(seen: Record<string, IsoDate>, keepFromMs: number, max: number): Record<string, IsoDate> {
	const kept = Object.entries(seen).filter(([, at]) => toMs(at) >= keepFromMs);
	kept.sort((a, b) => toMs(b[1]) - toMs(a[1]));
	return Object.fromEntries(kept.slice(0, Math.max(1, max)));
}

export interface Page<T> {
	items: T[];
	nextToken?: string;
}

export interface ModifiedQuery {
	/** Send as the "after" filter. */
	after: Date;
	/** Send as the "before" filter when present (only used to read a tie group). */
	before?: Date;
	nextToken?: string;
}

/**
 * Read every record modified at or after `from`, ascending, by key: each request starts at the newest instant of the
 * previous page, so ties at that instant are read again (the caller drops repeats) and a record that changes while
 * we page moves to a position still ahead of us. When a whole page shares one instant (more ties than fit a page),
 * that instant's records are read with a before/after bracket and page tokens, repeated until two passes list the
 * same records, and reading then continues strictly after that instant.
 *
 * Whether the service's "after" is exclusive or inclusive is not documented: the reader assumes exclusive and
 * switches (returning `afterInclusive: true` for the caller to remember) as soon as a response shows a record at
 * exactly the instant it sent. Stops early once `maxRecords` have been read, at a page boundary.
 */
export async function readModifiedAscending<T>(args: {
	from: Date;
	fetch: (query: ModifiedQuery) => Promise<Page<T>>;
	modifiedAt: (record: T) => unknown;
	maxRecords: number;
	afterInclusive?: boolean;
	/** Safety stop for a misbehaving API (a token that never ends). */
	maxRequests?: number;
}): Promise<{ records: T[]; complete: boolean; requests: number; afterInclusive: boolean }> {
	const records: T[] = [];
	const maxRequests = args.maxRequests ?? 1000;
	const ms = (record: T) => toMs(args.modifiedAt(record));
	let inclusive = args.afterInclusive === true;
	let requests = 0;
	const send = async (query: ModifiedQuery): Promise<Page<T>> => {
		const page = await args.fetch(query);
		requests++;
		const sent = query.after.getTime();
		if (!inclusive && page.items.some((item) => ms(item) === sent)) inclusive = true;
		return page;
	};
	const afterFor = (instant: number, strictlyAfter: boolean) =>
		new Date(strictlyAfter ? (inclusive ? instant + 1 : instant) : inclusive ? instant : instant - 1);
	const done = (complete: boolean) => ({ records, complete, requests, afterInclusive: inclusive });

	let x = args.from.getTime();
	let pastX = false;
	for (;;) {
		if (requests >= maxRequests) return done(false);
		const page = await send({ after: afterFor(x, pastX) });
		records.push(...page.items.filter((item) => ms(item) >= x && (!pastX || ms(item) > x)));
		if (!page.nextToken) return done(true);
		const newest = Math.max(...page.items.map(ms).filter((v) => !Number.isNaN(v)));
		if (newest > x) {
			if (records.length >= args.maxRecords) return done(false);
			x = newest; // keyset step
			pastX = false;
			continue;
		}
		if (pastX) continue; // the service turned out to be inclusive: ask again with the corrected bound
		// A full page of records at instant x: read that instant completely, then move strictly past it. A record
		// that changes meanwhile leaves the instant and can shift another past a page boundary, so passes repeat
		// until two full passes list the same records (a pass with no departure lists everything).
		let previous: Set<string> | undefined;
		const emitted = new Set(page.items.filter((item) => ms(item) === x).map(idOf));
		for (let pass = 0; pass < 6; pass++) {
			const listed = new Set<string>();
			let token: string | undefined;
			do {
				if (requests >= maxRequests) return done(false);
				const tiePage = await send({ after: afterFor(x, false), before: new Date(x + 1), nextToken: token });
				for (const item of tiePage.items) {
					if (ms(item) !== x) continue;
					const id = idOf(item);
					listed.add(id);
					if (!emitted.has(id)) {
						emitted.add(id);
						records.push(item);
					}
				}
				token = tiePage.nextToken;
			} while (token);
			const before = previous;
			const stable = before !== undefined && listed.size === before.size && [...listed].every((id) => before.has(id));
			previous = listed;
			if (stable) break;
		}
		pastX = true;
	}

	function idOf(record: T): string {
		const value = (record as unknown as { id?: unknown; Id?: unknown }).id ?? (record as unknown as { Id?: unknown }).Id;
		return typeof value === 'string' ? value : JSON.stringify(record);
	}
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Status cursor (records ordered by a creation date, newest first; statuses change)
// ---------------------------------------------------------------------------------------------------------------

export interface StatusEntry {
	/** last status seen */
	s: string;
	/** the record's date (InvitationDate, StartTime) */
	d: IsoDate;
}

export interface StatusCursor {
	startedAt: IsoDate;
	/** Newest record date seen so far. */
	horizon: IsoDate;
	known: Record<string, StatusEntry>;
}

export interface StatusCursorOptions {
	overlapMs: number;
	/** Statuses after which a record never changes again (ACCEPTED, COMPLETE, ...). */
	finalStatuses: readonly string[];
	/** Status a record is created with (PENDING, IN_PROGRESS); a record first seen in another one is reported as changed. */
	initialStatus: string;
	/** Records that can still change are followed at most this long after their date. */
	maxTrackMs: number;
	maxKnown?: number;
}

export interface StatusRecord {
	id: string;
	date: IsoDate;
	status: string;
}

export function newStatusCursor(start: Date | number): StatusCursor {
	const iso = toIso(toMs(start));
	return { startedAt: iso, horizon: iso, known: {} };
}

/** Read (newest first) back to this instant: the overlap below the horizon, or the oldest record that can still change. */
export function statusScanFloor(cursor: StatusCursor, opts: StatusCursorOptions): number {
	let floor = toMs(cursor.horizon) - Math.max(0, opts.overlapMs);
	for (const entry of Object.values(cursor.known)) {
		if (!opts.finalStatuses.includes(entry.s)) floor = Math.min(floor, toMs(entry.d));
	}
	return floor;
}

/** Read pages (newest first) until a page reaches below `floorMs` or the list ends. */
export async function readDescendingUntil<T>(args: {
	floorMs: number;
	fetch: (nextToken?: string) => Promise<Page<T>>;
	date: (record: T) => unknown;
	maxRequests?: number;
}): Promise<{ records: T[]; complete: boolean; requests: number }> {
	const records: T[] = [];
	const maxRequests = args.maxRequests ?? 50;
	let token: string | undefined;
	let requests = 0;
	for (;;) {
		const page = await args.fetch(token);
		requests++;
		records.push(...page.items);
		if (!page.nextToken) return { records, complete: true, requests };
		const oldest = Math.min(...page.items.map((item) => toMs(args.date(item))).filter((ms) => !Number.isNaN(ms)));
		if (page.items.length > 0 && oldest < args.floorMs) return { records, complete: true, requests };
		if (requests >= maxRequests) return { records, complete: false, requests };
		token = page.nextToken;
	}
}

export interface StatusChange<T> {
	record: T;
	previousStatus: string | null;
}

/**
 * Compare a listing with the remembered statuses. `created`: records not known before and dated after the start.
 * `changed`: known records whose status differs, plus new records first seen in a status other than the initial one
 * (they changed between two polls; previousStatus null). `missing`: records that can still change, lie inside the
 * range that was read, and were not listed (the caller may look them up one by one).
 */
export function acceptStatuses<T extends StatusRecord>(
	cursor: StatusCursor,
	records: T[],
	opts: StatusCursorOptions & { floorMs: number; listingComplete: boolean; nowMs: number },
): { created: T[]; changed: Array<StatusChange<T>>; missing: string[]; cursor: StatusCursor } {
	const startedAt = toMs(cursor.startedAt);
	const newFloor = toMs(cursor.horizon) - Math.max(0, opts.overlapMs);
	const known: Record<string, StatusEntry> = { ...cursor.known };
	const created: T[] = [];
	const changed: Array<StatusChange<T>> = [];
	const listed = new Set<string>();
	let horizon = toMs(cursor.horizon);

	const ordered = [...records]
		.filter((r) => r.id && !Number.isNaN(toMs(r.date)))
		.sort((a, b) => toMs(a.date) - toMs(b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const record of ordered) {
		if (listed.has(record.id)) continue;
		listed.add(record.id);
		const ms = toMs(record.date);
		const before = known[record.id];
		if (before) {
			if (before.s !== record.status) changed.push({ record, previousStatus: before.s });
			known[record.id] = { s: record.status, d: toIso(ms) };
			continue;
		}
		if (ms <= startedAt || ms < newFloor) continue; // older than what this trigger watches
		created.push(record);
		if (record.status !== opts.initialStatus) changed.push({ record, previousStatus: null });
		known[record.id] = { s: record.status, d: toIso(ms) };
		horizon = Math.max(horizon, ms);
	}

	const missing: string[] = [];
	if (opts.listingComplete) {
		for (const [id, entry] of Object.entries(known)) {
			if (listed.has(id) || opts.finalStatuses.includes(entry.s)) continue;
			if (toMs(entry.d) >= opts.floorMs) missing.push(id);
		}
	}

	// Forget final records that fell below the overlap, and records that stopped being followable.
	const keepFinalFrom = horizon - Math.max(0, opts.overlapMs) - 1;
	const entries = Object.entries(known).filter(([, entry]) => {
		const ms = toMs(entry.d);
		if (opts.finalStatuses.includes(entry.s)) return ms >= keepFinalFrom;
		return opts.nowMs - ms <= opts.maxTrackMs;
	});
	entries.sort((a, b) => toMs(b[1].d) - toMs(a[1].d));
	return {
		created,
		changed,
		missing,
		cursor: {
			startedAt: cursor.startedAt,
			horizon: toIso(horizon),
			known: Object.fromEntries(entries.slice(0, Math.max(1, opts.maxKnown ?? 2000))),
		},
	};
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Tracked opportunities and AWS summary fingerprints
// ---------------------------------------------------------------------------------------------------------------

export interface SummaryCursor {
	/** Opportunity ids this trigger has seen, most recently changed first. */
	tracked: string[];
	/** id -> fingerprint of the last AWS opportunity summary seen ('' = no summary yet). */
	fingerprints: Record<string, string>;
}

export function newSummaryCursor(): SummaryCursor {
	return { tracked: [], fingerprints: {} };
}

/** Put the given ids (newest last, as emitted) at the front of the tracked list, bounded to `max`. */
export function trackOpportunities(cursor: SummaryCursor, idsOldestFirst: string[], max: number): SummaryCursor {
	const tracked = [...cursor.tracked];
	for (const id of idsOldestFirst) {
		const at = tracked.indexOf(id);
		if (at >= 0) tracked.splice(at, 1);
		tracked.unshift(id);
	}
	const kept = tracked.slice(0, Math.max(0, max));
	const fingerprints: Record<string, string> = {};
	for (const id of kept) if (cursor.fingerprints[id] !== undefined) fingerprints[id] = cursor.fingerprints[id];
	return { tracked: kept, fingerprints };
}

/**
 * Record the summary fingerprint observed for an opportunity. The first observation is the baseline and is not a
 * change; after that, any different fingerprint (including a summary appearing or disappearing) is.
 */
export function observeSummary(
	cursor: SummaryCursor,
	id: string,
	fingerprint: string,
): { changed: boolean; previous: string | undefined; cursor: SummaryCursor } {
	const previous = cursor.fingerprints[id];
	return {
		changed: previous !== undefined && previous !== fingerprint,
		previous,
		cursor: { tracked: cursor.tracked, fingerprints: { ...cursor.fingerprints, [id]: fingerprint } },
	};
}
