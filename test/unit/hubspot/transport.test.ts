import { NodeApiError } from 'n8n-workflow';

import { resetLimiters } from '../../../nodes/shared/hubspot/limiter';
import { searchAll } from '../../../nodes/shared/hubspot/objects';
import { hubspotRequest } from '../../../nodes/shared/hubspot/transport';
import { createFakeContext, credentialsFor } from './helpers/fakeContext';
import type { ScriptedServer } from './helpers/scriptedServer';
import { startScriptedServer } from './helpers/scriptedServer';

let server: ScriptedServer | undefined;

afterEach(async () => {
	await server?.close();
	server = undefined;
	resetLimiters();
});

function ctxFor(url: string, tier = 190) {
	return createFakeContext({ credentials: credentialsFor(url, 'tok-123', tier), params: {} });
}

describe('hubspotRequest', () => {
	it('sends the Bearer token, JSON body and query, and returns the body', async () => {
		server = await startScriptedServer(() => ({ status: 200, body: { ok: true } }));
		const result = await hubspotRequest(ctxFor(`${server.url}/`), {
			method: 'POST',
			path: '/crm/v3/objects/deals/batch/read',
			body: { inputs: [{ id: '1' }] },
			qs: { archived: false },
		});
		expect(result).toEqual({ ok: true });
		const [req] = server.received;
		expect(req.headers.authorization).toBe('Bearer tok-123');
		expect(req.url).toBe('/crm/v3/objects/deals/batch/read?archived=false');
		expect(req.body).toEqual({ inputs: [{ id: '1' }] });
	});

	it('waits Retry-After on a 429 (errorType + policyName shape) and then succeeds', async () => {
		server = await startScriptedServer((_, i) =>
			i === 0
				? {
						status: 429,
						headers: { 'Retry-After': '1' },
						body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' },
					}
				: { status: 200, body: { id: '7' } },
		);
		const started = Date.now();
		const result = await hubspotRequest(ctxFor(server.url), { method: 'GET', path: '/crm/v3/objects/deals/7' });
		expect(result).toEqual({ id: '7' });
		expect(server.received).toHaveLength(2);
		expect(server.received[1].at - server.received[0].at).toBeGreaterThanOrEqual(950);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('retries a 429 in the category RATE_LIMITS shape, even for a create (HubSpot refused it)', async () => {
		server = await startScriptedServer((_, i) =>
			i === 0
				? { status: 429, headers: { 'Retry-After': '0' }, body: { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS', correlationId: 'x' } }
				: { status: 201, body: { id: '99' } },
		);
		const result = await hubspotRequest(ctxFor(server.url), { method: 'POST', path: '/crm/v3/objects/notes', body: { properties: {} } });
		expect(result).toEqual({ id: '99' });
		expect(server.received).toHaveLength(2);
	});

	it('does not retry the daily limit and says so', async () => {
		server = await startScriptedServer(() => ({
			status: 429,
			headers: { 'Retry-After': '3600' },
			body: { status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', policyName: 'DAILY', correlationId: 'd-1' },
		}));
		const error = await hubspotRequest(ctxFor(server.url), { method: 'GET', path: '/crm/v3/owners' }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('HubSpot: You have reached your daily limit.');
		expect(error.httpCode).toBe('429');
		expect(error.context.hubspot).toMatchObject({ category: 'RATE_LIMITS', policyName: 'DAILY', correlationId: 'd-1' });
		expect(server.received).toHaveLength(1);
	});

	it('retries 5xx on reads with backoff, bounded', async () => {
		server = await startScriptedServer(() => ({ status: 503, body: { message: 'unavailable' } }));
		const error = await hubspotRequest(ctxFor(server.url), { method: 'GET', path: '/crm/v3/pipelines/deals' }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('503');
		expect(server.received).toHaveLength(4); // first try + 3 retries
	}, 20_000);

	it('recovers from a reset connection on an idempotent call', async () => {
		server = await startScriptedServer((_, i) => (i === 0 ? { reset: true } : { status: 200, body: { results: [] } }));
		const ctx = ctxFor(server.url);
		const result = await hubspotRequest(ctx, { method: 'POST', path: '/crm/v3/objects/deals/search', body: {} });
		expect(result).toEqual({ results: [] });
		expect(server.received).toHaveLength(2);
		expect(ctx.warnings.join('\n')).toContain('ECONNRESET');
	});

	it('does not repeat a create that failed with 500 (it may have been applied)', async () => {
		server = await startScriptedServer(() => ({ status: 500, body: { message: 'internal error', correlationId: 'c-5' } }));
		const error = await hubspotRequest(ctxFor(server.url), { method: 'POST', path: '/crm/v3/objects/tasks', body: { properties: {} } }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(server.received).toHaveLength(1);
		expect(error.description).toContain('c-5');
	});

	it('renders validation errors with the fields, category and correlation id', async () => {
		server = await startScriptedServer(() => ({
			status: 400,
			body: {
				status: 'error',
				message: 'Property values were not valid',
				correlationId: '1f0e-22',
				category: 'VALIDATION_ERROR',
				errors: [{ message: 'Property "dealstage" has an invalid value', in: 'dealstage' }],
			},
		}));
		const error = await hubspotRequest(ctxFor(server.url), { method: 'PATCH', path: '/crm/v3/objects/deals/1', body: {} }, { itemIndex: 2 }).catch((e) => e);
		expect(error.message).toBe('HubSpot: Property values were not valid');
		expect(error.description).toContain('dealstage: Property "dealstage" has an invalid value');
		expect(error.description).toContain('1f0e-22');
		expect(error.context.itemIndex).toBe(2);
		expect(server.received).toHaveLength(1);
	});

	it('fails fast and clearly when HubSpot cannot be reached', async () => {
		const closed = await startScriptedServer(() => ({}));
		await closed.close();
		const error = await hubspotRequest(ctxFor(closed.url), { method: 'GET', path: '/crm/v3/owners' }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Could not reach HubSpot at ${closed.url}`);
		expect(error.description).toContain('ECONNREFUSED');
	});

	it('keeps searches at 5 per second for one credential', async () => {
		server = await startScriptedServer(() => ({ status: 200, body: { results: [] } }));
		const ctx = ctxFor(server.url);
		await Promise.all(Array.from({ length: 10 }, () => hubspotRequest(ctx, { method: 'POST', path: '/crm/v3/objects/deals/search', body: {} })));
		const times = server.received.map((r) => r.at).sort((a, b) => a - b);
		// The 6th..10th need refilled tokens: the 10th comes about 1 s after the first.
		expect(times[9] - times[0]).toBeGreaterThanOrEqual(900);
	});
});

describe('searchAll', () => {
	it('pages with after and moves the id window before the result cap', async () => {
		const total = 2_450;
		const cap = 1_000;
		server = await startScriptedServer((req) => {
			const body = req.body as { filterGroups?: Array<{ filters: Array<{ propertyName: string; operator: string; value: string }> }>; after?: string; limit: number; sorts: unknown[] };
			const floor = body.filterGroups?.[0]?.filters.find((f) => f.propertyName === 'hs_object_id' && f.operator === 'GT');
			const after = Number(body.after ?? 0);
			if (after + body.limit > cap) return { status: 400, body: { message: 'paging past the cap', category: 'VALIDATION_ERROR' } };
			const from = Number(floor?.value ?? 0);
			const ids = Array.from({ length: total }, (_, i) => i + 1).filter((id) => id > from);
			const page = ids.slice(after, after + body.limit);
			return {
				status: 200,
				body: {
					total: ids.length,
					results: page.map((id) => ({ id: String(id), properties: { hs_object_id: String(id) } })),
					paging: after + body.limit < ids.length ? { next: { after: String(after + body.limit) } } : undefined,
				},
			};
		});
		const found = await searchAll(ctxFor(server.url), 'deals', { filterGroups: [] }, { resultCap: cap });
		expect(found).toHaveLength(total);
		expect(new Set(found.map((f) => f.id)).size).toBe(total);
		expect(server.received.every((r) => (r.body as { sorts: unknown[] }).sorts.length === 1)).toBe(true);
		// 13 pages of 200 (the last one short), no 400.
		expect(server.received).toHaveLength(13);
	}, 20_000);

	it('stops at the requested limit', async () => {
		server = await startScriptedServer(() => ({
			status: 200,
			body: { results: Array.from({ length: 200 }, (_, i) => ({ id: String(i + 1), properties: {} })), paging: { next: { after: '200' } } },
		}));
		const found = await searchAll(ctxFor(server.url), 'deals', {}, { limit: 50 });
		expect(found).toHaveLength(50);
		expect((server.received[0].body as { limit: number }).limit).toBe(50);
		expect(server.received).toHaveLength(1);
	});
});
