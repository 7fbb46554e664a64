/**
 * Rate limits and error bodies against hubspot.md section 4: both 429 shapes, Retry-After (seconds, HTTP date,
 * absent, too long), the 10-second window per tier, CRM search in its own 5/s bucket, error bodies with category,
 * subCategory and correlation id (scopes named on a 403), and non-JSON error pages. Pure functions with a fake
 * clock, a scripted server for exact sequences, and the HubSpot simulator for its real answers.
 */
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asErrorBody, fieldErrors, hubspotApiError, parseRetryAfter } from '../../../nodes/shared/hubspot/errors';
import { limiterFor, resetLimiters, SEARCH_REQUESTS_PER_SECOND, WINDOW_MARGIN_MS } from '../../../nodes/shared/hubspot/limiter';
import { backoffMs, decideRetry } from '../../../nodes/shared/hubspot/retryPolicy';
import { hubspotRequest } from '../../../nodes/shared/hubspot/transport';
import type { HubSpotSimulator } from '../../simulators/hubspot';
import { createFakeContext, credentialsFor } from './helpers/fakeContext';
import { useHubSpotSimulator } from './helpers/nodeRun';
import type { ScriptedServer } from './helpers/scriptedServer';
import { startScriptedServer } from './helpers/scriptedServer';

const node: INode = { id: '1', name: 'HubSpot', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

describe('limiter per credential and tier (pure, fake clock)', () => {
	afterEach(() => resetLimiters());

	it.each([
		[100, 100],
		[190, 190],
	])('tier %i: %i calls in any 10 s (plus a small margin for arrival jitter), then wait', (tier, capacity) => {
		let now = 0;
		const limiter = limiterFor(`tier-${tier}`, tier, () => now);
		for (let i = 0; i < capacity; i++) expect(limiter.general.take()).toBe(0);
		expect(limiter.general.take()).toBe(10_000 + WINDOW_MARGIN_MS.general);
		now = 5_000;
		expect(limiter.general.take()).toBe(5_000 + WINDOW_MARGIN_MS.general);
	});

	it('searches: 5 per second (plus margin) in their own bucket', () => {
		const now = 0;
		const limiter = limiterFor('search', 100, () => now);
		for (let i = 0; i < SEARCH_REQUESTS_PER_SECOND; i++) expect(limiter.search.take()).toBe(0);
		expect(limiter.search.take()).toBe(1_000 + WINDOW_MARGIN_MS.search);
		// The general bucket is untouched.
		expect(limiter.general.take()).toBe(0);
	});

	it('one limiter per credential key, shared; a tier change replaces it', () => {
		const a = limiterFor('k', 100);
		expect(limiterFor('k', 100)).toBe(a);
		expect(limiterFor('other', 100)).not.toBe(a);
		const upgraded = limiterFor('k', 190);
		expect(upgraded).not.toBe(a);
		expect(upgraded.general.capacity).toBe(190);
	});
});

describe('Retry-After and backoff (pure)', () => {
	const fixed = () => 0.5;

	it.each([
		['0', 0],
		['3', 3000],
		[' 2 ', 2000],
		[['4', '9'], 4000],
		['', undefined],
		['-1', undefined],
	])('Retry-After %j -> %j ms', (value, ms) => {
		expect(parseRetryAfter(value)).toBe(ms);
	});

	it('an HTTP date in the past means now', () => {
		expect(parseRetryAfter('Tue, 24 Nov 2026 09:59:00 GMT', Date.parse('2026-11-24T10:00:00Z'))).toBe(0);
	});

	it('without Retry-After: the secondly (search) limit backs off about 1 s, growing to 4 s; ten-secondly up to 10 s', () => {
		expect(decideRetry({ kind: 'rateLimited', policy: 'SECONDLY' }, 0, true, fixed).delayMs).toBe(backoffMs(0, 1_000, 4_000, fixed));
		expect(decideRetry({ kind: 'rateLimited', policy: 'SECONDLY' }, 5, true, fixed).delayMs).toBeLessThanOrEqual(4_000);
		expect(decideRetry({ kind: 'rateLimited', policy: 'TEN_SECONDLY_ROLLING' }, 5, true, fixed).delayMs).toBeLessThanOrEqual(10_000);
		expect(decideRetry({ kind: 'rateLimited', policy: 'TEN_SECONDLY_ROLLING' }, 5, true, fixed).delayMs).toBeGreaterThanOrEqual(5_000);
	});

	it('a 5xx or 477 with Retry-After waits exactly that; 477 (migration in progress) is transient', () => {
		expect(decideRetry({ kind: 'serverError', status: 503, retryAfterMs: 2_000 }, 0, true, fixed)).toMatchObject({ retry: true, delayMs: 2_000 });
		expect(decideRetry({ kind: 'serverError', status: 477, retryAfterMs: 1_000 }, 0, true, fixed)).toMatchObject({ retry: true, delayMs: 1_000 });
		expect(decideRetry({ kind: 'serverError', status: 477, retryAfterMs: 600_000 }, 0, true, fixed).retry).toBe(false);
	});
});

describe('error bodies (pure)', () => {
	it('names the scopes a 403 asks for (errors[].context.requiredGranularScopes)', () => {
		const body = {
			status: 'error',
			message: "This app hasn't been granted all required scopes to make this call.",
			correlationId: 'c-403',
			category: 'MISSING_SCOPES',
			errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['crm.objects.deals.read', 'crm.objects.deals.write'] } }],
		};
		expect(fieldErrors(body)).toEqual(['One or more of the following scopes are required. crm.objects.deals.read, crm.objects.deals.write']);
		const error = hubspotApiError(node, body, { status: 403, method: 'GET', path: '/crm/v3/objects/deals/1' });
		expect(error.description).toContain('Details: One or more of the following scopes are required. crm.objects.deals.read');
		expect(error.description).toContain('Category: MISSING_SCOPES');
		expect(error.description).toContain('c-403');
	});

	it('shows subCategory and keeps it in context', () => {
		const error = hubspotApiError(
			node,
			{ status: 'error', message: 'No associations found', category: 'OBJECT_NOT_FOUND', subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND', correlationId: 'c-1' },
			{ status: 404, method: 'POST', path: '/crm/v4/associations/deals/companies/batch/read' },
		);
		expect(error.description).toContain('Category: OBJECT_NOT_FOUND (crm.associations.NO_ASSOCIATIONS_FOUND)');
		expect(error.context.hubspot).toMatchObject({ status: 404, subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND', correlationId: 'c-1' });
	});

	it('a 429 of either shape that is not waited out says how long HubSpot asked to wait', () => {
		for (const body of [
			{ status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', policyName: 'DAILY', correlationId: 'a' },
			{ status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS', correlationId: 'b' },
		]) {
			const error = hubspotApiError(node, body, { status: 429, method: 'GET', path: '/x', retryAfterMs: 3_600_000 });
			expect(error.description).toContain('HubSpot asked to wait 3600 s before retrying (Retry-After).');
			expect(error.context.hubspot).toMatchObject({ category: 'RATE_LIMITS', correlationId: body.correlationId });
		}
		expect(hubspotApiError(node, {}, { status: 503, method: 'GET', path: '/x', retryAfterMs: 1000 }).description).not.toContain('Retry-After');
	});

	it('a gateway page (HTML) or broken JSON is no message: the status speaks', () => {
		expect(asErrorBody('<html><body><h1>502 Bad Gateway</h1></body></html>')).toEqual({});
		expect(asErrorBody('{"message": "cut')).toEqual({ message: '{"message": "cut' });
		expect(asErrorBody('  plain text  ')).toEqual({ message: 'plain text' });
		expect(asErrorBody('   ')).toEqual({});
		const error = hubspotApiError(node, '<html>502</html>', { status: 502, method: 'POST', path: '/crm/v3/objects/notes' });
		expect(error.message).toBe('HubSpot: request failed with HTTP 502');
	});
});

describe('transport against a scripted server', () => {
	let server: ScriptedServer | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
		resetLimiters();
	});
	const ctxFor = (url: string, tier = 100) => createFakeContext({ credentials: credentialsFor(url, 'tok-limits', tier), params: {} });

	it('searches do not spend the ten-secondly budget, and other calls do not wait for the search bucket', async () => {
		server = await startScriptedServer(() => ({ status: 200, body: { results: [] } }));
		const ctx = ctxFor(server.url, 100);
		const started = Date.now();
		await Promise.all(Array.from({ length: 100 }, () => hubspotRequest(ctx, { method: 'GET', path: '/crm/v3/owners' })));
		// The tier's 100 calls are spent: a search still goes at once.
		await hubspotRequest(ctx, { method: 'POST', path: '/crm/v3/objects/deals/search', body: {} });
		expect(Date.now() - started).toBeLessThan(3_000);
		resetLimiters();
		// Five searches fill the search bucket: a plain read still goes at once.
		const ctx2 = ctxFor(server.url, 100);
		const searches = Promise.all(Array.from({ length: 7 }, () => hubspotRequest(ctx2, { method: 'POST', path: '/crm/v3/objects/deals/search', body: {} })));
		const t0 = Date.now();
		await hubspotRequest(ctx2, { method: 'GET', path: '/crm/v3/owners' });
		expect(Date.now() - t0).toBeLessThan(500);
		await searches;
	});

	it('waits Retry-After given as an HTTP date', async () => {
		server = await startScriptedServer((_, i) =>
			i === 0
				? { status: 429, headers: { 'Retry-After': new Date(Date.now() + 2_000).toUTCString() }, body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' } }
				: { status: 200, body: { ok: true } },
		);
		await hubspotRequest(ctxFor(server.url), { method: 'GET', path: '/crm/v3/owners' });
		// HTTP dates have whole seconds: at least 1 s, at most about 2 s plus jitter.
		const gap = server.received[1].at - server.received[0].at;
		expect(gap).toBeGreaterThanOrEqual(950);
		expect(gap).toBeLessThan(3_500);
	});

	it('a 503 with Retry-After is waited out on a read', async () => {
		server = await startScriptedServer((_, i) => (i === 0 ? { status: 503, headers: { 'Retry-After': '1' }, body: { message: 'busy' } } : { status: 200, body: { ok: true } }));
		expect(await hubspotRequest(ctxFor(server.url), { method: 'GET', path: '/crm/v3/pipelines/deals' })).toEqual({ ok: true });
		expect(server.received[1].at - server.received[0].at).toBeGreaterThanOrEqual(950);
	});

	it('a 477 (migration in progress) is retried on a read', async () => {
		server = await startScriptedServer((_, i) => (i === 0 ? { status: 477, headers: { 'Retry-After': '0' }, body: { message: 'Migration in progress' } } : { status: 200, body: { ok: true } }));
		expect(await hubspotRequest(ctxFor(server.url), { method: 'GET', path: '/crm/v3/objects/deals/1' })).toEqual({ ok: true });
		expect(server.received).toHaveLength(2);
	});

	it('a 429 asking for an hour fails at once, says so, and does not hold the next call', async () => {
		server = await startScriptedServer((_, i) =>
			i === 0
				? { status: 429, headers: { 'Retry-After': '3600' }, body: { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS', correlationId: 'c-long' } }
				: { status: 200, body: { ok: true } },
		);
		const ctx = ctxFor(server.url);
		const started = Date.now();
		const error = await hubspotRequest(ctx, { method: 'GET', path: '/crm/v3/owners' }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(error.description).toContain('wait 3600 s');
		expect(error.description).toContain('c-long');
		expect(await hubspotRequest(ctx, { method: 'GET', path: '/crm/v3/owners' })).toEqual({ ok: true });
		expect(Date.now() - started).toBeLessThan(2_000);
	});

	it('a 429 without Retry-After (search shape) backs off about a second and succeeds', async () => {
		server = await startScriptedServer((_, i) =>
			i === 0 ? { status: 429, body: { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS' } } : { status: 200, body: { results: [] } },
		);
		await hubspotRequest(ctxFor(server.url), { method: 'POST', path: '/crm/v3/objects/deals/search', body: {} });
		const gap = server.received[1].at - server.received[0].at;
		expect(gap).toBeGreaterThanOrEqual(450);
		expect(gap).toBeLessThan(2_000);
	});

	it('a gateway page on a create (not repeated) gives the status, not the HTML', async () => {
		server = await startScriptedServer(() => ({ status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' }));
		const error = await hubspotRequest(ctxFor(server.url), { method: 'POST', path: '/crm/v3/objects/notes', body: {} }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('HubSpot: request failed with HTTP 502');
		expect(server.received).toHaveLength(1);
	});
});

describe('the node against the simulator: its 403, 429 and 404 answers', () => {
	const runner = useHubSpotSimulator();
	let sim: HubSpotSimulator;
	beforeEach(() => {
		sim = runner.sim();
	});
	const getDeal = (dealId: string) => ({ resource: 'deal', operation: 'get', dealId, options: {} });

	it('a token without the deals scope: MISSING_SCOPES naming the scope, with the correlation id', async () => {
		sim.addToken('contacts-only', ['crm.objects.contacts.read']);
		const error = await runner.run(getDeal('1'), { token: 'contacts-only' }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('403');
		expect(error.context.hubspot).toMatchObject({ category: 'MISSING_SCOPES', correlationId: expect.any(String) });
		expect(error.description).toContain('crm.objects.deals.read');
		expect(error.description).toContain('docs/hubspot-node.md');
	});

	it('a ten-secondly 429 (errorType + policyName, no category) is waited out', async () => {
		const [id] = Object.values(sim.seed({ objects: { deals: [{ ref: 'd', properties: { dealname: 'x' } }] } }).refs).map((r) => r.id);
		sim.addFault({ kind: 'rateLimit', path: '/crm/v3/objects/deals/*', method: 'GET', policy: 'TEN_SECONDLY_ROLLING', retryAfter: 1, count: 1 });
		sim.resetCounters();
		const { out, ctx } = await runner.run(getDeal(id));
		expect(out[0].json).toMatchObject({ id, found: true });
		expect(sim.counters().byStatus['429']).toBe(1);
		expect(ctx.warnings.join('\n')).toContain('rate limited (TEN_SECONDLY_ROLLING)');
	});

	it('the daily limit is not waited for: the error keeps policy, category and correlation id; Continue On Fail gives an error item', async () => {
		sim.addFault({ kind: 'rateLimit', path: '/crm/v3/objects/deals/*', policy: 'DAILY', retryAfter: 3600 });
		sim.resetCounters();
		const error = await runner.run(getDeal('5')).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('HubSpot: You have reached your daily limit.');
		expect(error.context.hubspot).toMatchObject({ category: 'RATE_LIMITS', policyName: 'DAILY', correlationId: expect.any(String) });
		expect(sim.counters().byStatus['429']).toBe(1);
		const { out } = await runner.run(getDeal('5'), { continueOnFail: true });
		expect(out[0]).toMatchObject({ json: { error: 'HubSpot: You have reached your daily limit.', hubspot: { policyName: 'DAILY' } }, pairedItem: { item: 0 } });
	});

	it('a deal deleted between the association list and the batch read (207) is left out of Get Deals of a Company', async () => {
		const seeded = sim.seed({
			objects: {
				companies: [{ ref: 'c', properties: { name: 'Acme' } }],
				deals: [0, 1, 2].map((i) => ({ ref: `d${i}`, properties: { dealname: `D${i}` }, associations: [{ to: 'c', types: [341] }] })),
			},
		});
		// The association list is read first; a deal deleted before the batch read is answered makes it a 207.
		sim.addFault({ kind: 'latency', path: '/crm/v3/objects/deals/batch/read', latencyMs: 400, count: 1 });
		sim.resetCounters();
		const running = runner.run({ resource: 'deal', operation: 'getAssociated', objectType: 'company', objectId: seeded.refs.c.id, returnAll: true, properties: 'dealname' });
		// Counters count a request as its handler runs (after fault latency): once the list is counted it is answered.
		while ((sim.counters().byCategory['associations.list'] ?? 0) === 0) await new Promise((resolve) => setTimeout(resolve, 2));
		sim.ui.delete('deals', seeded.refs.d1.id);
		const { out } = await running;
		expect(sim.counters().byStatus['207']).toBe(1);
		expect(out.map((o) => (o.json.properties as { dealname: string }).dealname).sort()).toEqual(['D0', 'D2']);
	});
});
