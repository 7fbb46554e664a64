/**
 * Deal > Search Deals, Get Deal, Get Deals of a Company or Contact against the HubSpot simulator (in-process, free
 * port), through the fake IExecuteFunctions that really calls it. Facts: hubspot.md 2.1 (objects, merge, archived,
 * associations v4), 2.2 (search), 2.4 (200 per page, 10,000 cap), 4 (search 5/s, 429 shapes, error body).
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { HubSpotPartnerCentral } from '../../../nodes/HubSpotPartnerCentral/HubSpotPartnerCentral.node';
import type { HubSpotSimulator } from '../../simulators/hubspot';
import type { ParamValue } from './helpers/fakeContext';
import { createFakeContext, credentialsFor } from './helpers/fakeContext';
import { useHubSpotSimulator } from './helpers/nodeRun';

const runner = useHubSpotSimulator();
const run = runner.run;
let sim: HubSpotSimulator;
beforeEach(() => {
	sim = runner.sim();
});

const search = (extra: Record<string, ParamValue>) => ({ resource: 'deal', operation: 'search', returnAll: true, options: {}, ...extra });

function seedDeals(n: number, props: (i: number) => IDataObject) {
	const seeded = sim.seed({ objects: { deals: Array.from({ length: n }, (_, i) => ({ ref: `d${i}`, properties: props(i) })) } });
	return Array.from({ length: n }, (_, i) => seeded.refs[`d${i}`].id);
}

describe('Deal > Search Deals', () => {
	it('ANDs filters in a group, ORs groups, returns chosen properties, one item per deal with pairedItem', async () => {
		const ids = seedDeals(6, (i) => ({
			dealname: `Deal ${i}`,
			amount: String(i * 1000),
			dealstage: i % 2 ? 'closedwon' : 'qualifiedtobuy',
			pipeline: 'default',
		}));
		const filters = {
			filter: [
				{ propertyName: 'dealstage', operator: 'EQ', value: 'closedwon', group: 1 },
				{ propertyName: 'amount', operator: 'GTE', value: '3000', group: 1 },
				{ propertyName: 'dealname', operator: 'IN', value: 'Deal 0, Deal 2', group: 2 },
			],
		};
		const { out } = await run(search({ filters, properties: 'dealname, amount' }), { items: [{ json: {} }, { json: {} }] });
		// Deals 3 and 5 (won, >= 3000) plus 0 and 2 (by name), for each of the two input items, in id order.
		const expected = [ids[0], ids[2], ids[3], ids[5]];
		expect(out.map((o) => o.json.id)).toEqual([...expected, ...expected]);
		expect(out.map((o) => o.pairedItem)).toEqual([...expected.map(() => ({ item: 0 })), ...expected.map(() => ({ item: 1 }))]);
		expect(out[0].json).toEqual({
			id: ids[0],
			properties: expect.objectContaining({ dealname: 'Deal 0', amount: '0' }),
			createdAt: expect.any(String),
			updatedAt: expect.any(String),
		});
		expect(out[0].json.properties).not.toHaveProperty('dealstage');
	});

	it.each([
		// Deal 2 has no stage: NEQ matches records without a value too (simulator choice, README "Search").
		['NEQ', 'qualifiedtobuy', [1, 2]],
		['LT', '1000', [0]],
		['LTE', '1000', [0, 1]],
		['GT', '1000', [2]],
		['HAS_PROPERTY', '', [0, 1]],
		['NOT_HAS_PROPERTY', '', [2]],
		['CONTAINS_TOKEN', 'gamma', [2]],
		['NOT_IN', 'alpha,gamma', [1]],
	])('operator %s', async (operator, value, expected) => {
		const ids = seedDeals(3, (i) => ({
			dealname: ['alpha one', 'beta two', 'gamma three'][i],
			amount: String(i * 1000),
			...(i < 2 ? { dealstage: ['qualifiedtobuy', 'closedwon'][i], pipeline: 'default' } : {}),
		}));
		const property = operator.includes('HAS_PROPERTY') || operator === 'NEQ' ? 'dealstage' : operator.includes('TOKEN') ? 'dealname' : operator === 'NOT_IN' ? 'dealname' : 'amount';
		const filterValue = operator === 'NOT_IN' ? 'alpha one,gamma three' : value;
		const { out } = await run(search({ filters: { filter: [{ propertyName: property, operator, value: filterValue }] } }));
		expect(out.map((o) => o.json.id)).toEqual(expected.map((i) => ids[i]));
	});

	it('sorts by a property and honours Limit', async () => {
		const ids = seedDeals(5, (i) => ({ dealname: `D${i}`, amount: String([30, 10, 50, 20, 40][i]) }));
		const { out } = await run(search({ returnAll: false, limit: 3, options: { sortBy: 'amount', sortDirection: 'DESCENDING' } }));
		expect(out.map((o) => o.json.id)).toEqual([ids[2], ids[4], ids[0]]);
	});

	it('Text Search finds words in the deal name, on top of the filters; a date filter takes milliseconds', async () => {
		const ids = seedDeals(3, (i) => ({ dealname: ['Acme migration', 'Acme renewal', 'Globex migration'][i], closedate: ['2026-01-10', '2026-03-10', '2026-01-20'][i] }));
		const { out } = await run(search({ options: { query: 'migra' } }));
		expect(out.map((o) => o.json.id)).toEqual([ids[0], ids[2]]);
		const filtered = await run(
			search({ options: { query: 'acme' }, filters: { filter: [{ propertyName: 'closedate', operator: 'LT', value: String(Date.parse('2026-02-01T00:00:00Z')) }] } }),
		);
		expect(filtered.out.map((o) => o.json.id)).toEqual([ids[0]]);
	});

	it('sorts by deal id descending', async () => {
		const ids = seedDeals(4, (i) => ({ dealname: `D${i}` }));
		const { out } = await run(search({ options: { sortDirection: 'DESCENDING' } }));
		expect(out.map((o) => o.json.id)).toEqual([...ids].reverse());
	});

	it('Return All reads past the 10,000-result cap by keyset paging on hs_object_id, at most 5 searches a second, no 429', async () => {
		const ids = seedDeals(10_250, (i) => ({ dealname: `Bulk ${i}`, dealtype: i % 2 ? 'newbusiness' : 'existingbusiness' }));
		seedDeals(10, () => ({ dealname: 'Other' }));
		sim.resetCounters();
		const started = Date.now();
		const { out } = await run(search({ filters: { filter: [{ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: 'bulk' }] }, properties: 'dealname' }));
		const elapsed = Date.now() - started;
		expect(out).toHaveLength(10_250);
		expect(new Set(out.map((o) => o.json.id)).size).toBe(10_250);
		expect(out.map((o) => o.json.id)).toEqual(ids);
		const counters = sim.counters();
		const searches = counters.byCategory['objects.search'];
		expect(searches).toBe(Math.ceil(10_250 / 200));
		expect(counters.byStatus['429'] ?? 0).toBe(0);
		expect(counters.byStatus['400'] ?? 0).toBe(0);
		// 52 searches at 5 per second take at least (52 - 5) / 5 seconds.
		expect(elapsed).toBeGreaterThanOrEqual(Math.floor((searches - 5) / 5) * 1000 - 50);
	}, 60_000);

	it('refuses Return All beyond 10,000 results sorted by another property, with what to do instead', async () => {
		seedDeals(10_050, (i) => ({ dealname: `Bulk ${i}`, amount: String(i) }));
		sim.resetCounters();
		const error = await run(search({ options: { sortBy: 'amount' } })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('10050 records match');
		expect(error.description).toContain('Leave "Sort By" empty');
		expect(sim.counters().byCategory['objects.search']).toBe(1);
		// With a limit up to the cap it works.
		const { out } = await run(search({ returnAll: false, limit: 250, options: { sortBy: 'amount', sortDirection: 'DESCENDING' } }));
		expect(out).toHaveLength(250);
		expect(out[0].json.properties).toMatchObject({ amount: '10049' });
	}, 30_000);

	it('waits out a search 429 (category RATE_LIMITS, Retry-After) and returns everything', async () => {
		seedDeals(450, (i) => ({ dealname: `D${i}` }));
		sim.addFault({ kind: 'rateLimit', path: '/crm/v3/objects/deals/search', policy: 'SECONDLY', retryAfter: 1, count: 1 });
		sim.resetCounters();
		const { out, ctx } = await run(search({}));
		expect(out).toHaveLength(450);
		expect(sim.counters().byStatus['429']).toBe(1);
		expect(ctx.warnings.join('\n')).toMatch(/rate limited \(SECONDLY\)/);
	});

	it('rejects bad filters before calling HubSpot; Continue On Fail gives an error item per input', async () => {
		sim.resetCounters();
		const bad = search({ filters: { filter: [{ propertyName: 'amount', operator: 'GT', value: '' }] } });
		const error = await run(bad).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Filter 1 (amount GT) needs a value');
		expect(error.context.itemIndex).toBe(0);
		expect(sim.counters().total).toBe(0);
		const { out } = await run(bad, { continueOnFail: true, items: [{ json: {} }, { json: {} }] });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[1].json.error).toContain('needs a value');
	});

	it('turns HubSpot\'s 400 (unknown property) into a NodeApiError with category and correlation id', async () => {
		const error = await run(search({ filters: { filter: [{ propertyName: 'no_such_prop', operator: 'EQ', value: 'x' }] } })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.context.hubspot).toMatchObject({ status: 400, category: 'VALIDATION_ERROR', correlationId: expect.any(String) });
		expect(error.description).toContain('Correlation ID');
	});
});

describe('Deal > Get Deal', () => {
	const get = (extra: Record<string, ParamValue> = {}) => ({ resource: 'deal', operation: 'get', options: {}, ...extra });

	it('reads a deal with chosen properties', async () => {
		const [id] = seedDeals(1, () => ({ dealname: 'Acme', amount: '5' }));
		const { out } = await run(get({ dealId: id, properties: 'dealname' }));
		expect(out).toEqual([
			{
				json: expect.objectContaining({ id, found: true, requestedId: id, archived: false, merged: false, properties: expect.objectContaining({ dealname: 'Acme' }) }),
				pairedItem: { item: 0 },
			},
		]);
		expect((out[0].json.properties as IDataObject).amount).toBeUndefined();
	});

	it('says which deal survived when the requested one was merged away', async () => {
		const [a, b] = seedDeals(2, (i) => ({ dealname: `M${i}` }));
		sim.ui.merge('deals', a, b);
		const { out } = await run(get({ dealId: b }));
		expect(out[0].json).toMatchObject({ id: a, requestedId: b, merged: true, mergedIntoDealId: a, found: true });
		expect((out[0].json.properties as IDataObject).hs_merged_object_ids).toBe(b);
		// The survivor itself is not "merged".
		const survivor = await run(get({ dealId: a }));
		expect(survivor.out[0].json).toMatchObject({ id: a, merged: false });
	});

	it('with "The Merged Deal Itself", returns the merged-away deal\'s own properties and names the survivor', async () => {
		const [a, b] = seedDeals(2, (i) => ({ dealname: `M${i}`, ...(i === 1 ? { description: 'from b' } : {}) }));
		sim.ui.merge('deals', a, b);
		const { out } = await run(get({ dealId: b, properties: 'dealname, description', options: { mergedDeal: 'mergedAway' } }));
		expect(out[0].json).toMatchObject({ id: b, requestedId: b, merged: true, mergedIntoDealId: a, archived: true, found: true });
		expect(out[0].json.properties).toMatchObject({ dealname: 'M1', description: 'from b' });
		// A deal that was not merged is read once, as usual.
		sim.resetCounters();
		const live = await run(get({ dealId: a, options: { mergedDeal: 'mergedAway' } }));
		expect(live.out[0].json).toMatchObject({ id: a, merged: false });
		expect(sim.counters().byCategory['objects.get']).toBe(1);
	});

	it('reads a deleted deal only with Include Deleted Deals', async () => {
		const [id] = seedDeals(1, () => ({ dealname: 'Gone' }));
		sim.ui.delete('deals', id);
		const error = await run(get({ dealId: id })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`HubSpot: deal ${id} does not exist (deleted?)`);
		expect(error.description).toContain('Include Deleted Deals');
		const { out } = await run(get({ dealId: id, options: { includeDeleted: true } }));
		expect(out[0].json).toMatchObject({ id, archived: true, archivedAt: expect.any(String), found: true, merged: false });
	});

	it('a purged or unknown deal: a clear 404 error, or {id, found: false} with the option, or an error item', async () => {
		const error = await run(get({ dealId: '123', options: { includeDeleted: true } })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('HubSpot: deal 123 does not exist (deleted and purged?)');
		expect(error.context.itemIndex).toBe(0);

		const found = await run(get({ dealId: '123', options: { notFoundOutput: true } }));
		expect(found.out).toEqual([{ json: { id: '123', found: false }, pairedItem: { item: 0 } }]);

		const [id] = seedDeals(1, () => ({ dealname: 'Here' }));
		const input = [{ json: { d: '123' } }, { json: { d: id } }];
		const cof = await run(get({ dealId: (_: number, j: IDataObject) => j.d }), { items: input, continueOnFail: true });
		expect(cof.out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(cof.out[0].json.error).toContain('deal 123 does not exist');
		expect(cof.out[1].json.id).toBe(id);
	});

	it('rejects a non-numeric id, and reports other HubSpot errors (401) as such', async () => {
		const bad = await run(get({ dealId: 'abc' })).catch((e) => e);
		expect(bad).toBeInstanceOf(NodeOperationError);
		expect(bad.message).toContain('"abc" is not a HubSpot deal ID');
		const ctx = createFakeContext({ credentials: credentialsFor(sim.url, 'wrong-token', 190), params: get({ dealId: '1' }) });
		const error = await new HubSpotPartnerCentral().execute.call(ctx).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(error.context.hubspot.category).toBe('INVALID_AUTHENTICATION');
	});
});

describe('Deal > Get Deals of a Company or Contact', () => {
	const getAssociated = (extra: Record<string, ParamValue>) => ({ resource: 'deal', operation: 'getAssociated', returnAll: true, ...extra });

	it('lists a company\'s deals with chosen properties and flags where it is the primary company', async () => {
		const seeded = sim.seed({
			objects: {
				companies: [{ ref: 'c', properties: { name: 'Acme' } }, { ref: 'o', properties: { name: 'Other' } }],
				deals: [
					{ ref: 'd1', properties: { dealname: 'One', amount: '1' }, associations: [{ to: 'c', types: [341], primary: true }] },
					{ ref: 'd2', properties: { dealname: 'Two' }, associations: [{ to: 'o', types: [341], primary: true }, { to: 'c', types: [341] }] },
					{ ref: 'd3', properties: { dealname: 'Three' }, associations: [{ to: 'o', types: [341] }] },
				],
			},
		});
		const companyId = seeded.refs.c.id;
		const { out } = await run(getAssociated({ objectType: 'company', objectId: companyId, properties: 'dealname' }));
		const byName = Object.fromEntries(out.map((o) => [(o.json.properties as IDataObject).dealname, o.json]));
		expect(Object.keys(byName).sort()).toEqual(['One', 'Two']);
		expect(byName.One).toMatchObject({ id: seeded.refs.d1.id, primaryCompany: true, associatedWith: { objectType: 'company', objectId: companyId } });
		expect(byName.Two).toMatchObject({ id: seeded.refs.d2.id, primaryCompany: false });
		expect(byName.One.properties).not.toHaveProperty('amount');
		expect(out.every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('pages associations (over 500) and batch reads 100 deals per call; Limit stops early', async () => {
		const deals = Array.from({ length: 620 }, (_, i) => ({ ref: `d${i}`, properties: { dealname: `D${i}` }, associations: [{ to: 'p', types: [3] }] }));
		const seeded = sim.seed({ objects: { contacts: [{ ref: 'p', properties: { email: 'pat@acme.com' } }], deals } });
		sim.resetCounters();
		const { out } = await run(getAssociated({ objectType: 'contact', objectId: seeded.refs.p.id }));
		expect(out).toHaveLength(620);
		expect(new Set(out.map((o) => o.json.id))).toEqual(new Set(deals.map((_, i) => seeded.refs[`d${i}`].id)));
		expect(out[0].json).not.toHaveProperty('primaryCompany');
		const c = sim.counters();
		expect(c.byCategory['associations.list']).toBe(2);
		expect(c.byCategory['objects.batch.read']).toBe(7);

		sim.resetCounters();
		const limited = await run(getAssociated({ objectType: 'contact', objectId: seeded.refs.p.id, returnAll: false, limit: 5 }));
		expect(limited.out).toHaveLength(5);
		expect(sim.counters().byCategory['associations.list']).toBe(1);
		expect(sim.counters().byCategory['objects.batch.read']).toBe(1);
	});

	it('no deals: no output; an unknown company: a clear 404, or an error item with Continue On Fail', async () => {
		const seeded = sim.seed({ objects: { companies: [{ ref: 'c', properties: { name: 'Lonely' } }] } });
		const empty = await run(getAssociated({ objectType: 'company', objectId: seeded.refs.c.id }));
		expect(empty.out).toEqual([]);
		const error = await run(getAssociated({ objectType: 'company', objectId: '4242' })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('HubSpot: company 4242 does not exist (deleted or merged?)');
		const cof = await run(getAssociated({ objectType: 'company', objectId: '4242' }), { continueOnFail: true });
		expect(cof.out).toEqual([{ json: expect.objectContaining({ error: expect.stringContaining('4242') }), pairedItem: { item: 0 } }]);
	});
});
