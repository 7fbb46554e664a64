import type { HubSpotSimulator } from './index';
import { call, startForTest, type Json } from './testUtil';

let sim: HubSpotSimulator;
let ids: Record<string, string>;

beforeAll(async () => {
	sim = await startForTest();
	const seeded = sim.seed({
		objects: {
			deals: [
				{ ref: 'a', properties: { dealname: 'Alpha migration', amount: '100', closedate: '2025-01-10', dealstage: 'qualifiedtobuy', description: 'cloud move' } },
				{ ref: 'b', properties: { dealname: 'Beta analytics', amount: '250', closedate: '2025-02-10', dealstage: 'closedwon' } },
				{ ref: 'c', properties: { dealname: 'Gamma', amount: '250', closedate: '2025-03-10', dealstage: 'closedlost' } },
				{ ref: 'd', properties: { dealname: 'Delta data lake', dealstage: 'qualifiedtobuy' } },
			],
			contacts: [{ ref: 'jane', properties: { email: 'jane.doe@acme.io', firstname: 'Jane' } }],
		},
	});
	ids = Object.fromEntries(Object.entries(seeded.refs).map(([k, v]) => [k, v.id]));
});
afterAll(async () => sim.close());

const search = (body: unknown, type = 'deals') => call(sim, 'POST', `/crm/v3/objects/${type}/search`, body);
const names = (res: Json) => res.body.results.map((r: Json) => r.properties.dealname);
const one = (propertyName: string, operator: string, extra: Record<string, unknown>) =>
	search({ filterGroups: [{ filters: [{ propertyName, operator, ...extra }] }], properties: ['dealname'] });

describe('search operators (hubspot.md 2.2 Search: 13 operators)', () => {
	test('EQ / NEQ (NEQ also matches records without the property)', async () => {
		expect(names(await one('dealstage', 'EQ', { value: 'qualifiedtobuy' }))).toEqual(['Alpha migration', 'Delta data lake']);
		expect(names(await one('amount', 'NEQ', { value: '250' }))).toEqual(['Alpha migration', 'Delta data lake']);
	});
	test('IN / NOT_IN', async () => {
		expect(names(await one('dealstage', 'IN', { values: ['closedwon', 'closedlost'] }))).toEqual(['Beta analytics', 'Gamma']);
		expect(names(await one('dealstage', 'NOT_IN', { values: ['closedwon', 'closedlost'] }))).toEqual(['Alpha migration', 'Delta data lake']);
	});
	test('GT / GTE / LT / LTE compare numbers numerically and dates as instants (ms or ISO values)', async () => {
		expect(names(await one('amount', 'GT', { value: '100' }))).toEqual(['Beta analytics', 'Gamma']);
		expect(names(await one('amount', 'GTE', { value: '100' }))).toHaveLength(3);
		expect(names(await one('amount', 'LT', { value: '250' }))).toEqual(['Alpha migration']);
		expect(names(await one('closedate', 'LTE', { value: String(Date.parse('2025-02-10T00:00:00Z')) }))).toEqual(['Alpha migration', 'Beta analytics']);
	});
	test('BETWEEN is inclusive (value..highValue)', async () => {
		expect(names(await one('closedate', 'BETWEEN', { value: '2025-02-01T00:00:00Z', highValue: '2025-03-10T00:00:00Z' }))).toEqual(['Beta analytics', 'Gamma']);
	});
	test('HAS_PROPERTY / NOT_HAS_PROPERTY', async () => {
		expect(names(await one('amount', 'HAS_PROPERTY', {}))).toHaveLength(3);
		expect(names(await one('amount', 'NOT_HAS_PROPERTY', {}))).toEqual(['Delta data lake']);
	});
	test('CONTAINS_TOKEN / NOT_CONTAINS_TOKEN match words, with * wildcards', async () => {
		expect(names(await one('dealname', 'CONTAINS_TOKEN', { value: 'migration' }))).toEqual(['Alpha migration']);
		expect(names(await one('dealname', 'CONTAINS_TOKEN', { value: 'anal*' }))).toEqual(['Beta analytics']);
		expect(names(await one('dealname', 'NOT_CONTAINS_TOKEN', { value: 'migration' }))).toHaveLength(3);
		const contact = await search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@acme.io' }] }] }, 'contacts');
		expect(contact.body.results[0].id).toBe(ids.jane);
	});
	test('filter groups are ORed, filters in a group ANDed', async () => {
		const res = await search({
			filterGroups: [
				{ filters: [{ propertyName: 'amount', operator: 'EQ', value: '250' }, { propertyName: 'dealstage', operator: 'EQ', value: 'closedwon' }] },
				{ filters: [{ propertyName: 'dealname', operator: 'EQ', value: 'Delta data lake' }] },
			],
			properties: ['dealname'],
		});
		expect(names(res)).toEqual(['Beta analytics', 'Delta data lake']);
	});
	test('unknown filter property or operator -> 400 VALIDATION_ERROR', async () => {
		expect((await one('nope', 'EQ', { value: '1' })).status).toBe(400);
		expect((await one('amount', 'LIKE', { value: '1' })).status).toBe(400);
	});
	test('associations.<type> pseudo-property filters by associated record id', async () => {
		const company = await call(sim, 'POST', '/crm/v3/objects/companies', { properties: { name: 'Linked' } });
		await call(sim, 'PUT', `/crm/v4/objects/deals/${ids.b}/associations/default/companies/${company.body.id}`);
		expect(names(await one('associations.company', 'EQ', { value: company.body.id }))).toEqual(['Beta analytics']);
	});
	test('query searches the default searchable properties', async () => {
		expect(names(await search({ query: 'data', properties: ['dealname'] }))).toEqual(['Delta data lake']);
	});
});

describe('search sorting, paging and limits (hubspot.md 2.4)', () => {
	test('sorts: one property; ties broken by id ascending; empty values last', async () => {
		const res = await search({ sorts: [{ propertyName: 'amount', direction: 'DESCENDING' }], properties: ['dealname'] });
		expect(names(res)).toEqual(['Beta analytics', 'Gamma', 'Alpha migration', 'Delta data lake']);
		expect(Number(res.body.results[0].id)).toBeLessThan(Number(res.body.results[1].id));
		expect((await search({ sorts: [{ propertyName: 'amount' }, { propertyName: 'dealname' }] })).status).toBe(400);
	});
	test('{} is a valid search (hubspot.md 2.4 spec defects); results carry total and paging.next.after', async () => {
		const first = await search({ limit: 3 });
		expect(first.status).toBe(200);
		expect(first.body.total).toBe(4);
		expect(first.body.results).toHaveLength(3);
		expect(first.body.paging.next.after).toBe('3');
		const second = await search({ limit: 3, after: first.body.paging.next.after });
		expect(second.body.results).toHaveLength(1);
		expect(second.body.paging).toBeUndefined();
	});
	test('limit above 200 -> 400', async () => {
		expect((await search({ limit: 201 })).status).toBe(400);
		expect((await search({ limit: 200 })).status).toBe(200);
	});
	test('filter group limits: more than 5 groups -> 400', async () => {
		const g = { filters: [{ propertyName: 'amount', operator: 'HAS_PROPERTY' }] };
		expect((await search({ filterGroups: [g, g, g, g, g, g] })).status).toBe(400);
		expect((await search({ filterGroups: [g, g, g, g, g] })).status).toBe(200);
	});
});

describe('search 10,000-result cap (hubspot.md 2.4: after beyond it -> 400)', () => {
	let big: HubSpotSimulator;
	beforeAll(async () => {
		big = await startForTest();
		big.seed({ objects: { companies: Array.from({ length: 10_050 }, (_, i) => ({ properties: { name: `C${i}` } })) } });
	});
	afterAll(async () => big.close());

	test('total counts every match but paging stops at 10,000; after past the cap -> 400', async () => {
		const last = await call(big, 'POST', '/crm/v3/objects/companies/search', { limit: 200, after: '9800' });
		expect(last.status).toBe(200);
		expect(last.body.total).toBe(10_050);
		expect(last.body.results).toHaveLength(200);
		expect(last.body.paging).toBeUndefined();
		const beyond = await call(big, 'POST', '/crm/v3/objects/companies/search', { limit: 10, after: '10000' });
		expect(beyond.status).toBe(400);
		expect(beyond.body.category).toBe('VALIDATION_ERROR');
	});
});

describe('search index delay (admin; choice: HubSpot search is eventually consistent)', () => {
	test('with a delay, new records and changes reach search only after it passes (SimClock)', async () => {
		const lagged = await startForTest();
		try {
			lagged.setSearchIndexDelay(5000);
			const created = await call(lagged, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'Lagging', amount: '1' } });
			const find = () => call(lagged, 'POST', '/crm/v3/objects/deals/search', { filterGroups: [{ filters: [{ propertyName: 'dealname', operator: 'EQ', value: 'Lagging' }] }], properties: ['amount'] });
			expect((await find()).body.total).toBe(0);
			lagged.clock.advance(5001);
			expect((await find()).body.results[0].properties.amount).toBe('1');
			await call(lagged, 'PATCH', `/crm/v3/objects/deals/${created.body.id}`, { properties: { amount: '2' } });
			expect((await find()).body.results[0].properties.amount).toBe('1');
			lagged.clock.advance(5001);
			expect((await find()).body.results[0].properties.amount).toBe('2');
			await call(lagged, 'DELETE', `/crm/v3/objects/deals/${created.body.id}`);
			expect((await find()).body.total).toBe(1);
			lagged.clock.advance(5001);
			expect((await find()).body.total).toBe(0);
		} finally {
			await lagged.close();
		}
	});
});
