import { SimClock } from '../common/clock';
import { startHubSpotSimulator, type HubSpotSimulator } from './index';
import { call, startForTest, type Json } from './testUtil';

describe('auth (hubspot.md 4: INVALID_AUTHENTICATION 401, MISSING_SCOPES 403)', () => {
	let sim: HubSpotSimulator;
	beforeAll(async () => {
		sim = await startForTest({ token: 'secret-token' });
	});
	afterAll(async () => sim.close());

	test('missing or unknown bearer token -> 401 INVALID_AUTHENTICATION body', async () => {
		for (const token of [null, 'wrong']) {
			const res = await call(sim, 'GET', '/crm/v3/objects/deals', undefined, token);
			expect(res.status).toBe(401);
			expect(res.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
			expect(res.body.message).toMatch(/^Authentication credentials not found/);
			expect(res.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
		}
		expect((await call(sim, 'GET', '/crm/v3/objects/deals', undefined, 'secret-token')).status).toBe(200);
	});

	test('a token without the needed scope -> 403 MISSING_SCOPES naming the scopes', async () => {
		sim.addToken('read-only', ['crm.objects.deals.read']);
		expect((await call(sim, 'GET', '/crm/v3/objects/deals', undefined, 'read-only')).status).toBe(200);
		const res = await call(sim, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'x' } }, 'read-only');
		expect(res.status).toBe(403);
		expect(res.body.category).toBe('MISSING_SCOPES');
		expect(res.body.errors[0].context.requiredGranularScopes).toEqual(['crm.objects.deals.write']);
	});

	test('admin can add tokens over HTTP', async () => {
		const added = await fetch(`${sim.url}/__admin/tokens`, { method: 'POST', body: JSON.stringify({ token: 'schema-only', scopes: ['crm.schemas.deals.read'] }) });
		expect(added.status).toBe(201);
		expect((await call(sim, 'GET', '/crm/v3/properties/deals', undefined, 'schema-only')).status).toBe(200);
		expect((await call(sim, 'GET', '/crm/v3/objects/deals', undefined, 'schema-only')).status).toBe(403);
	});

	test('default token is demo-token, or HUBSPOT_SIM_TOKEN', async () => {
		const before = process.env.HUBSPOT_SIM_TOKEN;
		delete process.env.HUBSPOT_SIM_TOKEN;
		const plain = await startHubSpotSimulator({ port: 0 });
		process.env.HUBSPOT_SIM_TOKEN = 'from-env';
		const fromEnv = await startHubSpotSimulator({ port: 0 });
		if (before === undefined) delete process.env.HUBSPOT_SIM_TOKEN;
		else process.env.HUBSPOT_SIM_TOKEN = before;
		expect(plain.token).toBe('demo-token');
		expect(fromEnv.token).toBe('from-env');
		await plain.close();
		await fromEnv.close();
	});
});

describe('rate limits (hubspot.md 4)', () => {
	let sim: HubSpotSimulator;
	// Frozen clock (timeScale 0): windows move only with advance(), so a slow machine cannot make this flaky.
	const clock = new SimClock(0, Date.parse('2025-01-01T00:00:00Z'));
	beforeAll(async () => {
		sim = await startHubSpotSimulator({ port: 0, clock, rateLimitPer10s: 5 });
	});
	afterAll(async () => sim.close());

	test('ten-secondly limit -> 429 errorType RATE_LIMIT + policyName TEN_SECONDLY_ROLLING, Retry-After, X-HubSpot-RateLimit-* headers', async () => {
		const first = await call(sim, 'GET', '/crm/v3/objects/deals');
		expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('5');
		expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('4');
		expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
		expect(first.headers.get('x-hubspot-ratelimit-daily')).toBe('250000');
		for (let i = 0; i < 4; i++) await call(sim, 'GET', '/crm/v3/objects/deals');
		const limited = await call(sim, 'GET', '/crm/v3/objects/deals');
		expect(limited.status).toBe(429);
		expect(limited.body).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
		expect(limited.body.category).toBeUndefined();
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		clock.advance(10_001);
		expect((await call(sim, 'GET', '/crm/v3/objects/deals')).status).toBe(200);
	});

	test('search has its own 5/s bucket -> 429 category RATE_LIMITS "You have reached your secondly limit."', async () => {
		sim.setRateLimits({ per10s: 1000 });
		clock.advance(10_001);
		for (let i = 0; i < 5; i++) expect((await call(sim, 'POST', '/crm/v3/objects/deals/search', {})).status).toBe(200);
		const limited = await call(sim, 'POST', '/crm/v3/objects/deals/search', {});
		expect(limited.status).toBe(429);
		expect(limited.body).toMatchObject({ status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS' });
		expect(limited.headers.get('retry-after')).toBe('1');
		expect((await call(sim, 'GET', '/crm/v3/objects/deals')).status).toBe(200);
		clock.advance(1001);
		expect((await call(sim, 'POST', '/crm/v3/objects/deals/search', {})).status).toBe(200);
	});

	test('rate limit is configurable over the admin API (190 per 10 s)', async () => {
		const res = await fetch(`${sim.url}/__admin/rate-limits`, { method: 'PUT', body: JSON.stringify({ per10s: 190 }) });
		expect(((await res.json()) as Json).per10s).toBe(190);
		expect((await call(sim, 'GET', '/crm/v3/objects/deals')).headers.get('x-hubspot-ratelimit-max')).toBe('190');
	});
});
