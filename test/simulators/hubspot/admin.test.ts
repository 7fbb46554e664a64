import type { HubSpotSimulator } from './index';
import { call, startForTest, type Json } from './testUtil';

let sim: HubSpotSimulator;
beforeAll(async () => {
	sim = await startForTest();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const admin = async (method: string, path: string, body?: unknown) => {
	const res = await fetch(`${sim.url}/__admin/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: res.status, body: (await res.json()) as Json };
};

describe('admin API', () => {
	test('seed creates objects with refs and associations (primary company); state shows them', async () => {
		const seeded = await admin('POST', 'seed', {
			objects: {
				companies: [{ ref: 'acme', properties: { name: 'Acme', industry: 'COMPUTER_SOFTWARE' } }],
				deals: [{ ref: 'd', properties: { dealname: 'D', dealstage: 'qualifiedtobuy' }, associations: [{ to: 'acme', primary: true }] }],
			},
			properties: { deals: [{ name: 'aws_opportunity_id', label: 'AWS opportunity ID', type: 'string', fieldType: 'text', groupName: 'aws_partner_central' }] },
		});
		expect(seeded.status).toBe(200);
		const { d, acme } = seeded.body.refs;
		const state = await admin('GET', 'state');
		expect(state.body.objects.deals).toHaveLength(1);
		expect(state.body.associations).toEqual(expect.arrayContaining([{ fromType: 'deals', fromId: d.id, toType: 'companies', toId: acme.id, typeIds: [5, 341] }]));
		expect(state.body.properties.deals.map((p: Json) => p.name)).toContain('aws_opportunity_id');
		expect((await call(sim, 'PATCH', `/crm/v3/objects/deals/${d.id}`, { properties: { aws_opportunity_id: 'O1' } })).status).toBe(200);
	});

	test('request log records each request with its validation result', async () => {
		await call(sim, 'POST', '/crm/v3/objects/deals', { properties: { nope: 'x' } });
		await call(sim, 'GET', '/crm/v3/objects/deals');
		const log = await admin('GET', 'requests');
		expect(log.body.requests.map((r: Json) => [r.method, r.path, r.status])).toEqual([
			['POST', '/crm/v3/objects/deals', 400],
			['GET', '/crm/v3/objects/deals', 200],
		]);
		expect(log.body.requests[0].validation).toMatch(/Property values were not valid/);
		expect(log.body.requests[1].validation).toBe('ok');
	});

	test('call counters per endpoint category and endpoint', async () => {
		await call(sim, 'POST', '/crm/v3/objects/deals/search', {});
		await call(sim, 'POST', '/crm/v3/objects/companies/search', {});
		await call(sim, 'GET', '/crm/v3/objects/deals');
		const counters = await admin('GET', 'counters');
		expect(counters.body.total).toBe(3);
		expect(counters.body.byCategory['objects.search']).toBe(2);
		expect(counters.body.byEndpoint['POST /crm/v3/objects/:type/search']).toBe(2);
		expect(counters.body.byCategory['objects.list']).toBe(1);
		await admin('DELETE', 'counters');
		expect(sim.counters().total).toBe(0);
	});

	test('clock advance moves simulated time', async () => {
		const before = (await admin('GET', 'clock')).body.now;
		const after = (await admin('POST', 'clock/advance', { ms: 86_400_000 })).body.now;
		expect(after - before).toBeGreaterThanOrEqual(86_400_000);
	});

	test('UI create with associations over admin', async () => {
		const company = await call(sim, 'POST', '/crm/v3/objects/companies', { properties: { name: 'Acme' } });
		const created = await admin('POST', 'ui/deals/create', { properties: { dealname: 'From UI' }, associations: [{ toType: 'companies', toId: company.body.id, primary: true }] });
		expect(created.status).toBe(201);
		const assoc = await call(sim, 'GET', `/crm/v4/objects/deals/${created.body.id}/associations/companies`);
		expect(assoc.body.results[0].associationTypes.map((t: Json) => t.typeId).sort()).toEqual([341, 5]);
	});
});

describe('faults (admin)', () => {
	test('error status fault with a count, by path pattern and method', async () => {
		await admin('POST', 'faults', { kind: 'error', path: '/crm/v3/objects/deals*', method: 'GET', status: 502, count: 2 });
		expect((await call(sim, 'GET', '/crm/v3/objects/deals')).status).toBe(502);
		expect((await call(sim, 'POST', '/crm/v3/objects/deals', { properties: {} })).status).toBe(201);
		expect((await call(sim, 'GET', '/crm/v3/objects/deals')).status).toBe(502);
		expect((await call(sim, 'GET', '/crm/v3/objects/deals')).status).toBe(200);
	});

	test('429 bursts in both HubSpot shapes with Retry-After (hubspot.md 4)', async () => {
		await admin('POST', 'faults', { kind: 'rateLimit', path: '/crm/v3/objects/deals', count: 1, retryAfter: 2 });
		await admin('POST', 'faults', { kind: 'rateLimit', path: '*/search', policy: 'SECONDLY', count: 1 });
		const ten = await call(sim, 'GET', '/crm/v3/objects/deals');
		expect(ten.status).toBe(429);
		expect(ten.body).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
		expect(ten.headers.get('retry-after')).toBe('2');
		const search = await call(sim, 'POST', '/crm/v3/objects/deals/search', {});
		expect(search.status).toBe(429);
		expect(search.body).toMatchObject({ category: 'RATE_LIMITS', message: 'You have reached your secondly limit.' });
	});

	test('connection reset, latency and slow body', async () => {
		sim.addFault({ kind: 'reset', path: '/crm/v3/owners', count: 1 });
		await expect(call(sim, 'GET', '/crm/v3/owners')).rejects.toThrow();
		expect((await call(sim, 'GET', '/crm/v3/owners')).status).toBe(200);
		sim.addFault({ kind: 'latency', path: '/crm/v3/pipelines/*', latencyMs: 80, count: 1 });
		let started = Date.now();
		await call(sim, 'GET', '/crm/v3/pipelines/deals');
		expect(Date.now() - started).toBeGreaterThanOrEqual(75);
		sim.addFault({ kind: 'slowBody', path: '/crm/v3/owners', chunkBytes: 200, chunkDelayMs: 20, count: 1 });
		started = Date.now();
		const slow = await call(sim, 'GET', '/crm/v3/owners');
		expect(slow.body.results).toHaveLength(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(40);
	});

	test('probability faults are deterministic per seed', async () => {
		sim.addFault({ kind: 'error', path: '/crm/v3/owners', probability: 0.5, status: 500 });
		const run = async () => {
			const out: number[] = [];
			for (let i = 0; i < 10; i++) out.push((await call(sim, 'GET', '/crm/v3/owners')).status);
			return out;
		};
		const first = await run();
		sim.reset();
		sim.addFault({ kind: 'error', path: '/crm/v3/owners', probability: 0.5, status: 500 });
		expect(await run()).toEqual(first);
		expect(first).toContain(500);
		expect(first).toContain(200);
	});
});
