/**
 * Both HubSpot triggers against the HubSpot simulator (test/simulators/hubspot): real HTTP, HubSpot's search rules
 * (one sort, limit 200, 400 past 10,000 results, search index lag) and HubSpot-signed webhook deliveries with
 * retries.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { HubSpotDealChangesTrigger } from '../../../nodes/HubSpotDealChangesTrigger/HubSpotDealChangesTrigger.node';
import { HubSpotPartnerCentralTrigger } from '../../../nodes/HubSpotPartnerCentralTrigger/HubSpotPartnerCentralTrigger.node';
import type { HubSpotSimulator } from '../../simulators/hubspot';
import { SimClock } from '../../simulators/common/clock';
import { startHubSpotSimulator } from '../../simulators/hubspot';
import { fakePollContext, realHttp } from './fakePollContext';

jest.setTimeout(120_000);

const poller = new HubSpotDealChangesTrigger();

async function api(sim: HubSpotSimulator, method: string, path: string, body?: unknown) {
	const r = await fetch(`${sim.url}${path}`, {
		method,
		headers: { Authorization: `Bearer ${sim.token}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await r.text();
	if (!r.ok) throw new Error(`${method} ${path} -> ${r.status} ${text}`);
	return text ? (JSON.parse(text) as IDataObject) : {};
}

const ids = (out: INodeExecutionData[][] | null) => (out?.[0] ?? []).map((i) => String(i.json.dealId));

describe('HubSpot Deal Changes Trigger against the simulator', () => {
	let sim: HubSpotSimulator;
	beforeAll(async () => {
		sim = await startHubSpotSimulator({ port: 0 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.reset();
		sim.setSearchIndexDelay(0);
	});

	const context = (params: Record<string, unknown>, staticData: IDataObject = {}) =>
		fakePollContext({
			http: realHttp,
			params,
			staticData,
			credentials: { accessToken: sim.token, baseUrl: sim.url, rateLimitPer10s: 190 },
		});

	it('reads more than 10,000 deals sharing two timestamps, without gaps or repeats, then only new changes', async () => {
		// The bulk import happened an hour ago (backfill), so later polls do not re-read it within the lag allowance.
		await sim.close();
		sim = await startHubSpotSimulator({ port: 0, clock: new SimClock(1, Date.now() - 3_600_000) });
		const backfillFrom = new Date(sim.clock.now() - 60_000).toISOString();
		const bulk = (n: number, label: string) =>
			Array.from({ length: n }, (_, i) => ({ properties: { dealname: `${label} ${i}`, pipeline: 'default', dealstage: 'appointmentscheduled' } }));
		// One seed call stamps every deal with the same hs_lastmodifieddate (a bulk import).
		sim.seed({ objects: { deals: bulk(5200, 'Import A') } });
		sim.clock.advance(7);
		sim.seed({ objects: { deals: bulk(5100, 'Import B') } });
		expect(Number((await api(sim, 'POST', '/crm/v3/objects/deals/search', { limit: 1 })).total)).toBe(10_300);

		// The client keeps to 5 searches/s itself; the simulator's own 5/s bucket would only add 429 round trips here.
		sim.setRateLimits({ searchPerSecond: 50 });
		const { ctx, staticData } = context({ backfillFrom, options: { maxDealsPerPoll: 20_000 } });
		const first = ids(await poller.poll.call(ctx));
		expect(first).toHaveLength(10_300);
		expect(new Set(first).size).toBe(10_300);
		expect(await poller.poll.call(ctx)).toBeNull();

		// The remembered ids are only those the next read can meet again: none of the old import.
		expect(JSON.stringify(staticData).length).toBeLessThan(1000);

		// Now (simulated time catches up with the real clock): a UI edit and an API edit come out once, nothing else.
		const [a, b] = [first[10], first[10_200]];
		sim.clock.advance(3_600_000);
		sim.ui.update('deals', a, { amount: '1200' });
		await api(sim, 'PATCH', `/crm/v3/objects/deals/${b}`, { properties: { dealstage: 'contractsent' } });
		const later = await poller.poll.call(ctx);
		expect(ids(later).sort()).toEqual([a, b].sort());
		expect(later?.[0].find((i) => i.json.dealId === a)?.json).toMatchObject({ change: 'updated', properties: { amount: '1200' } });
		expect(await poller.poll.call(ctx)).toBeNull();
	});

	it('finds changes that reach search late (index lag), exactly once', async () => {
		sim.setSearchIndexDelay(20_000);
		const deal = await api(sim, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'Lagging #AWS' } });
		const { ctx } = context({ nameTag: '#aws' });
		expect(await poller.poll.call(ctx)).toBeNull(); // first activation: starts from now
		sim.clock.advance(1000);
		sim.ui.update('deals', String(deal.id), { dealname: 'Lagging #AWS renamed' });
		expect(await poller.poll.call(ctx)).toBeNull(); // changed, but search does not show it yet
		sim.clock.advance(25_000);
		const out = await poller.poll.call(ctx);
		expect(ids(out)).toEqual([String(deal.id)]);
		expect(out?.[0][0].json).toMatchObject({ properties: { dealname: 'Lagging #AWS renamed' } });
		sim.clock.advance(25_000);
		expect(await poller.poll.call(ctx)).toBeNull();
	});

	it('filters by pipeline, tag and property value on real search results; a manual run shows recent deals', async () => {
		const start = new Date(sim.clock.now() - 1000).toISOString();
		sim.seed({
			properties: { deals: [{ name: 'aws_opportunity_id', label: 'AWS opportunity ID', type: 'string', fieldType: 'text' }] },
			objects: {
				deals: [
					{ properties: { dealname: 'Linked #AWS', pipeline: '87654321', dealstage: '112233401', aws_opportunity_id: 'O123' } },
					{ properties: { dealname: 'Not linked #AWS', pipeline: '87654321', dealstage: '112233401' } },
					{ properties: { dealname: 'AWS without tag', pipeline: '87654321', dealstage: '112233401', aws_opportunity_id: 'O9' } },
					{ properties: { dealname: 'Other pipeline #AWS', pipeline: 'default', dealstage: 'appointmentscheduled', aws_opportunity_id: 'O8' } },
				],
			},
		});
		const params = { backfillFrom: start, pipeline: '87654321', nameTag: '#AWS', hasProperty: 'aws_opportunity_id' };
		const out = await poller.poll.call(context(params).ctx);
		expect((out?.[0] ?? []).map((i) => (i.json.properties as IDataObject).dealname)).toEqual(['Linked #AWS']);
		const manual = await poller.poll.call(
			fakePollContext({ http: realHttp, mode: 'manual', params: { nameTag: '#AWS' }, credentials: { accessToken: sim.token, baseUrl: sim.url } }).ctx,
		);
		expect((manual?.[0] ?? []).map((i) => i.json.change)).toEqual(['sample', 'sample', 'sample']);
	});
});

describe('HubSpot Partner Central Trigger receiving the simulator\'s signed deliveries', () => {
	const trigger = new HubSpotPartnerCentralTrigger();
	let sim: HubSpotSimulator;
	let server: http.Server;
	let target: string;
	let executions: INodeExecutionData[][] = [];
	let statuses: number[] = [];
	let failNextAfterProcessing = false;
	let params: Record<string, unknown> = {};
	let secret = 'sim-client-secret';
	const staticData: IDataObject = {};

	/** What n8n does around webhook(): raw body, request and response objects, then the answer. */
	function handle(req: http.IncomingMessage, res: http.ServerResponse, rawBody: Buffer) {
		let status = 200;
		let answer: unknown;
		const response = {
			status(code: number) {
				status = code;
				return response;
			},
			json(body: unknown) {
				answer = body;
				return response;
			},
		};
		const all: Record<string, unknown> = { objectTypes: ['deal'], actions: [], propertyNames: '', ignoreOwnWrites: false, ownAppIds: '', options: {}, ...params };
		const ctx = {
			getRequestObject: () => ({ method: req.method, originalUrl: req.url, url: req.url, protocol: 'http', headers: req.headers, rawBody }),
			getResponseObject: () => response,
			getNodeParameter: (name: string, fallback?: unknown) => (name in all ? all[name] : fallback),
			getCredentials: async () => ({ accessToken: sim.token, clientSecret: secret }),
			getNodeWebhookUrl: () => target,
			getWorkflowStaticData: () => staticData,
			getNode: () => ({ id: 'w', name: 'HubSpot Trigger', type: 'hubSpotPartnerCentralTrigger', typeVersion: 1, position: [0, 0], parameters: {} }),
			getMode: () => 'webhook',
			logger: { warn: () => {}, info: () => {}, debug: () => {}, error: () => {} },
		} as unknown as IWebhookFunctions;
		trigger.webhook
			.call(ctx)
			.then((result) => {
				if (result.workflowData) executions.push(...result.workflowData);
				if (!result.noWebhookResponse) answer = result.webhookResponse;
				if (failNextAfterProcessing) {
					// n8n started the workflow but the answer failed (e.g. timeout): HubSpot will deliver again.
					failNextAfterProcessing = false;
					status = 503;
				}
				statuses.push(status);
				res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer ?? {}));
			})
			.catch((error: Error) => {
				statuses.push(500);
				res.writeHead(500).end(error.message);
			});
	}

	beforeAll(async () => {
		sim = await startHubSpotSimulator({ port: 0 });
		server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => handle(req, res, Buffer.concat(chunks)));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
		target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/3f1c/hubspot`;
	});
	afterAll(async () => {
		await sim.close();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
	beforeEach(() => {
		sim.reset();
		executions = [];
		statuses = [];
		params = {};
		secret = 'sim-client-secret';
		for (const key of Object.keys(staticData)) delete staticData[key];
		sim.webhooks.configure({ targetUrl: target, clientSecret: 'sim-client-secret', paused: true, batchWindowMs: 5, retryBaseMs: 5 });
		sim.webhooks.subscribe({ eventType: 'deal.creation' });
		sim.webhooks.subscribe({ eventType: 'deal.propertyChange', propertyName: 'dealstage' });
		sim.webhooks.subscribe({ eventType: 'deal.propertyChange', propertyName: 'amount' });
	});

	it('accepts v3-signed batches and emits one item per event', async () => {
		const deal = await api(sim, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'Webhook deal', dealstage: 'qualifiedtobuy' } });
		sim.ui.update('deals', String(deal.id), { amount: '5000' });
		await sim.webhooks.flush();
		expect(statuses.every((s) => s === 200)).toBe(true);
		const items = executions.flat();
		expect(items.map((i) => `${i.json.action}:${i.json.propertyName ?? ''}`).sort()).toEqual(
			['creation:', 'propertyChange:amount', 'propertyChange:dealstage'].sort(),
		);
		expect(items.every((i) => i.json.dealId === String(deal.id))).toBe(true);
	});

	it('drops a redelivery after an answer that failed, and drops our own API writes when asked', async () => {
		params = { ignoreOwnWrites: true, ownAppIds: '1234567' }; // the simulator's default token belongs to app 1234567
		const deal = sim.ui.create('deals', { dealname: 'From the UI', dealstage: 'qualifiedtobuy' });
		failNextAfterProcessing = true;
		await sim.webhooks.flush(); // processed, answered 503
		await sim.webhooks.flush(); // HubSpot's retry (attemptNumber 1)
		expect(statuses).toEqual([503, 200]);
		const deliveries = sim.webhooks.deliveries();
		expect(deliveries.map((d) => d.attemptNumber)).toEqual([0, 1]);
		expect(executions).toHaveLength(1);
		expect(executions[0].map((i) => i.json.action).sort()).toEqual(['creation', 'propertyChange']);

		await api(sim, 'PATCH', `/crm/v3/objects/deals/${deal.id}`, { properties: { dealstage: 'closedwon' } });
		await sim.webhooks.flush();
		expect(executions).toHaveLength(1); // the API write by our own app started nothing
		expect(statuses[statuses.length - 1]).toBe(200);
	});

	it('answers 401 to deliveries signed with another secret; HubSpot does not retry', async () => {
		secret = 'rotated-secret';
		sim.ui.create('deals', { dealname: 'Wrong secret' });
		await sim.webhooks.flush();
		await sim.webhooks.flush();
		expect(statuses).toEqual([401]);
		expect(executions).toHaveLength(0);
		expect(sim.webhooks.deliveries().map((d) => d.outcome)).toEqual(['failed']);
	});

	it('accepts the legacy v1 signature only when allowed (v3 header removed by a proxy)', async () => {
		// Some proxies drop unknown headers; simulate a delivery carrying only v1 by replaying one without v3.
		sim.ui.create('deals', { dealname: 'Legacy' });
		await sim.webhooks.flush();
		const [delivery] = sim.webhooks.deliveries();
		const headers = Object.fromEntries(Object.entries(delivery.headers).filter(([k]) => !/signature-v3|request-timestamp/i.test(k)));
		const replay = async () => (await fetch(target, { method: 'POST', headers, body: delivery.body })).status;
		for (const key of Object.keys(staticData)) delete staticData[key];
		expect(await replay()).toBe(401);
		params = { options: { signatureVersions: ['v1', 'v3'] } };
		expect(await replay()).toBe(200);
		expect(executions).toHaveLength(2);
	});
});
