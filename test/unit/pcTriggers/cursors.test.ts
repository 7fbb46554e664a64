import fc from 'fast-check';

import {
	acceptModified,
	acceptStatuses,
	modifiedLowerBound,
	newModifiedCursor,
	newStatusCursor,
	newSummaryCursor,
	observeSummary,
	readDescendingUntil,
	readModifiedAscending,
	statusScanFloor,
	trackOpportunities,
	type ModifiedCursor,
	type ModifiedQuery,
	type Page,
	type StatusCursorOptions,
} from '../../../nodes/shared/events/cursors';

/**
 * An in-memory "ListOpportunities": records sorted ascending by modification time (ties in insertion order), a
 * strict or inclusive "after" filter, offset page tokens (the worst case: a record that moves shifts later ones), and
 * a hook that runs between page requests so tests can change records while the reader pages.
 */
class Store {
	records = new Map<string, number>();
	order: string[] = [];
	requests = 0;
	onRequest: (n: number) => void = () => {};

	constructor(
		public now: number,
		public strict = true,
		public pageSize = 3,
	) {}

	touch(id: string): void {
		this.records.set(id, this.now);
		this.order = this.order.filter((x) => x !== id);
		this.order.push(id);
	}

	list(q: ModifiedQuery): Page<{ id: string; modifiedAt: string }> {
		this.requests++;
		this.onRequest(this.requests);
		const a = q.after.getTime();
		const b = q.before?.getTime();
		const token = q.nextToken;
		const rows = this.order
			.map((id) => ({ id, ms: this.records.get(id)! }))
			.filter((r) => (this.strict ? r.ms > a : r.ms >= a))
			.filter((r) => b === undefined || (this.strict ? r.ms < b : r.ms <= b))
			.sort((x, y) => x.ms - y.ms);
		const offset = token ? Number(token) : 0;
		const items = rows.slice(offset, offset + this.pageSize).map((r) => ({ id: r.id, modifiedAt: new Date(r.ms).toISOString() }));
		const next = offset + this.pageSize < rows.length ? String(offset + this.pageSize) : undefined;
		this.now++; // server time moves on: anything changed after this response is newer than what it returned
		return { items, nextToken: next };
	}
}

async function poll(store: Store, cursor: ModifiedCursor, overlapMs = 0, maxRecords = 1000) {
	const read = await readModifiedAscending({
		from: modifiedLowerBound(cursor, { overlapMs }),
		fetch: async (q) => store.list(q),
		modifiedAt: (r) => r.modifiedAt,
		maxRecords,
		afterInclusive: cursor.afterInclusive,
	});
	const accepted = acceptModified(cursor, read.records, { overlapMs });
	if (read.afterInclusive) accepted.cursor.afterInclusive = true;
	return accepted;
}

describe('modified-since cursor', () => {
	const T0 = Date.parse('2026-01-01T00:00:00.000Z');

	it('starts from now: changes before activation are not emitted, later ones are', async () => {
		const store = new Store(T0);
		store.touch('O1');
		let cursor = newModifiedCursor(T0);
		let r = await poll(store, cursor);
		expect(r.emit).toEqual([]);
		cursor = r.cursor;
		store.now = T0 + 1000;
		store.touch('O2');
		r = await poll(store, cursor);
		expect(r.emit.map((e) => e.id)).toEqual(['O2']);
	});

	it('an idle poll costs one request', async () => {
		const store = new Store(T0);
		let cursor = newModifiedCursor(T0 - 10);
		for (let i = 0; i < 5; i++) {
			store.now = T0 + i;
			store.touch(`O${i}`);
		}
		const first = await poll(store, cursor, 5000);
		expect(first.emit).toHaveLength(5);
		cursor = first.cursor;
		store.requests = 0;
		const idle = await poll(store, cursor, 0);
		expect(idle.emit).toEqual([]);
		expect(store.requests).toBe(1);
	});

	it('does not skip ties spread over pages nor repeat them (strict and inclusive "after")', async () => {
		for (const strict of [true, false]) {
			const store = new Store(T0, strict, 2);
			let cursor = newModifiedCursor(T0 - 1000);
			for (const id of ['A', 'B', 'C', 'D', 'E']) store.touch(id); // five records, same millisecond
			let r = await poll(store, cursor);
			expect(r.emit.map((e) => e.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
			cursor = r.cursor;
			store.touch('F'); // same instant again, after the poll
			r = await poll(store, cursor);
			expect(r.emit.map((e) => e.id)).toEqual(['F']);
			cursor = r.cursor;
			r = await poll(store, cursor);
			expect(r.emit).toEqual([]);
		}
	});

	it('a record changed while paging is neither skipped nor dropped, and nothing slides past', async () => {
		const store = new Store(T0, true, 2);
		let cursor = newModifiedCursor(T0 - 1);
		for (let i = 0; i < 6; i++) {
			store.now = T0 + i * 10;
			store.touch(`O${i}`);
		}
		store.onRequest = (n) => {
			if (n === 2) {
				store.now = T0 + 1000;
				store.touch('O0'); // already read on page 1: moves to the end
			}
		};
		const r = await poll(store, cursor);
		cursor = r.cursor;
		expect(r.emit.map((e) => e.id)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5', 'O0']);
		store.onRequest = () => {};
		expect((await poll(store, cursor)).emit).toEqual([]);
	});

	it('stops at maxRecords and resumes where it stopped', async () => {
		const store = new Store(T0, true, 2);
		let cursor = newModifiedCursor(T0 - 1);
		for (let i = 0; i < 7; i++) {
			store.now = T0 + Math.floor(i / 2); // pairs of ties
			store.touch(`O${i}`);
		}
		const seen: string[] = [];
		for (let i = 0; i < 10; i++) {
			const r = await poll(store, cursor, 0, 2);
			seen.push(...r.emit.map((e) => e.id));
			cursor = r.cursor;
		}
		expect(seen).toEqual(['O0', 'O1', 'O2', 'O3', 'O4', 'O5', 'O6']);
	});

	it('property: across polls with ties, page shifts and concurrent changes there are no gaps and no repeats', async () => {
		const op = fc.oneof(
			fc.record({ kind: fc.constant('touch' as const), id: fc.integer({ min: 0, max: 12 }) }),
			fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 3 }) }),
		);
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.array(op, { maxLength: 8 }), { minLength: 1, maxLength: 8 }), // ops between/inside polls
				fc.boolean(),
				fc.integer({ min: 1, max: 4 }),
				fc.integer({ min: 0, max: 3 }),
				async (batches, strict, pageSize, overlapMs) => {
					const store = new Store(T0, strict, pageSize);
					let cursor = newModifiedCursor(T0);
					store.now = T0 + 1;
					const emitted = new Map<string, number[]>();
					const apply = (o: (typeof batches)[number][number]) => {
						if (o.kind === 'tick') store.now += o.ms;
						else store.touch(`O${o.id}`);
					};
					for (const batch of batches) {
						// half the batch happens before the poll, the rest while it pages
						const half = Math.floor(batch.length / 2);
						batch.slice(0, half).forEach(apply);
						const during = batch.slice(half);
						store.onRequest = () => {
							const next = during.shift();
							if (next) apply(next);
						};
						const r = await poll(store, cursor, overlapMs);
						cursor = r.cursor;
						for (const e of r.emit) {
							const list = emitted.get(e.id) ?? [];
							list.push(Date.parse(e.modifiedAt));
							emitted.set(e.id, list);
						}
						during.forEach(apply);
					}
					store.onRequest = () => {};
					const last = await poll(store, cursor, overlapMs);
					for (const e of last.emit) {
						const list = emitted.get(e.id) ?? [];
						list.push(Date.parse(e.modifiedAt));
						emitted.set(e.id, list);
					}
					// no repeats: each record's emitted versions strictly increase
					for (const versions of emitted.values()) {
						for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]);
					}
					// no gaps: every record changed after activation was emitted in its final version
					for (const [id, ms] of store.records) {
						const versions = emitted.get(id);
						expect(versions?.[versions.length - 1]).toBe(ms);
					}
				},
			),
			{ numRuns: 300 },
		);
	});
});

describe('status cursor (invitations, tasks)', () => {
	const T0 = Date.parse('2026-02-01T00:00:00.000Z');
	const opts: StatusCursorOptions = {
		overlapMs: 60_000,
		finalStatuses: ['ACCEPTED', 'REJECTED', 'EXPIRED'],
		initialStatus: 'PENDING',
		maxTrackMs: 20 * 86_400_000,
	};
	const inv = (id: string, minutes: number, status: string) => ({
		id,
		date: new Date(T0 + minutes * 60_000).toISOString(),
		status,
	});
	const accept = (cursor: ReturnType<typeof newStatusCursor>, records: Array<ReturnType<typeof inv>>, nowMin = 1000) =>
		acceptStatuses(cursor, records, {
			...opts,
			floorMs: statusScanFloor(cursor, opts),
			listingComplete: true,
			nowMs: T0 + nowMin * 60_000,
		});

	it('emits new records once and status changes once, ignoring records from before activation', () => {
		let cursor = newStatusCursor(T0);
		let r = accept(cursor, [inv('old', -5, 'PENDING'), inv('a', 1, 'PENDING')]);
		expect(r.created.map((x) => x.id)).toEqual(['a']);
		expect(r.changed).toEqual([]);
		cursor = r.cursor;
		r = accept(cursor, [inv('old', -5, 'ACCEPTED'), inv('a', 1, 'PENDING'), inv('b', 2, 'REJECTED')]);
		expect(r.created.map((x) => x.id)).toEqual(['b']);
		expect(r.changed.map((c) => [c.record.id, c.previousStatus, c.record.status])).toEqual([['b', null, 'REJECTED']]);
		cursor = r.cursor;
		r = accept(cursor, [inv('a', 1, 'ACCEPTED'), inv('b', 2, 'REJECTED')]);
		expect(r.created).toEqual([]);
		expect(r.changed.map((c) => [c.record.id, c.previousStatus, c.record.status])).toEqual([['a', 'PENDING', 'ACCEPTED']]);
		cursor = r.cursor;
		r = accept(cursor, [inv('a', 1, 'ACCEPTED'), inv('b', 2, 'REJECTED')]);
		expect(r.created).toEqual([]);
		expect(r.changed).toEqual([]);
	});

	it('reads back to the oldest record that can still change', () => {
		let cursor = newStatusCursor(T0);
		cursor = accept(cursor, [inv('a', 1, 'PENDING')]).cursor;
		cursor = accept(cursor, [inv('a', 1, 'PENDING'), inv('b', 500, 'ACCEPTED')]).cursor;
		expect(statusScanFloor(cursor, opts)).toBe(T0 + 60_000);
		cursor = accept(cursor, [inv('a', 1, 'EXPIRED'), inv('b', 500, 'ACCEPTED')]).cursor;
		expect(statusScanFloor(cursor, opts)).toBe(T0 + 500 * 60_000 - 60_000);
	});

	it('reports followed records that disappeared from the listing', () => {
		let cursor = newStatusCursor(T0);
		cursor = accept(cursor, [inv('a', 1, 'PENDING'), inv('b', 2, 'PENDING')]).cursor;
		const r = accept(cursor, [inv('b', 2, 'PENDING')]);
		expect(r.missing).toEqual(['a']);
	});

	it('stops following records after maxTrackMs', () => {
		let cursor = newStatusCursor(T0);
		cursor = accept(cursor, [inv('a', 1, 'PENDING')]).cursor;
		const r = accept(cursor, [], 30 * 24 * 60);
		expect(r.cursor.known).toEqual({});
	});

	it('readDescendingUntil stops at the first page that reaches the floor', async () => {
		const all = Array.from({ length: 10 }, (_, i) => inv(`i${i}`, 100 - i * 10, 'PENDING'));
		let calls = 0;
		const fetch = async (token?: string) => {
			calls++;
			const offset = token ? Number(token) : 0;
			return { items: all.slice(offset, offset + 3), nextToken: offset + 3 < all.length ? String(offset + 3) : undefined };
		};
		const r = await readDescendingUntil({ floorMs: T0 + 85 * 60_000, fetch, date: (x) => x.date });
		expect(calls).toBe(1);
		expect(r.records.map((x) => x.id)).toEqual(['i0', 'i1', 'i2']);
		calls = 0;
		const r2 = await readDescendingUntil({ floorMs: T0 + 55 * 60_000, fetch, date: (x) => x.date });
		expect(calls).toBe(2);
		expect(r2.records).toHaveLength(6);
	});
});

describe('summary tracking', () => {
	it('tracks the most recent ids, bounded, and reports fingerprint changes after the baseline', () => {
		let cursor = trackOpportunities(newSummaryCursor(), ['O1', 'O2', 'O3'], 2);
		expect(cursor.tracked).toEqual(['O3', 'O2']);
		let r = observeSummary(cursor, 'O3', '');
		expect(r.changed).toBe(false); // baseline
		cursor = r.cursor;
		r = observeSummary(cursor, 'O3', 'abc');
		expect(r.changed).toBe(true);
		cursor = r.cursor;
		r = observeSummary(cursor, 'O3', 'abc');
		expect(r.changed).toBe(false);
		cursor = trackOpportunities(r.cursor, ['O9', 'O8'], 2);
		expect(cursor.tracked).toEqual(['O8', 'O9']);
		expect(cursor.fingerprints).toEqual({});
	});
});
