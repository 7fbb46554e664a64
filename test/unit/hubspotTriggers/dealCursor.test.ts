import fc from 'fast-check';

import type { CursorState, DealFilters, PollOutput } from '../../../nodes/HubSpotDealChangesTrigger/cursor';
import {
	filterClauses,
	initialState,
	matchesDealFilters,
	pollDealChanges,
	propertiesToRead,
	recentDeals,
	tagSearchToken,
	toMs,
	usableState,
} from '../../../nodes/HubSpotDealChangesTrigger/cursor';
import { FakeDealSearch } from './fakeDealSearch';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const OVERLAP = 60_000;

function harness(lagMs = 0, filters: DealFilters = {}) {
	const clock = { now: T0 };
	const hs = new FakeDealSearch(clock, lagMs);
	let state: CursorState = initialState(clock.now, null);
	const emitted: Array<{ id: string; ms: number }> = [];
	const poll = async (opts: { maxDeals?: number; pageSize?: number; deadline?: number; maxSeen?: number } = {}): Promise<PollOutput> => {
		const out = await pollDealChanges({
			state,
			search: async (body) => await hs.search(body),
			filters,
			properties: propertiesToRead(filters, ['amount']),
			overlapMs: OVERLAP,
			maxDeals: opts.maxDeals ?? 100_000,
			pageSize: opts.pageSize,
			now: () => clock.now,
			deadline: opts.deadline,
			maxSeen: opts.maxSeen,
		});
		state = out.state;
		emitted.push(...out.emitted.map((e) => ({ id: e.deal.id, ms: e.lastModifiedMs })));
		return out;
	};
	return { clock, hs, poll, emitted, getState: () => state, setState: (s: CursorState) => (state = s) };
}

/** Every (id, timestamp) at most once, and each deal's latest version emitted. */
function expectExactlyOnce(emitted: Array<{ id: string; ms: number }>, hs: FakeDealSearch, since = Number.NEGATIVE_INFINITY) {
	const keys = emitted.map((e) => `${e.id}@${e.ms}`);
	expect(new Set(keys).size).toBe(keys.length);
	const latest = new Map(emitted.map((e) => [e.id, e.ms]));
	for (const deal of hs.deals.values()) {
		if (deal.modifiedMs < since) continue;
		expect(`${deal.id}@${latest.get(deal.id)}`).toBe(`${deal.id}@${deal.modifiedMs}`);
	}
}

describe('deal cursor: basics', () => {
	it('starts from now: deals changed before activation are not emitted, later ones are, once', async () => {
		const h = harness();
		h.hs.upsert('1', {}, T0 - 30_000); // inside the overlap, but before activation
		h.clock.now += 10_000;
		h.hs.upsert('2');
		expect((await h.poll()).emitted.map((e) => e.deal.id)).toEqual(['2']);
		h.clock.now += 60_000;
		expect((await h.poll()).emitted).toHaveLength(0);
		h.hs.upsert('2', { amount: '5' });
		h.clock.now += 1;
		const again = await h.poll();
		expect(again.emitted.map((e) => e.deal.properties.amount)).toEqual(['5']);
		expect(again.drained).toBe(true);
	});

	it('backfills from a start date and flags deals created since the previous read', async () => {
		const clock = { now: T0 };
		const hs = new FakeDealSearch(clock);
		hs.upsert('old', {}, T0 - 10 * 86_400_000);
		hs.upsert('recent', {}, T0 - 86_400_000);
		const out = await pollDealChanges({
			state: initialState(T0, T0 - 2 * 86_400_000),
			search: async (b) => await hs.search(b),
			filters: {},
			properties: propertiesToRead({}, []),
			overlapMs: OVERLAP,
			maxDeals: 100,
			now: () => clock.now,
		});
		expect(out.emitted.map((e) => [e.deal.id, e.isNew])).toEqual([['recent', true]]);
		expect(out.state.checkpoint).toBe(T0);
	});

	it('restarts when the backfill setting changes, keeps a valid state otherwise', () => {
		const state = initialState(T0, null);
		expect(usableState(state, null)).toEqual(state);
		expect(usableState(state, T0 - 1000)).toBeUndefined();
		expect(usableState({ version: 2 }, null)).toBeUndefined();
		expect(usableState(undefined, null)).toBeUndefined();
	});

	it('remembers only what the next read can meet again, grouped by timestamp, capped, and ignores corrupt memory', async () => {
		const h = harness();
		h.clock.now += 1000;
		for (let i = 0; i < 5; i++) h.hs.upsert(String(i + 1), {}, h.clock.now);
		h.hs.upsert('9', {}, h.clock.now + 1);
		h.clock.now += 10;
		await h.poll();
		expect(h.getState().seen).toEqual({ [String(T0 + 1000)]: ['1', '2', '3', '4', '5'], [String(T0 + 1001)]: ['9'] });
		h.clock.now += OVERLAP * 3;
		await h.poll();
		expect(h.getState().seen).toEqual({});
		for (let i = 0; i < 5; i++) h.hs.upsert(String(i + 1));
		h.clock.now += 1;
		await h.poll({ maxSeen: 2 });
		expect(Object.values(h.getState().seen).flat()).toHaveLength(2);
		const restored = usableState({ ...h.getState(), seen: { abc: ['1'], '123': 'x', '456': [7] } }, null);
		expect(restored?.seen).toEqual({ '456': ['7'] });
	});

	it('never repeats a deal across polls unless it changed again', async () => {
		const h = harness();
		for (let i = 0; i < 30; i++) {
			h.clock.now += 1000;
			h.hs.upsert(String(i % 7));
			if (i % 4 === 0) await h.poll();
		}
		h.clock.now += OVERLAP * 2;
		await h.poll();
		await h.poll();
		expectExactlyOnce(h.emitted, h.hs);
	});
});

describe('deal cursor: ties, pages and the 10,000 cap', () => {
	it('reads 450 deals sharing one millisecond across pages without gaps or repeats', async () => {
		const h = harness();
		const ts = T0 + 5000;
		for (let i = 0; i < 450; i++) h.hs.upsert(String(2000 + i), {}, ts);
		h.hs.upsert('9999', {}, ts + 1);
		h.clock.now = ts + 10_000;
		const out = await h.poll();
		expect(out.emitted).toHaveLength(451);
		expectExactlyOnce(h.emitted, h.hs);
		// The millisecond with 450 deals was read by id.
		expect(h.hs.requests.some((r) => JSON.stringify(r).includes('"operator":"EQ"'))).toBe(true);
	});

	it('reads ties that straddle page boundaries (many deals per millisecond, small pages)', async () => {
		const h = harness();
		for (let i = 0; i < 97; i++) h.hs.upsert(String(3000 + i), {}, T0 + 1000 + Math.floor(i / 13));
		h.clock.now = T0 + 5000;
		const out = await h.poll({ pageSize: 10 });
		expect(out.emitted).toHaveLength(97);
		expectExactlyOnce(h.emitted, h.hs);
	});

	it('reads more than 10,000 matching deals (each request is a fresh window, never deep paging)', async () => {
		const h = harness();
		for (let i = 0; i < 10_450; i++) h.hs.upsert(String(100_000 + i), {}, T0 + 1000 + Math.floor(i / 3));
		h.clock.now = T0 + 3_600_000;
		const out = await h.poll();
		expect(out.emitted).toHaveLength(10_450);
		expect(h.hs.requests.every((r) => r.after === undefined && Number(r.limit) <= 200)).toBe(true);
		expectExactlyOnce(h.emitted, h.hs);
	});

	it('continues a backlog over several polls (item cap and time budget) and then resumes normal polling', async () => {
		const h = harness();
		for (let i = 0; i < 1000; i++) h.hs.upsert(String(5000 + i), {}, T0 + 1000 + i * 10);
		h.clock.now = T0 + 60_000;
		const first = await h.poll({ maxDeals: 300 });
		expect(first.drained).toBe(false);
		expect(first.emitted.length).toBeGreaterThanOrEqual(300);
		expect(h.getState().resume).toBeDefined();
		// A deal changes while the backlog is drained; another one changes near the end.
		h.hs.upsert('5003', { amount: '7' }, h.clock.now);
		h.clock.now += 1000;
		const byBudget = await h.poll({ deadline: h.clock.now - 1 });
		expect(byBudget.requests).toBe(1);
		while (!(await h.poll({ maxDeals: 250 })).drained) h.clock.now += 1000;
		h.clock.now += OVERLAP * 2;
		await h.poll();
		expect(h.getState().resume).toBeUndefined();
		expectExactlyOnce(h.emitted, h.hs);
		expect(h.emitted.filter((e) => e.id === '5003')).toHaveLength(2);
	});
});

describe('deal cursor: search lag', () => {
	it('finds a deal that appears in search late (within the overlap), once', async () => {
		const h = harness(20_000);
		h.clock.now += 5000;
		h.hs.upsert('late'); // visible only 20 s later
		h.clock.now += 1000;
		expect((await h.poll()).emitted).toHaveLength(0);
		h.clock.now += 30_000;
		expect((await h.poll()).emitted.map((e) => e.deal.id)).toEqual(['late']);
		h.clock.now += 30_000;
		expect((await h.poll()).emitted).toHaveLength(0);
	});

	it('property: random changes, lag below the overlap, random page sizes: each final version once, no repeats', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						kind: fc.constantFrom('change', 'change', 'burst', 'poll'),
						deal: fc.integer({ min: 1, max: 25 }),
						advance: fc.integer({ min: 0, max: 20_000 }),
						burst: fc.integer({ min: 2, max: 30 }),
					}),
					{ minLength: 1, maxLength: 60 },
				),
				fc.integer({ min: 0, max: 45_000 }),
				fc.integer({ min: 2, max: 12 }),
				async (ops, lag, pageSize) => {
					const h = harness(lag);
					for (const op of ops) {
						h.clock.now += op.advance;
						if (op.kind === 'poll') await h.poll({ pageSize });
						else if (op.kind === 'burst') for (let i = 0; i < op.burst; i++) h.hs.upsert(String(((op.deal + i) % 40) + 1)); // HubSpot ids are positive
						else h.hs.upsert(String(op.deal));
					}
					h.clock.now += lag + OVERLAP;
					await h.poll({ pageSize });
					h.clock.now += OVERLAP;
					await h.poll({ pageSize });
					expectExactlyOnce(h.emitted, h.hs);
				},
			),
			{ numRuns: 120, seed: 20261124 },
		);
	});
});

describe('deal cursor: filters', () => {
	it('uses CONTAINS_TOKEN with the word of the tag and post-filters case-insensitively', async () => {
		expect(tagSearchToken('#AWS')).toBe('AWS');
		expect(tagSearchToken('co-sell')).toBeUndefined();
		expect(filterClauses({ pipeline: 'default', nameTag: '#aws', hasProperty: 'aws_opportunity_id' })).toEqual([
			{ propertyName: 'pipeline', operator: 'EQ', value: 'default' },
			{ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: 'aws' },
			{ propertyName: 'aws_opportunity_id', operator: 'HAS_PROPERTY' },
		]);
		const filters = { nameTag: '#AWS' };
		const h = harness(0, filters);
		h.clock.now += 1000;
		h.hs.upsert('1', { dealname: 'Acme migration #aws' });
		h.hs.upsert('2', { dealname: 'AWS training without the tag' });
		h.hs.upsert('3', { dealname: 'Other' });
		h.clock.now += 1000;
		expect((await h.poll()).emitted.map((e) => e.deal.id)).toEqual(['1']);
		// A tag that becomes present later is picked up when the name changes.
		h.hs.upsert('2', { dealname: 'AWS training #AWS' });
		h.clock.now += 1000;
		expect((await h.poll()).emitted.map((e) => e.deal.id)).toEqual(['2']);
	});

	it('filters by pipeline and by a property having a value', async () => {
		const deal = (props: Record<string, string | null>) => ({ id: '1', properties: props });
		expect(matchesDealFilters(deal({ pipeline: '123' }), { pipeline: '123' })).toBe(true);
		expect(matchesDealFilters(deal({ pipeline: 'default' }), { pipeline: '123' })).toBe(false);
		expect(matchesDealFilters(deal({ aws_opportunity_id: 'O1' }), { hasProperty: 'aws_opportunity_id' })).toBe(true);
		expect(matchesDealFilters(deal({ aws_opportunity_id: '' }), { hasProperty: 'aws_opportunity_id' })).toBe(false);
		expect(matchesDealFilters(deal({ aws_opportunity_id: null }), { hasProperty: 'aws_opportunity_id' })).toBe(false);
		const filters = { pipeline: '555', hasProperty: 'amount' };
		const h = harness(0, filters);
		h.clock.now += 1000;
		h.hs.upsert('a', { pipeline: '555', amount: '10' });
		h.hs.upsert('b', { pipeline: '555' });
		h.hs.upsert('c', { pipeline: 'default', amount: '10' });
		h.clock.now += 1000;
		expect((await h.poll()).emitted.map((e) => e.deal.id)).toEqual(['a']);
	});

	it('returns recent real deals for a manual run, newest first, filtered', async () => {
		const clock = { now: T0 };
		const hs = new FakeDealSearch(clock);
		hs.upsert('1', { dealname: 'One #AWS' }, T0 - 3000);
		hs.upsert('2', { dealname: 'Two' }, T0 - 2000);
		hs.upsert('3', { dealname: 'Three #aws' }, T0 - 1000);
		const deals = await recentDeals(async (b) => await hs.search(b), { nameTag: '#AWS' }, propertiesToRead({}, []), 5);
		expect(deals.map((d) => d.id)).toEqual(['3', '1']);
	});

	it('reads HubSpot dates as ms strings or ISO', () => {
		expect(toMs('1700000000000')).toBe(1700000000000);
		expect(toMs('2023-11-14T22:13:20.000Z')).toBe(1700000000000);
		expect(toMs('')).toBeNaN();
		expect(toMs(null)).toBeNaN();
	});
});
