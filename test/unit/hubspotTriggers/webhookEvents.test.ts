import type { HubSpotWebhookEvent } from '../../../nodes/shared/hubspot/webhookEvents';
import {
	dedupKey,
	dropSeenEvents,
	eventAction,
	eventObjectType,
	eventsByRecordToItemJson,
	eventToItemJson,
	isOwnWrite,
	matchesFilters,
	parseEventBatch,
	splitList,
} from '../../../nodes/shared/hubspot/webhookEvents';

const ev = (over: Partial<HubSpotWebhookEvent> = {}): HubSpotWebhookEvent => ({
	eventId: 100,
	subscriptionId: 1,
	portalId: 62515,
	appId: 54321,
	occurredAt: 1700000000000,
	subscriptionType: 'deal.propertyChange',
	attemptNumber: 0,
	objectId: 42,
	changeSource: 'CRM_UI',
	sourceId: 'userId:7',
	propertyName: 'dealstage',
	propertyValue: 'closedwon',
	...over,
});

describe('parseEventBatch', () => {
	it('parses an array of events from a Buffer', () => {
		const result = parseEventBatch(Buffer.from(JSON.stringify([ev(), ev({ eventId: 101 })])));
		expect(result.ok && result.events.map((e) => e.eventId)).toEqual([100, 101]);
	});
	it('ignores a byte order mark', () => {
		expect(parseEventBatch(Buffer.from(`\uFEFF${JSON.stringify([ev()])}`, 'utf8')).ok).toBe(true);
	});
	it('accepts an empty array and string object ids', () => {
		expect(parseEventBatch('[]')).toEqual({ ok: true, events: [] });
		expect(parseEventBatch(JSON.stringify([ev({ objectId: '42' })])).ok).toBe(true);
	});
	it('refuses malformed JSON, non-arrays and malformed events with a reason', () => {
		const bad = parseEventBatch('[{"objectId": 1,');
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.error).toMatch(/not valid JSON/);
		expect(parseEventBatch('{"objectId":1}')).toEqual({ ok: false, error: 'The body must be a JSON array of HubSpot events' });
		expect(parseEventBatch('[1]').ok).toBe(false);
		expect(parseEventBatch(JSON.stringify([{ ...ev(), subscriptionType: 'nodot' }])).ok).toBe(false);
		expect(parseEventBatch(JSON.stringify([{ ...ev(), objectId: 'abc' }])).ok).toBe(false);
		for (const objectId of [-5, 0, 1.5, 1e21, '0', '-5', '1.5', '']) {
			expect(parseEventBatch(JSON.stringify([{ ...ev(), objectId }])).ok).toBe(false);
		}
		for (const occurredAt of [1e20, -1, 1.5, '1700000000000']) {
			expect(parseEventBatch(JSON.stringify([{ ...ev(), occurredAt }])).ok).toBe(false);
		}
		const missingTime = parseEventBatch(JSON.stringify([ev(), { ...ev(), occurredAt: undefined }]));
		expect(!missingTime.ok && missingTime.error).toMatch(/^Event 1: occurredAt/);
	});
});

describe('object types and actions', () => {
	it('reads classic and generic subscriptions', () => {
		expect(eventObjectType(ev())).toBe('deal');
		expect(eventAction(ev())).toBe('propertyChange');
		const generic = ev({ subscriptionType: 'object.creation', objectTypeId: '0-2' });
		expect(eventObjectType(generic)).toBe('company');
		expect(eventAction(generic)).toBe('creation');
		expect(eventObjectType(ev({ subscriptionType: 'object.merge', objectTypeId: '2-999' }))).toBe('2-999');
	});
});

describe('matchesFilters', () => {
	it('keeps everything with empty filters', () => {
		expect(matchesFilters(ev(), {})).toBe(true);
		expect(matchesFilters(ev(), { objectTypes: [], actions: [], propertyNames: [] })).toBe(true);
	});
	it('filters by object type, action and property name (property filter only on property changes)', () => {
		expect(matchesFilters(ev(), { objectTypes: ['company'] })).toBe(false);
		expect(matchesFilters(ev(), { objectTypes: ['deal'], actions: ['creation'] })).toBe(false);
		expect(matchesFilters(ev(), { propertyNames: ['amount'] })).toBe(false);
		expect(matchesFilters(ev(), { propertyNames: ['amount', 'dealstage'] })).toBe(true);
		const creation = ev({ subscriptionType: 'deal.creation', propertyName: undefined });
		expect(matchesFilters(creation, { propertyNames: ['amount'] })).toBe(true);
		const generic = ev({ subscriptionType: 'object.propertyChange', objectTypeId: '0-1', propertyName: 'email' });
		expect(matchesFilters(generic, { objectTypes: ['contact'], actions: ['propertyChange'], propertyNames: ['email'] })).toBe(true);
	});
});

describe('isOwnWrite', () => {
	it('matches API/INTEGRATION changes from a configured app id, bare or prefixed', () => {
		expect(isOwnWrite(ev({ changeSource: 'API', sourceId: '54321' }), ['54321'])).toBe(true);
		expect(isOwnWrite(ev({ changeSource: 'INTEGRATION', sourceId: 'appId:54321' }), ['1', ' 54321 '])).toBe(true);
		expect(isOwnWrite(ev({ changeSource: 'api', sourceId: '54321' }), ['54321'])).toBe(true);
	});
	it('keeps other sources, other apps, and everything when no app id is configured', () => {
		expect(isOwnWrite(ev({ changeSource: 'CRM_UI', sourceId: '54321' }), ['54321'])).toBe(false);
		expect(isOwnWrite(ev({ changeSource: 'API', sourceId: '99999' }), ['54321'])).toBe(false);
		expect(isOwnWrite(ev({ changeSource: 'API', sourceId: '154321' }), ['54321'])).toBe(false);
		expect(isOwnWrite(ev({ changeSource: 'API', sourceId: undefined }), ['54321'])).toBe(false);
		expect(isOwnWrite(ev({ changeSource: 'API', sourceId: '54321' }), [])).toBe(false);
	});
});

describe('splitList', () => {
	it('splits on commas, semicolons and whitespace', () => {
		expect(splitList(' dealstage, amount;closedate\nhs_owner ')).toEqual(['dealstage', 'amount', 'closedate', 'hs_owner']);
		expect(splitList(undefined)).toEqual([]);
	});
});

describe('dedup', () => {
	const opts = { now: 1_000_000, windowMs: 60_000, maxEntries: 100 };

	it('keys on eventId + occurredAt + objectId + subscriptionType + propertyName', () => {
		expect(dedupKey(ev())).toBe('100|1700000000000|42|deal.propertyChange|dealstage');
		expect(dedupKey(ev({ propertyName: 'amount' }))).not.toBe(dedupKey(ev()));
		expect(dedupKey(ev({ objectId: 43 }))).not.toBe(dedupKey(ev()));
		// eventId is not unique on its own: same id, other subscription type is another event.
		expect(dedupKey(ev({ subscriptionType: 'deal.creation' }))).not.toBe(dedupKey(ev()));
	});

	it('drops redeliveries across batches and within one batch, without mutating the input state', () => {
		const first = dropSeenEvents([ev(), ev({ attemptNumber: 1 }), ev({ eventId: 2 })], undefined, opts);
		expect(first.fresh.map((e) => e.eventId)).toEqual([100, 2]);
		expect(first.duplicates).toHaveLength(1);
		const frozen = JSON.stringify(first.state);
		const second = dropSeenEvents([ev({ attemptNumber: 2 }), ev({ eventId: 3 })], first.state, { ...opts, now: opts.now + 1000 });
		expect(second.fresh.map((e) => e.eventId)).toEqual([3]);
		expect(JSON.stringify(first.state)).toBe(frozen);
	});

	it('forgets keys after the window', () => {
		const first = dropSeenEvents([ev()], undefined, opts);
		const later = dropSeenEvents([ev()], first.state, { ...opts, now: opts.now + 60_001 });
		expect(later.fresh).toHaveLength(1);
	});

	it('keeps at most maxEntries keys, forgetting the oldest first', () => {
		let state = dropSeenEvents([ev({ eventId: 1 })], undefined, { ...opts, maxEntries: 2 }).state;
		state = dropSeenEvents([ev({ eventId: 2 })], state, { ...opts, now: opts.now + 1, maxEntries: 2 }).state;
		state = dropSeenEvents([ev({ eventId: 3 })], state, { ...opts, now: opts.now + 2, maxEntries: 2 }).state;
		expect(Object.keys(state.seen)).toHaveLength(2);
		expect(dropSeenEvents([ev({ eventId: 1 })], state, { ...opts, now: opts.now + 3 }).fresh).toHaveLength(1);
		expect(dropSeenEvents([ev({ eventId: 3 })], state, { ...opts, now: opts.now + 3 }).fresh).toHaveLength(0);
	});

	it('ignores corrupt state entries', () => {
		const state = { seen: { [dedupKey(ev())]: 'yesterday' as unknown as number } };
		expect(dropSeenEvents([ev()], state, opts).fresh).toHaveLength(1);
	});
});

describe('eventToItemJson', () => {
	it('adds normalised ids and keeps the original fields', () => {
		const json = eventToItemJson(ev());
		expect(json).toMatchObject({
			objectId: '42',
			dealId: '42',
			objectType: 'deal',
			action: 'propertyChange',
			propertyName: 'dealstage',
			occurredAtIso: '2023-11-14T22:13:20.000Z',
			portalId: 62515,
		});
		expect(eventToItemJson(ev({ subscriptionType: 'contact.creation' }))).toMatchObject({ contactId: '42' });
		expect(eventToItemJson(ev({ subscriptionType: 'object.creation', objectTypeId: '0-2' }))).toMatchObject({ companyId: '42' });
	});
});

describe('eventsByRecordToItemJson', () => {
	it('combines the events of one record, keeping first-appearance order', () => {
		const items = eventsByRecordToItemJson([
			ev({ eventId: 1, subscriptionType: 'deal.creation', propertyName: undefined, objectId: 7, occurredAt: 10 }),
			ev({ eventId: 2, objectId: 8, propertyName: 'amount', occurredAt: 11 }),
			ev({ eventId: 3, objectId: 7, propertyName: 'dealname', occurredAt: 12 }),
			ev({ eventId: 4, objectId: 7, propertyName: 'dealstage', occurredAt: 11 }),
			ev({ eventId: 5, subscriptionType: 'company.propertyChange', objectId: 7, propertyName: 'name', occurredAt: 13 }),
		]);
		expect(items.map((i) => [i.objectType, i.objectId])).toEqual([
			['deal', '7'],
			['deal', '8'],
			['company', '7'],
		]);
		expect(items[0]).toMatchObject({
			dealId: '7',
			actions: ['creation', 'propertyChange'],
			propertyNames: ['dealname', 'dealstage'],
			occurredAt: 12,
		});
		expect((items[0].events as unknown[]).length).toBe(3);
		expect(items[2]).toMatchObject({ companyId: '7' });
		expect(items[2].dealId).toBeUndefined();
	});
});
